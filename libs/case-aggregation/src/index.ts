// @wiztc/case-aggregation: findings of one vulnerability -> Workflow Case attributes (pure).
export {
  aggregateCase,
  CASE_NAME_PREFIX,
  DEFAULT_MAX_SOURCE_LINKS,
  OWNED_CASE_ATTRIBUTE_TYPES,
} from './lib/aggregate-case';
export type { CaseAggregate, CaseOptions } from './lib/case-aggregate.model';
export { caseSeverity } from './lib/case-severity';
export { assetKey, countAssets } from './lib/asset-counts';
export type { AssetCounts, CountLevel } from './lib/asset-counts';
export { average, severityCountSummary, sourceValue } from './lib/case-attributes';

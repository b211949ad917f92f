// @wiztc/mapping: Wiz findings of one vulnerability -> ThreatConnect Vulnerability Group (pure).
export { mapVulnerabilityGroup, TAG_MAX_SIZE } from './lib/map-vulnerability-group';
export type { MappingOptions, VulnerabilityGroupResult } from './lib/map-vulnerability-group';
export type { MappingIssue, MappingIssueCode } from './lib/issues';
export {
  caseXid,
  groupFindingsByVulnerability,
  normalizeVulnerabilityName,
  selectFindingsOfOneVulnerability,
  sortIssues,
  vulnerabilityTag,
  vulnerabilityXid,
} from './lib/vulnerability-name';
export type { FindingSelection } from './lib/vulnerability-name';
export { compareFindingsByRecency, isOpenFinding, parseTime } from './lib/finding-order';
export {
  ATTRIBUTE_TYPES,
  CASE_ATTRIBUTE,
  CASE_ATTRIBUTE_TYPES,
  CASE_SEVERITY_LEVELS,
  DEFAULT_MAX_SIZE,
  attributeTypesJson,
  averageCountType,
  maxCountType,
  resolveMaxSize,
} from './lib/attribute-types';
export type { AttributeTypeSpec, CaseSeverityLevel } from './lib/attribute-types';
export { attributeTypesMarkdown } from './lib/attribute-types.markdown';
export { createMappingRegistry, DEFAULT_MAPPING_REGISTRY } from './lib/registry';
export type { MappingRegistry, MappingRegistryOptions } from './lib/registry';
export type { GroupMapper, MapperContext, MapResult } from './lib/mappers/mapper.model';
export type { MappingRow, MappingTable, GroupFieldTarget } from './lib/table/table.model';
export { FINDING_TO_VULNERABILITY_GROUP_TABLE } from './lib/table/finding-to-vulnerability-group.table';
export { FINDING_FIELDS, MappingConfigError, validateTable } from './lib/table/validate-table';
export { BUILTIN_TRANSFORMS } from './lib/transforms/transform-registry';
export { BUILTIN_REDUCERS } from './lib/reducers/reducers';
export type { Reducer, ReduceEntry } from './lib/reducers/reducer.model';
export type {
  EpssScale,
  Transform,
  TransformOptions,
  TransformResult,
} from './lib/transforms/transform.model';
export { SEVERITY_RANK, severityRank } from './lib/transforms/severity.transforms';
export { toIsoSeconds } from './lib/transforms/date.transforms';
export { canonicalJson, ELLIPSIS, stableHash, truncateValue } from './lib/values';

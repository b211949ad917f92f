import {
  CASE_ATTRIBUTE_TYPES,
  caseXid,
  isOpenFinding,
  resolveMaxSize,
  selectFindingsOfOneVulnerability,
  sortIssues,
  stableHash,
  truncateValue,
  vulnerabilityTag,
  type MappingIssue,
} from '@wiztc/mapping';
import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import { countAssets } from './asset-counts';
import type { CaseAggregate, CaseOptions } from './case-aggregate.model';
import { aggregateAttributes, sourceValue } from './case-attributes';
import { caseSeverity } from './case-severity';

export const DEFAULT_MAX_SOURCE_LINKS = 50;
export const CASE_NAME_PREFIX = 'Wiz - Finding - ';

/** The Table 3 types wiztc owns (and replaces) on every case it writes. */
export const OWNED_CASE_ATTRIBUTE_TYPES: readonly string[] = CASE_ATTRIBUTE_TYPES.map((spec) => spec.name);

/**
 * Aggregates all findings of one vulnerability into its Workflow Case. Pure and order-independent:
 * the same findings in any order give the same aggregate and hash; the clock is never read.
 * Counts use open findings (OPEN, IN_PROGRESS, or no status) and one asset per distinct asset id.
 */
export function aggregateCase(
  findings: readonly WizVulnerabilityFinding[],
  options: CaseOptions = {},
): CaseAggregate {
  const selection = selectFindingsOfOneVulnerability(findings);
  const issues: MappingIssue[] = [...selection.issues];
  const vulnerability = selection.vulnerability ?? '';
  const selected = selection.findings;
  const open = selected.filter(isOpenFinding);
  const exploited = selected.some((f) => f.hasExploit === true);
  const kev = selected.some((f) => f.hasCisaKevExploit === true);

  const allAssets = countAssets(selected, vulnerability, issues);
  const openAssets = countAssets(open, vulnerability, []);
  const maxLinks = Math.max(0, Math.floor(options.maxSourceLinks ?? DEFAULT_MAX_SOURCE_LINKS));
  // Sources list the open assets; when none is open, the last known assets keep the analyst's trail.
  const linked = (openAssets.length > 0 ? openAssets : allAssets).slice(0, maxLinks);

  const raw = vulnerability
    ? [
        ...aggregateAttributes(openAssets),
        ...linked.map((asset) => ({ type: 'Source', value: sourceValue(asset) })),
      ]
    : [];
  const attributes = raw.map(({ type, value }) => {
    const max = resolveMaxSize(type, options.maxSizes);
    const cut = truncateValue(value, max);
    if (cut.truncated)
      issues.push({
        code: 'truncated',
        reason: `${type}: value of ${value.length} characters cut to the type's max size ${max}`,
        vulnerability,
        attributeType: type,
      });
    return { type, value: cut.value };
  });

  const written = {
    name: vulnerability ? `${CASE_NAME_PREFIX}${vulnerability}` : '',
    xid: vulnerability ? caseXid(vulnerability) : '',
    severity: caseSeverity(selected, exploited, kev),
    tags: vulnerability ? [vulnerabilityTag(vulnerability)] : [],
    attributes,
    ownedAttributeTypes: [...OWNED_CASE_ATTRIBUTE_TYPES],
  };
  return {
    vulnerability,
    ...written,
    openFindingCount: open.length,
    assetCount: openAssets.length,
    exploited,
    kev,
    resolved: open.length === 0,
    hash: stableHash(written),
    issues: sortIssues(issues),
  };
}

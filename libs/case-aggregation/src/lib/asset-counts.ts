import { isOpenFinding, type MappingIssue } from '@wiztc/mapping';
import type { WizRelatedIssueAnalytics, WizVulnerabilityFinding } from '@wiztc/wiz-client/model';

export const COUNT_FIELDS = {
  Critical: 'criticalSeverityCount',
  High: 'highSeverityCount',
  Medium: 'mediumSeverityCount',
  Low: 'lowSeverityCount',
  Informational: 'informationalSeverityCount',
} as const satisfies Record<string, keyof WizRelatedIssueAnalytics>;

export type CountLevel = keyof typeof COUNT_FIELDS;

export interface AssetCounts {
  key: string;
  /** Findings on this asset, most recently detected first. */
  findings: WizVulnerabilityFinding[];
  open: boolean;
  counts: Record<CountLevel, number>;
  issueCount: number;
}

/** One asset per distinct vulnerableAsset id (then providerUniqueId, externalId, else the finding itself). */
export function assetKey(finding: WizVulnerabilityFinding): string {
  const asset = finding.vulnerableAsset;
  for (const value of [asset?.id, asset?.providerUniqueId, asset?.externalId]) {
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return `finding:${finding.id}`;
}

function count(
  value: unknown,
  finding: WizVulnerabilityFinding,
  field: string,
  vulnerability: string,
  issues: MappingIssue[],
): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  issues.push({
    code: 'wrong-type',
    reason: `relatedIssueAnalytics.${field}: expected a count, got ${JSON.stringify(value)}; counted as 0`,
    vulnerability,
    findingId: finding.id,
  });
  return null;
}

/**
 * Groups findings (already in canonical order) by asset, in order of each asset's most recent
 * detection. Per-asset counts are the highest each finding of that asset reports (several findings of
 * one vulnerability on one asset share its issues; adding them would count issues twice). An asset
 * without `issueCount` counts the sum of its severity counts.
 */
export function countAssets(
  findings: readonly WizVulnerabilityFinding[],
  vulnerability: string,
  issues: MappingIssue[],
): AssetCounts[] {
  const assets = new Map<string, AssetCounts>();
  for (const finding of findings) {
    const key = assetKey(finding);
    let asset = assets.get(key);
    if (!asset) {
      asset = {
        key,
        findings: [],
        open: false,
        counts: { Critical: 0, High: 0, Medium: 0, Low: 0, Informational: 0 },
        issueCount: -1,
      };
      assets.set(key, asset);
    }
    asset.findings.push(finding);
    asset.open ||= isOpenFinding(finding);
    const analytics = finding.relatedIssueAnalytics;
    for (const [level, field] of Object.entries(COUNT_FIELDS) as [CountLevel, string][]) {
      const n = count(
        analytics?.[field as keyof WizRelatedIssueAnalytics],
        finding,
        field,
        vulnerability,
        issues,
      );
      if (n !== null) asset.counts[level] = Math.max(asset.counts[level], n);
    }
    const total = count(analytics?.issueCount, finding, 'issueCount', vulnerability, issues);
    if (total !== null) asset.issueCount = Math.max(asset.issueCount, total);
  }
  for (const asset of assets.values()) {
    if (asset.issueCount < 0) asset.issueCount = Object.values(asset.counts).reduce((a, b) => a + b, 0);
  }
  return [...assets.values()];
}

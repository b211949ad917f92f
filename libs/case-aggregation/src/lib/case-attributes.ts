import {
  CASE_ATTRIBUTE,
  CASE_SEVERITY_LEVELS,
  averageCountType,
  maxCountType,
  toIsoSeconds,
  parseTime,
} from '@wiztc/mapping';
import type { AssetCounts } from './asset-counts';

/** sum / n rounded half-up to 2 decimals with integer maths (exact, no binary-float surprises). */
export function average(sum: number, n: number): string {
  if (n === 0) return '0.00';
  const hundredths = Math.floor((sum * 200 + n) / (2 * n));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

export interface LevelFigures {
  level: (typeof CASE_SEVERITY_LEVELS)[number];
  max: number;
  average: string;
  total: number;
}

export function levelFigures(assets: readonly AssetCounts[]): LevelFigures[] {
  return CASE_SEVERITY_LEVELS.map((level) => {
    const values = assets.map((a) => a.counts[level]);
    const total = values.reduce((a, b) => a + b, 0);
    return { level, max: Math.max(0, ...values), average: average(total, values.length), total };
  });
}

/** The "Severity Count Summary" Markdown table (severity × Max, Average, Total). */
export function severityCountSummary(figures: readonly LevelFigures[]): string {
  return [
    '| Severity | Max | Average | Total |',
    '| --- | --- | --- | --- |',
    ...figures.map((f) => `| ${f.level} | ${f.max} | ${f.average} | ${f.total} |`),
  ].join('\n');
}

/** Table 3 aggregate attributes, in Table 3 order. */
export function aggregateAttributes(assets: readonly AssetCounts[]): { type: string; value: string }[] {
  const figures = levelFigures(assets);
  return [
    { type: CASE_ATTRIBUTE.severityCountSummary, value: severityCountSummary(figures) },
    { type: CASE_ATTRIBUTE.totalAssetCount, value: String(assets.length) },
    {
      type: CASE_ATTRIBUTE.totalIssuesCount,
      value: String(assets.reduce((sum, a) => sum + a.issueCount, 0)),
    },
    ...figures.map((f) => ({ type: averageCountType(f.level), value: f.average })),
    ...figures.map((f) => ({ type: maxCountType(f.level), value: String(f.max) })),
  ];
}

/**
 * One Source attribute: the asset, the Wiz portal link of its most recent finding, and one
 * `<Level> Severity Count: N` line per severity, so an analyst can search `Critical Severity Count: 2`.
 */
export function sourceValue(asset: AssetCounts): string {
  const latest = asset.findings[0];
  const a = latest?.vulnerableAsset;
  const name = a?.name ?? a?.providerUniqueId ?? asset.key;
  const kind = a?.type ?? a?.__typename;
  const url = asset.findings.map((f) => f.portalUrl).find((u) => typeof u === 'string' && u.trim() !== '');
  const detected = parseTime(latest?.lastDetectedAt);
  return [
    `Asset: ${name}${kind ? ` (${kind})` : ''}`,
    ...(url ? [`Wiz: ${url}`] : []),
    ...(detected !== null ? [`Last Detected: ${toIsoSeconds(detected)}`] : []),
    ...(asset.open ? [] : ['Status: Resolved']),
    ...CASE_SEVERITY_LEVELS.map((level) => `${level} Severity Count: ${asset.counts[level]}`),
  ].join('\n');
}

import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import { GROUP_FIELD_TARGETS, type MappingTable } from './table.model';

/** Top-level fields of a Wiz finding a row may read from (kept in step with the model by the type). */
export const FINDING_FIELDS = [
  'id',
  'name',
  'vulnerabilityExternalId',
  'detailedName',
  'version',
  'fixedVersion',
  'recommendedVersion',
  'description',
  'CVEDescription',
  'CVSSSeverity',
  'score',
  'exploitabilityScore',
  'impactScore',
  'severity',
  'vendorSeverity',
  'nvdSeverity',
  'weightedSeverity',
  'cnaScore',
  'vendorScore',
  'nvdScore',
  'epssSeverity',
  'epssPercentile',
  'epssProbability',
  'hasExploit',
  'hasCisaKevExploit',
  'cisaKevReleaseDate',
  'cisaKevDueDate',
  'isHighProfileThreat',
  'hasFix',
  'status',
  'resolutionReason',
  'firstDetectedAt',
  'lastDetectedAt',
  'resolvedAt',
  'updatedAt',
  'publishedDate',
  'fixDate',
  'detectionMethod',
  'dataSourceName',
  'locationPath',
  'link',
  'remediation',
  'portalUrl',
  'validatedInRuntime',
  'runtimeValidationResult',
  'reachability',
  'layerMetadata',
  'projects',
  'ignoreRules',
  'cvssv2',
  'cvssv3',
  'relatedIssueAnalytics',
  'categories',
  'vulnerableAsset',
] as const satisfies readonly (keyof WizVulnerabilityFinding)[];

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Thrown when a table or registry is built wrong (a programming error, never a data error). */
export class MappingConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid mapping configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'MappingConfigError';
  }
}

/** Every problem of a table, each naming its row index; empty when the table is valid. */
export function validateTable(
  table: MappingTable,
  known: { transforms: readonly string[]; reducers: readonly string[] },
): string[] {
  const problems: string[] = [];
  const fields = new Set<string>(FINDING_FIELDS);
  const seen = new Map<string, number>();
  if (!table.id) problems.push('table has no id');
  if (table.groupType !== 'Vulnerability')
    problems.push(`table ${table.id}: unsupported group type '${table.groupType}'`);
  table.rows.forEach((row, index) => {
    const at = `table ${table.id} row ${index}${row.type ? ` (${row.type})` : ''}`;
    const key = row.target === 'attribute' ? `attribute:${row.type ?? ''}` : row.target;
    if (row.target === 'attribute') {
      if (!row.type || row.type.trim() !== row.type)
        problems.push(`${at}: attribute row needs a trimmed type name`);
      if (row.maxSize !== undefined && (!Number.isInteger(row.maxSize) || row.maxSize < 1))
        problems.push(`${at}: maxSize must be a positive integer`);
    } else if (!GROUP_FIELD_TARGETS.includes(row.target)) {
      problems.push(`${at}: unknown target '${String(row.target)}'`);
    } else if (row.type !== undefined) {
      problems.push(`${at}: only attribute rows have a type`);
    }
    const prior = seen.get(key);
    if (prior !== undefined) problems.push(`${at}: same target as row ${prior}`);
    else seen.set(key, index);
    const paths = typeof row.from === 'string' ? [row.from] : row.from;
    if (!Array.isArray(paths) || paths.length === 0) problems.push(`${at}: 'from' needs at least one path`);
    for (const path of paths ?? []) {
      if (typeof path !== 'string' || !PATH.test(path))
        problems.push(`${at}: bad source path '${String(path)}'`);
      else if (!fields.has(path.split('.')[0] ?? ''))
        problems.push(`${at}: '${path}' is not a Wiz finding field`);
    }
    if (!known.transforms.includes(row.via)) problems.push(`${at}: unknown transform '${row.via}'`);
    if (!known.reducers.includes(row.reduce)) problems.push(`${at}: unknown reducer '${row.reduce}'`);
    if (row.when !== undefined && row.when !== 'always' && row.when !== 'none-open')
      problems.push(`${at}: unknown condition '${String(row.when)}'`);
    if (row.limit !== undefined && (!Number.isInteger(row.limit) || row.limit < 1))
      problems.push(`${at}: limit must be a positive integer`);
    if (row.displayed && row.target !== 'attribute') problems.push(`${at}: only attributes can be displayed`);
  });
  return problems;
}

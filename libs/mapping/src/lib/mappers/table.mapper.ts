import type { TcBatchAttribute, TcBatchGroup } from '@wiztc/tc-client/model';
import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import { isOpenFinding } from '../finding-order';
import type { MappingIssue } from '../issues';
import type { ReduceEntry, Reducer } from '../reducers/reducer.model';
import type { MappingRow, MappingTable } from '../table/table.model';
import type { Transform } from '../transforms/transform.model';
import { ELLIPSIS } from '../values';
import { vulnerabilityTag } from '../vulnerability-name';
import type { GroupMapper, MapperContext, MapResult } from './mapper.model';

export const TABLE_MAPPER_VERSION = 1;

function readPath(finding: WizVulnerabilityFinding, path: string): unknown {
  let current: unknown = finding;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function entriesOf(row: MappingRow, findings: readonly WizVulnerabilityFinding[]): ReduceEntry[] {
  const paths = typeof row.from === 'string' ? [row.from] : row.from;
  const entries: ReduceEntry[] = [];
  for (const finding of findings) {
    for (const path of paths) {
      const value = readPath(finding, path);
      if (value !== null && value !== undefined) {
        entries.push({ value, finding });
        break;
      }
    }
  }
  return entries;
}

/** The default mapper: applies a validated table with named reducers and transforms. */
export function createTableMapper(
  table: MappingTable,
  transforms: Readonly<Record<string, Transform>>,
  reducers: Readonly<Record<string, Reducer>>,
): GroupMapper {
  return {
    id: `table:${table.id}`,
    version: TABLE_MAPPER_VERSION,
    priority: Number.NEGATIVE_INFINITY,
    supports: () => true,
    map(findings, ctx): MapResult {
      const issues: MappingIssue[] = [];
      const group: TcBatchGroup = {
        type: table.groupType,
        name: ctx.vulnerability,
        xid: ctx.xid,
        attribute: [],
        tag: [{ name: vulnerabilityTag(ctx.vulnerability) }],
      };
      const anyOpen = findings.some(isOpenFinding);
      for (const row of table.rows) {
        if (row.when === 'none-open' && anyOpen) continue;
        const value = mapRow(row, findings, ctx, transforms, reducers, issues);
        if (value === undefined) continue;
        if (row.target === 'attribute') {
          const attribute: TcBatchAttribute = { type: row.type as string, value, source: ctx.source };
          if (row.displayed) attribute.displayed = true;
          group.attribute.push(attribute);
        } else {
          group[row.target] = value;
        }
      }
      return { group, issues };
    },
  };
}

function mapRow(
  row: MappingRow,
  findings: readonly WizVulnerabilityFinding[],
  ctx: MapperContext,
  transforms: Readonly<Record<string, Transform>>,
  reducers: Readonly<Record<string, Reducer>>,
  issues: MappingIssue[],
): string | undefined {
  const transform = transforms[row.via] as Transform;
  const reducer = reducers[row.reduce] as Reducer;
  const where = row.target === 'attribute' ? (row.type as string) : row.target;
  const texts = new Set<string>();
  for (const entry of reducer(entriesOf(row, findings))) {
    const result = transform(entry.value, { epssScale: ctx.epssScale });
    if (result.ok) texts.add(result.value);
    else
      issues.push({
        code: result.code,
        reason: `${where}: ${result.reason}`,
        vulnerability: ctx.vulnerability,
        findingId: entry.finding.id,
        attributeType: row.target === 'attribute' ? where : undefined,
      });
  }
  if (texts.size === 0) {
    if (row.required) {
      issues.push({
        code: 'missing-required',
        reason: `${where}: no finding has a usable value${row.default !== undefined ? '; default written' : ''}`,
        vulnerability: ctx.vulnerability,
        attributeType: row.target === 'attribute' ? where : undefined,
      });
    }
    return row.default;
  }
  const sorted = [...texts].sort();
  const limit = row.limit ?? Number.POSITIVE_INFINITY;
  const shown = sorted.slice(0, limit);
  if (sorted.length > shown.length) shown.push(`${ELLIPSIS} and ${sorted.length - shown.length} more`);
  return shown.join('\n');
}

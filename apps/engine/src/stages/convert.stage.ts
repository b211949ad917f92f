import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { aggregateCase, type CaseAggregate } from '@wiztc/case-aggregation';
import { mapVulnerabilityGroup, vulnerabilityXid } from '@wiztc/mapping';
import type { TcBatchGroup } from '@wiztc/tc-client/model';
import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import { recordErrors, type ErrorRow } from './errors';
import { countOf, type Stage, type StageContext } from './stage';

interface ConvertCheckpoint {
  after: string | null;
  part: number;
  vulnerabilities: number;
  groupsBatched: number;
  groupsUnchanged: number;
  issues: number;
}

/**
 * For every vulnerability the job touched, builds the Vulnerability Group and the Case from all stored findings of
 * that vulnerability (not only this window's), in chunks. Writes the groups that changed to `batch` parts and the
 * case aggregates to `cases` parts; mapping issues become error rows.
 */
export class ConvertStage implements Stage {
  readonly name = 'convert' as const;

  async run(ctx: StageContext): Promise<void> {
    const state: ConvertCheckpoint = (ctx.stage.checkpoint as ConvertCheckpoint | null) ?? {
      after: null,
      part: 0,
      vulnerabilities: 0,
      groupsBatched: 0,
      groupsUnchanged: 0,
      issues: 0,
    };
    const total = await countOf(
      ctx,
      `SELECT count(*)::int AS total FROM job_vulnerability WHERE job_id = $1`,
    );
    const maxSizes = await attributeMaxSizes(ctx);

    for (;;) {
      const names = await nextChunk(ctx, state.after);
      if (names.length === 0) break;

      const findings = await loadFindings(ctx, names);
      const syncRows = await loadGroupHashes(ctx, names);
      const groups: TcBatchGroup[] = [];
      const cases: CaseAggregate[] = [];
      const errors: ErrorRow[] = [];
      const syncUpdates: SyncUpdate[] = [];
      for (const name of names) {
        const own = findings.get(name) ?? [];
        const mapped = mapVulnerabilityGroup(own, { source: ctx.settings.attributeSource, maxSizes });
        for (const issue of mapped.issues) {
          errors.push({
            type: issue.code,
            reason: issue.reason,
            message: issue.attributeType ? `Attribute: ${issue.attributeType}` : null,
            vulnerabilityName: issue.vulnerability ?? name,
            findingId: issue.findingId ?? null,
          });
        }
        const aggregate = aggregateCase(own, { maxSizes });
        cases.push(aggregate);
        const groupHash = mapped.group ? hashOf(mapped.group) : null;
        if (mapped.group && groupHash !== syncRows.get(name)) {
          groups.push(mapped.group);
        } else if (mapped.group) {
          state.groupsUnchanged += 1;
        }
        syncUpdates.push({
          name,
          groupXid: mapped.group?.xid ?? vulnerabilityXid(name),
          groupHash,
          aggregate,
        });
      }
      state.part += 1;
      state.after = names[names.length - 1] ?? null;
      state.vulnerabilities += names.length;
      state.groupsBatched += groups.length;
      state.issues += errors.length;
      const part = state.part;
      const ref = { tenantId: ctx.tenant.id, jobId: ctx.job.id };
      await ctx.commit(
        async (em) => {
          await recordErrors(em, ctx.tenant.id, ctx.job.id, 'convert', errors);
          await saveSync(em, ctx.tenant.id, syncUpdates);
          if (groups.length > 0) await ctx.files.writePart(em, ref, 'batch', part, groups);
          await ctx.files.writePart(em, ref, 'cases', part, cases);
        },
        {
          checkpoint: { ...state },
          counts: {
            vulnerabilities: state.vulnerabilities,
            groupsBatched: state.groupsBatched,
            groupsUnchanged: state.groupsUnchanged,
            mappingIssues: state.issues,
          },
          progress: { done: state.vulnerabilities, total },
        },
      );
    }
  }
}

/**
 * The next vulnerabilities to convert: at most `convertChunkSize` of them and, past the first, no more than
 * `convertMaxFindings` stored findings in all, so memory follows the chunk, not the tenant (a vulnerability is
 * always converted whole: all its findings at once).
 */
async function nextChunk(ctx: StageContext, after: string | null): Promise<string[]> {
  const rows = await ctx.query<{ name: string; findings: number }>(
    `SELECT jv.vulnerability_name AS name,
            (SELECT count(*)::int FROM finding f
              WHERE f.tenant_id = $4 AND f.vulnerability_name = jv.vulnerability_name) AS findings
       FROM job_vulnerability jv
      WHERE jv.job_id = $1 AND ($2::text IS NULL OR jv.vulnerability_name > $2)
      ORDER BY jv.vulnerability_name LIMIT $3`,
    [ctx.job.id, after, ctx.settings.convertChunkSize, ctx.tenant.id],
  );
  const names: string[] = [];
  let findings = 0;
  for (const row of rows) {
    if (names.length > 0 && findings + row.findings > ctx.settings.convertMaxFindings) break;
    names.push(row.name);
    findings += row.findings;
  }
  return names;
}

/**
 * The max sizes ThreatConnect reports for its attribute types, so values are cut to what this instance accepts.
 * If the instance cannot be asked, the catalogue's sizes apply (docs/attribute-types.md).
 */
async function attributeMaxSizes(ctx: StageContext): Promise<Record<string, number> | undefined> {
  try {
    const types = await ctx.tc().attributeTypes(ctx.signal);
    return Object.fromEntries(types.filter((t) => t.maxSize > 0).map((t) => [t.name, t.maxSize]));
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return undefined;
  }
}

interface SyncUpdate {
  name: string;
  groupXid: string;
  groupHash: string | null;
  aggregate: CaseAggregate;
}

export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

async function loadFindings(
  ctx: StageContext,
  names: string[],
): Promise<Map<string, WizVulnerabilityFinding[]>> {
  const rows = await ctx.query<{ name: string; data: WizVulnerabilityFinding }>(
    `SELECT vulnerability_name AS name, data FROM finding
      WHERE tenant_id = $1 AND vulnerability_name = ANY($2::text[]) ORDER BY finding_id`,
    [ctx.tenant.id, names],
  );
  const byName = new Map<string, WizVulnerabilityFinding[]>();
  for (const row of rows) {
    const list = byName.get(row.name) ?? [];
    list.push(row.data);
    byName.set(row.name, list);
  }
  return byName;
}

async function loadGroupHashes(ctx: StageContext, names: string[]): Promise<Map<string, string | null>> {
  const rows = await ctx.query<{ name: string; hash: string | null }>(
    `SELECT vulnerability_name AS name, group_hash AS hash FROM vulnerability_sync
      WHERE tenant_id = $1 AND vulnerability_name = ANY($2::text[])`,
    [ctx.tenant.id, names],
  );
  return new Map(rows.map((r) => [r.name, r.hash]));
}

async function saveSync(em: EntityManager, tenantId: string, updates: readonly SyncUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map((u) => ({
    name: u.name,
    group_xid: u.groupXid,
    pending_group_hash: u.groupHash,
    case_xid: u.aggregate.xid,
    severity: u.aggregate.severity,
    exploited: u.aggregate.exploited,
    kev: u.aggregate.kev,
    open_findings: u.aggregate.openFindingCount,
    asset_count: u.aggregate.assetCount,
  }));
  await em.query(
    `INSERT INTO vulnerability_sync
       (tenant_id, vulnerability_name, group_xid, pending_group_hash, case_xid, severity, exploited, kev, open_findings, asset_count)
     SELECT $1, x.name, x.group_xid, x.pending_group_hash, x.case_xid, x.severity, x.exploited, x.kev, x.open_findings, x.asset_count
       FROM jsonb_to_recordset($2::jsonb) AS x(name text, group_xid text, pending_group_hash text, case_xid text,
            severity text, exploited boolean, kev boolean, open_findings int, asset_count int)
     ON CONFLICT (tenant_id, vulnerability_name) DO UPDATE SET
       group_xid = excluded.group_xid, pending_group_hash = excluded.pending_group_hash, case_xid = excluded.case_xid,
       severity = excluded.severity, exploited = excluded.exploited, kev = excluded.kev,
       open_findings = excluded.open_findings, asset_count = excluded.asset_count, updated_at = now()`,
    [tenantId, JSON.stringify(rows)],
  );
}

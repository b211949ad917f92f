import type { CaseAggregate } from '@wiztc/case-aggregation';
import type { TcClient } from '@wiztc/tc-client';
import type { TcAssignee } from '@wiztc/tc-client/model';
import type { JobFile } from '../jobs/job-file.entity';
import { counting, lookUpIds, type KnownIds, type SyncRow } from './case-lookups';
import { recordErrors } from './errors';
import { isEligible } from './eligibility';
import { countOf, type Stage, type StageContext } from './stage';

interface CasesCheckpoint {
  nextPart: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  calls: number;
}

/**
 * One Workflow Case per Vulnerability Group, in the tenant's Organization: found again by xid (never duplicated),
 * associated to the group, assigned and tagged at creation. On later runs only the attributes wiztc owns are
 * replaced; a vulnerability whose aggregate hash did not change costs no ThreatConnect call.
 */
export class CasesStage implements Stage {
  readonly name = 'cases' as const;

  async run(ctx: StageContext): Promise<void> {
    const state: CasesCheckpoint = (ctx.stage.checkpoint as CasesCheckpoint | null) ?? {
      nextPart: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
      calls: 0,
    };
    const parts = await ctx.query<Pick<JobFile, 'path' | 'part'>>(
      `SELECT path, part FROM job_file WHERE job_id = $1 AND kind = 'cases' AND part >= $2 ORDER BY part`,
      [ctx.job.id, state.nextPart],
    );
    const done = new Set(
      (
        await ctx.query<{ name: string }>(
          `SELECT vulnerability_name AS name FROM job_vulnerability WHERE job_id = $1 AND case_done`,
          [ctx.job.id],
        )
      ).map((r) => r.name),
    );
    let processed = done.size;
    const total = await countOf(
      ctx,
      `SELECT count(*)::int AS total FROM job_vulnerability WHERE job_id = $1`,
    );

    for (const part of parts) {
      const aggregates = (await ctx.files.readPart<CaseAggregate>(part)).filter(
        (a) => !done.has(a.vulnerability),
      );
      const syncRows = await loadSyncRows(ctx, aggregates);
      const lookup = await lookUpIds(ctx, aggregates, syncRows);
      state.calls += lookup.calls;
      // Vulnerabilities settled without any ThreatConnect call (unchanged, skipped) are marked done with the
      // next commit instead of one transaction each: redoing them after a kill costs no call either.
      let settled: string[] = [];
      const commit = async (aggregate: CaseAggregate | null, outcome: CaseOutcome | null): Promise<void> => {
        const names = aggregate ? [...settled, aggregate.vulnerability] : settled;
        settled = [];
        await ctx.commit(
          async (em) => {
            if (aggregate && outcome?.error) {
              await recordErrors(em, ctx.tenant.id, ctx.job.id, 'cases', [
                {
                  type: outcome.error.type,
                  reason: outcome.error.reason,
                  vulnerabilityName: aggregate.vulnerability,
                },
              ]);
            }
            if (aggregate && outcome?.sync) {
              await em.query(
                `UPDATE vulnerability_sync SET group_id = $3, case_id = $4, case_hash = $5, updated_at = now()
                  WHERE tenant_id = $1 AND vulnerability_name = $2`,
                [
                  ctx.tenant.id,
                  aggregate.vulnerability,
                  outcome.sync.groupId,
                  outcome.sync.caseId,
                  outcome.sync.caseHash,
                ],
              );
            }
            if (names.length > 0) {
              await em.query(
                `UPDATE job_vulnerability SET case_done = true WHERE job_id = $1 AND vulnerability_name = ANY($2::text[])`,
                [ctx.job.id, names],
              );
            }
          },
          {
            checkpoint: { ...state },
            counts: {
              casesCreated: state.created,
              casesUpdated: state.updated,
              casesUnchanged: state.unchanged,
              casesSkipped: state.skipped,
              casesFailed: state.failed,
              caseApiCalls: state.calls,
            },
            progress: { done: processed, total },
          },
        );
      };
      for (const aggregate of aggregates) {
        const outcome = await this.syncCase(
          ctx,
          aggregate,
          syncRows.get(aggregate.vulnerability),
          lookup.known,
        );
        state[outcome.kind] += 1;
        state.calls += outcome.calls;
        processed += 1;
        if (outcome.calls === 0 && !outcome.error && !outcome.sync) settled.push(aggregate.vulnerability);
        else await commit(aggregate, outcome);
      }
      state.nextPart = part.part + 1;
      await commit(null, null);
    }
  }

  private async syncCase(
    ctx: StageContext,
    aggregate: CaseAggregate,
    sync: SyncRow | undefined,
    known: KnownIds,
  ): Promise<CaseOutcome> {
    if (!isEligible(ctx.tenant.exploitFilter, aggregate)) return { kind: 'skipped', calls: 0 };
    if (!sync) {
      return {
        kind: 'failed',
        calls: 0,
        error: { type: 'CASE_NO_GROUP', reason: 'The vulnerability was never converted' },
      };
    }
    if (sync.case_id && sync.group_id && sync.case_hash === aggregate.hash)
      return { kind: 'unchanged', calls: 0 };

    const tc = counting(ctx.tc());
    try {
      const groupId = sync.group_id
        ? Number(sync.group_id)
        : (known.groups.get(sync.group_xid) ??
          (known.groupsAsked.has(sync.group_xid)
            ? undefined
            : (await tc.client.groups.getByXid(sync.group_xid, ctx.tenant.sourceName, { signal: ctx.signal }))
                ?.id));
      if (!groupId) {
        return {
          kind: 'failed',
          calls: tc.calls(),
          error: {
            type: 'CASE_NO_GROUP',
            reason: `Vulnerability group ${sync.group_xid} is not in the Source ${ctx.tenant.sourceName} (its upload failed)`,
          },
        };
      }
      const existingId = sync.case_id
        ? Number(sync.case_id)
        : (known.cases.get(aggregate.xid) ??
          (known.casesAsked.has(aggregate.xid)
            ? undefined
            : (await tc.client.cases.findByXid(aggregate.xid, { signal: ctx.signal }))?.id));
      const attributes = aggregate.attributes.map((a) => ({ ...a, source: ctx.settings.attributeSource }));
      if (!existingId) {
        const created = await tc.client.cases.create(
          {
            name: aggregate.name,
            xid: aggregate.xid,
            severity: aggregate.severity,
            status: 'Open',
            ...(ctx.tenant.assignee ? { assignee: userAssignee(ctx.tenant.assignee) } : {}),
            tags: { data: aggregate.tags.map((name) => ({ name })) },
            attributes: { data: attributes },
            associatedGroups: { data: [{ id: groupId }] },
          },
          ctx.signal,
        );
        return {
          kind: 'created',
          calls: tc.calls(),
          sync: { groupId, caseId: created.id, caseHash: aggregate.hash },
        };
      }
      if (!sync.group_id || !sync.case_id) {
        // Found again by xid (e.g. state lost): make sure the association and tags are there; append is idempotent.
        await tc.client.cases.update(
          existingId,
          {
            tags: { data: aggregate.tags.map((name) => ({ name })), mode: 'append' },
            associatedGroups: { data: [{ id: groupId }], mode: 'append' },
          },
          ctx.signal,
        );
      }
      await replaceOwnedAttributes(tc.client, existingId, aggregate, attributes, ctx);
      return {
        kind: 'updated',
        calls: tc.calls(),
        sync: { groupId, caseId: existingId, caseHash: aggregate.hash },
      };
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      const e = error as { errCode?: string; code?: string; message?: string };
      return {
        kind: 'failed',
        calls: tc.calls(),
        error: { type: e.errCode ?? e.code ?? 'CASE_WRITE_FAILED', reason: e.message ?? String(error) },
      };
    }
  }
}

/** The sync rows of a part's vulnerabilities, in one query. */
async function loadSyncRows(ctx: StageContext, aggregates: CaseAggregate[]): Promise<Map<string, SyncRow>> {
  if (aggregates.length === 0) return new Map();
  const rows = await ctx.query<SyncRow>(
    `SELECT vulnerability_name AS name, group_xid, group_id, case_id, case_hash FROM vulnerability_sync
      WHERE tenant_id = $1 AND vulnerability_name = ANY($2::text[])`,
    [ctx.tenant.id, aggregates.map((a) => a.vulnerability)],
  );
  return new Map(rows.map((r) => [r.name, r]));
}

type CaseOutcome = {
  kind: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
  calls: number;
  error?: { type: string; reason: string };
  sync?: { groupId: number; caseId: number; caseHash: string };
};

/** Replaces only wiztc's own attributes (its types, its source); what analysts added stays. */
async function replaceOwnedAttributes(
  tc: TcClient,
  caseId: number,
  aggregate: CaseAggregate,
  desired: { type: string; value: string; source: string }[],
  ctx: StageContext,
): Promise<void> {
  const owned = new Set(aggregate.ownedAttributeTypes);
  const existing = (await tc.caseAttributes.list(caseId, ctx.signal)).filter(
    (a) => owned.has(a.type) && (a.source ?? '') === ctx.settings.attributeSource,
  );
  const wanted = new Map<string, number>();
  for (const a of desired) wanted.set(key(a), (wanted.get(key(a)) ?? 0) + 1);
  for (const a of existing) {
    const k = key(a);
    const left = wanted.get(k) ?? 0;
    if (left > 0) wanted.set(k, left - 1);
    else await tc.caseAttributes.delete(a.id, ctx.signal);
  }
  for (const a of desired) {
    const left = wanted.get(key(a)) ?? 0;
    if (left <= 0) continue;
    wanted.set(key(a), left - 1);
    await tc.caseAttributes.create(caseId, a, ctx.signal);
  }
}

function key(a: { type: string; value: string }): string {
  return `${a.type}\u0000${a.value}`;
}

function userAssignee(userName: string): TcAssignee {
  return { type: 'User', data: { userName } };
}

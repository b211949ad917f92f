import { normalizeVulnerabilityName } from '@wiztc/mapping';
import type { TcClient, TcTaggedObject } from '@wiztc/tc-client';
import { hashOf } from './convert.stage';
import { isEligible } from './eligibility';
import { recordErrors, type ErrorRow } from './errors';
import type { Stage, StageContext } from './stage';

/** The Wiz attributes a matched Group or Indicator receives (their types must apply to the scanned types). */
export const CORRELATION_ATTRIBUTE_TYPES = ['Severity', 'Has Exploit', 'Has CISA KEV Exploit'] as const;

interface Target {
  name: string;
  groupId: number;
  caseId: number;
  severity: string;
  exploited: boolean;
  kev: boolean;
}

interface CorrelateCheckpoint {
  after: string | null;
  matched: number;
  associations: number;
  unchanged: number;
  failed: number;
}

/**
 * When owners to scan are set: finds Groups and Indicators of the chosen types whose tags equal the job's
 * vulnerability ids (batched TQL through the client), associates each to the Vulnerability Group and its Case
 * (cross-owner, v3) and writes the Wiz attributes on it. A match whose state did not change costs no write.
 */
export class CorrelateStage implements Stage {
  readonly name = 'correlate' as const;

  async run(ctx: StageContext): Promise<void> {
    if (ctx.tenant.ownersToScan.length === 0) {
      await ctx.commit(async () => undefined, {
        checkpoint: { skipped: 'no owners to scan' },
        counts: { associations: 0 },
      });
      return;
    }
    const state: CorrelateCheckpoint = (ctx.stage.checkpoint as CorrelateCheckpoint | null) ?? {
      after: null,
      matched: 0,
      associations: 0,
      unchanged: 0,
      failed: 0,
    };
    for (;;) {
      const rows = await ctx.query<{
        name: string;
        group_id: string | null;
        case_id: string | null;
        severity: string | null;
        exploited: boolean;
        kev: boolean;
      }>(
        `SELECT jv.vulnerability_name AS name, s.group_id, s.case_id, s.severity, s.exploited, s.kev
           FROM job_vulnerability jv
           JOIN vulnerability_sync s ON s.tenant_id = $2 AND s.vulnerability_name = jv.vulnerability_name
          WHERE jv.job_id = $1 AND ($3::text IS NULL OR jv.vulnerability_name > $3)
          ORDER BY jv.vulnerability_name LIMIT 500`,
        [ctx.job.id, ctx.tenant.id, state.after],
      );
      if (rows.length === 0) break;
      const targets = new Map<string, Target>();
      for (const r of rows) {
        if (!r.group_id || !r.case_id || !isEligible(ctx.tenant.exploitFilter, r)) continue;
        targets.set(r.name, {
          name: r.name,
          groupId: Number(r.group_id),
          caseId: Number(r.case_id),
          severity: r.severity ?? 'Unknown',
          exploited: r.exploited,
          kev: r.kev,
        });
      }
      const writes: { target: Target; object: TcTaggedObject; hash: string }[] = [];
      const errors: ErrorRow[] = [];
      if (targets.size > 0) {
        const known = await this.knownHashes(ctx, [...targets.keys()]);
        const ownGroupIds = new Set([...targets.values()].map((t) => t.groupId));
        for await (const object of ctx.tc().searchByTags({
          tags: [...targets.keys()],
          owners: ctx.tenant.ownersToScan,
          groupTypes: ctx.tenant.groupTypesToScan,
          indicatorTypes: ctx.tenant.indicatorTypesToScan,
          signal: ctx.signal,
        })) {
          if (object.kind === 'group' && ownGroupIds.has(object.id)) continue;
          for (const tag of object.tags) {
            // ThreatConnect matches tags without regard to case; CVE ids are compared in their upper-case form.
            const target = targets.get(normalizeVulnerabilityName(tag) ?? tag);
            if (!target) continue;
            state.matched += 1;
            const hash = hashOf([target.groupId, target.caseId, attributesFor(target)]);
            if (known.get(`${target.name}|${object.kind}|${object.id}`) === hash) {
              state.unchanged += 1;
              continue;
            }
            writes.push({ target, object, hash });
          }
        }
        await ctx.heartbeat();
        for (const w of writes) {
          try {
            await enrich(ctx.tc(), w.object, w.target, ctx);
            state.associations += 2;
          } catch (error) {
            if (ctx.signal.aborted) throw error;
            state.failed += 1;
            const e = error as { errCode?: string; code?: string; message?: string };
            errors.push({
              type: e.errCode ?? e.code ?? 'CORRELATE_FAILED',
              reason: e.message ?? String(error),
              message: `${w.object.kind} ${w.object.id} (${w.object.type}) in ${w.object.ownerName}`,
              vulnerabilityName: w.target.name,
            });
            w.hash = '';
          }
        }
      }
      state.after = rows[rows.length - 1]?.name ?? null;
      await ctx.commit(
        async (em) => {
          await recordErrors(em, ctx.tenant.id, ctx.job.id, 'correlate', errors);
          const ok = writes.filter((w) => w.hash);
          if (ok.length > 0) {
            await em.query(
              `INSERT INTO correlation (tenant_id, vulnerability_name, object_kind, object_id, object_type, owner_name, hash)
               SELECT $1, x.name, x.kind, x.id, x.type, x.owner, x.hash
                 FROM jsonb_to_recordset($2::jsonb) AS x(name text, kind text, id bigint, type text, owner text, hash text)
               ON CONFLICT (tenant_id, vulnerability_name, object_kind, object_id) DO UPDATE SET hash = excluded.hash`,
              [
                ctx.tenant.id,
                JSON.stringify(
                  ok.map((w) => ({
                    name: w.target.name,
                    kind: w.object.kind,
                    id: w.object.id,
                    type: w.object.type,
                    owner: w.object.ownerName,
                    hash: w.hash,
                  })),
                ),
              ],
            );
          }
          await em.query(
            `UPDATE job_vulnerability SET correlated = true WHERE job_id = $1 AND vulnerability_name = ANY($2::text[])`,
            [ctx.job.id, rows.map((r) => r.name)],
          );
        },
        {
          checkpoint: { ...state },
          counts: {
            tagMatches: state.matched,
            associations: state.associations,
            correlationsUnchanged: state.unchanged,
            correlationsFailed: state.failed,
          },
        },
      );
    }
  }

  private async knownHashes(ctx: StageContext, names: string[]): Promise<Map<string, string>> {
    const rows = await ctx.query<{ name: string; kind: string; id: string; hash: string }>(
      `SELECT vulnerability_name AS name, object_kind AS kind, object_id AS id, hash FROM correlation
        WHERE tenant_id = $1 AND vulnerability_name = ANY($2::text[])`,
      [ctx.tenant.id, names],
    );
    return new Map(rows.map((r) => [`${r.name}|${r.kind}|${r.id}`, r.hash]));
  }
}

function attributesFor(t: Target): { type: string; value: string }[] {
  return [
    { type: 'Severity', value: t.severity },
    { type: 'Has Exploit', value: String(t.exploited) },
    { type: 'Has CISA KEV Exploit', value: String(t.kev) },
  ];
}

/** Associates the object to the group and the case, and upserts wiztc's attributes on it (its source only). */
async function enrich(
  tc: TcClient,
  object: TcTaggedObject,
  target: Target,
  ctx: StageContext,
): Promise<void> {
  const associations = {
    associatedGroups: { data: [{ id: target.groupId }], mode: 'append' as const },
    associatedCases: { data: [{ id: target.caseId }], mode: 'append' as const },
  };
  const attributes = object.kind === 'group' ? tc.groupAttributes : tc.indicatorAttributes;
  if (object.kind === 'group') await tc.groups.update(object.id, associations, ctx.signal);
  else await tc.indicators.update(object.id, associations, ctx.signal);
  const existing = (await attributes.list(object.id, ctx.signal)).filter(
    (a) => (a.source ?? '') === ctx.settings.attributeSource,
  );
  for (const wanted of attributesFor(target)) {
    const current = existing.find((a) => a.type === wanted.type);
    if (!current) {
      await attributes.create(object.id, { ...wanted, source: ctx.settings.attributeSource }, ctx.signal);
    } else if (current.value !== wanted.value) {
      await attributes.update(
        current.id,
        { value: wanted.value, source: ctx.settings.attributeSource },
        ctx.signal,
      );
    }
  }
}

import { normalizeVulnerabilityName } from '@wiztc/mapping';
import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import type { EntityManager } from 'typeorm';
import type { Stage, StageContext } from './stage';
import { recordErrors, type ErrorRow } from './errors';

interface DownloadCheckpoint {
  cursor: string | null;
  page: number;
  received: number;
  stored: number;
  malformed: number;
  totalCount: number | null;
  done: boolean;
}

/**
 * Walks the job's `updatedAt` window from Wiz page by page. Each page's findings, its file part and the cursor are
 * committed in one transaction, so a killed download resumes at the next page and never holds more than a page.
 */
export class DownloadStage implements Stage {
  readonly name = 'download' as const;

  async run(ctx: StageContext): Promise<void> {
    const saved = (ctx.stage.checkpoint ?? null) as DownloadCheckpoint | null;
    if (saved?.done) return;
    const state: DownloadCheckpoint = saved ?? {
      cursor: null,
      page: 0,
      received: 0,
      stored: 0,
      malformed: 0,
      totalCount: null,
      done: false,
    };

    const pages = ctx.wiz().vulnerabilityFindings({
      updatedAfter: ctx.job.windowStart.toISOString(),
      updatedBefore: ctx.job.windowEnd.toISOString(),
      exploitFilter: ctx.tenant.exploitFilter,
      pageSize: ctx.settings.wizPageSize,
      after: state.cursor,
      includeTotalCount: state.page === 0,
      signal: ctx.signal,
    });

    for await (const page of oneAhead(pages)) {
      const { valid, errors } = splitPage(page.nodes, ctx.job.id);
      state.page += 1;
      state.cursor = page.endCursor;
      state.received += page.nodes.length;
      state.stored += valid.length;
      state.malformed += errors.length;
      if (page.totalCount !== undefined && page.totalCount !== null) state.totalCount = page.totalCount;
      state.done = !page.hasNextPage;
      const part = state.page;
      await ctx.commit(
        async (em) => {
          await upsertFindings(em, ctx.tenant.id, ctx.job.id, valid);
          await recordErrors(em, ctx.tenant.id, ctx.job.id, 'download', errors);
          await ctx.files.writePart(
            em,
            { tenantId: ctx.tenant.id, jobId: ctx.job.id },
            'download',
            part,
            page.nodes,
          );
        },
        {
          checkpoint: { ...state },
          counts: {
            downloadedFindings: state.received,
            storedFindings: state.stored,
            malformedFindings: state.malformed,
            pages: state.page,
            ...(state.totalCount === null ? {} : { wizTotalCount: state.totalCount }),
          },
          progress: { done: state.received, total: state.totalCount },
        },
      );
    }
    if (!state.done) {
      // An empty walk (no page at all) still completes the stage.
      await ctx.commit(async () => undefined, { checkpoint: { ...state, done: true } });
    }
  }
}

interface ValidFinding {
  id: string;
  name: string;
  finding: WizVulnerabilityFinding;
}

/** A finding without an id or a name cannot be stored: it becomes an error row, the rest of the page goes on. */
export function splitPage(
  nodes: readonly unknown[],
  jobId: string,
): { valid: ValidFinding[]; errors: ErrorRow[] } {
  const valid = new Map<string, ValidFinding>();
  const errors: ErrorRow[] = [];
  for (const node of nodes) {
    const finding = node as Partial<WizVulnerabilityFinding> | null;
    const id = typeof finding?.id === 'string' && finding.id.length > 0 ? finding.id : null;
    const name = normalizeVulnerabilityName(finding?.name);
    if (!finding || typeof finding !== 'object' || !id || !name) {
      errors.push({
        type: 'MALFORMED_FINDING',
        reason: !id ? 'Finding has no id' : 'Finding has no vulnerability name',
        message: `Job ${jobId}: ${JSON.stringify(node).slice(0, 500)}`,
        findingId: id,
        vulnerabilityName: null,
      });
      continue;
    }
    valid.set(id, { id, name, finding: finding as WizVulnerabilityFinding });
  }
  return { valid: [...valid.values()], errors };
}

async function upsertFindings(
  em: EntityManager,
  tenantId: string,
  jobId: string,
  findings: readonly ValidFinding[],
): Promise<void> {
  if (findings.length === 0) return;
  const rows = findings.map((f) => ({
    finding_id: f.id,
    vulnerability_name: f.name,
    status: f.finding.status ?? null,
    asset_id: f.finding.vulnerableAsset?.id ?? null,
    wiz_updated_at: validDate(f.finding.updatedAt),
    data: f.finding,
  }));
  await em.query(
    `INSERT INTO finding (tenant_id, finding_id, vulnerability_name, status, asset_id, wiz_updated_at, data, last_job_id)
     SELECT $1, x.finding_id, x.vulnerability_name, x.status, x.asset_id, x.wiz_updated_at, x.data, $2
       FROM jsonb_to_recordset($3::jsonb)
         AS x(finding_id text, vulnerability_name text, status text, asset_id text, wiz_updated_at timestamptz, data jsonb)
     ON CONFLICT (tenant_id, finding_id) DO UPDATE SET
       vulnerability_name = excluded.vulnerability_name, status = excluded.status, asset_id = excluded.asset_id,
       wiz_updated_at = excluded.wiz_updated_at, data = excluded.data, last_job_id = excluded.last_job_id`,
    [tenantId, jobId, JSON.stringify(rows)],
  );
  await em.query(
    `INSERT INTO job_vulnerability (job_id, vulnerability_name)
     SELECT $1, name FROM unnest($2::text[]) AS name
     ON CONFLICT DO NOTHING`,
    [jobId, [...new Set(findings.map((f) => f.name))]],
  );
}

function validDate(value: string | null | undefined): string | null {
  if (!value) return null;
  return Number.isNaN(Date.parse(value)) ? null : value;
}

/**
 * Asks for the next page as soon as the current one is handed over, so Wiz works on page N+1 while page N is
 * committed. Safe for resumption: a page fetched ahead but never committed is simply fetched again.
 */
export async function* oneAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      next.catch(() => undefined); // awaited on the next turn; no unhandled rejection meanwhile
      yield result.value;
    }
  } finally {
    await iterator.return?.();
  }
}

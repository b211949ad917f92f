// Runs one engine job (enqueue, claim, PipelineService.runJob) against the simulator children and gathers
// its figures: per-stage wall time from job_stage, total wall time, memory peaks, Wiz and ThreatConnect calls.
import type { DataSource } from 'typeorm';
import { createTcClient } from '@wiztc/tc-client';
import { createWizClient } from '@wiztc/wiz-client';
import type { WizSimulatorStats } from '@wiztc/wiz-simulator';
import {
  JobQueue,
  type JobFilesService,
  PipelineService,
  type PipelineSettings,
  type PipelineTenant,
  type Stage,
  type StageHooks,
  type TenantRuntime,
} from './engine';
import { startMemorySampler, type MemoryPeaks } from './memory';
import type { SimProcess } from './sim-process';
import type { TcCalls, WizInfo } from './sim-protocol';

export const TC_CREDENTIALS = { accessId: 'wiztc-bench-access', secretKey: 'wiztc-bench-secret-key' };

export interface BenchContext {
  dataSource: DataSource;
  wiz: SimProcess;
  wizInfo: WizInfo;
  tc: SimProcess;
  tcUrl: string;
  files: JobFilesService;
  settings: PipelineSettings;
  window: { start: Date; end: Date };
}

export interface StageFigure {
  stage: string;
  seconds: number;
  /** Peak RSS and heap used of the engine process while this stage ran. */
  peakRss: number;
  peakHeapUsed: number;
  counts: Record<string, number>;
}

export interface JobFigures {
  status: string;
  error: string | null;
  seconds: number;
  stages: StageFigure[];
  memory: MemoryPeaks;
  wizGraphqlRequests: number;
  wizTokenRequests: number;
  /** Time the engine waited for the Wiz simulator's answers (its share of the download stage). */
  wizWaitSeconds: number;
  /** Time the engine waited for the ThreatConnect simulator's answers. */
  tcWaitSeconds: number;
  tcByKind: Record<string, number>;
  tcByRoute: Record<string, number>;
  tcTotal: number;
}

function diff(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) {
    const d = v - (before[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

/** A fetch that adds the time each call waited for its answer (headers and body) to `waited.seconds`. */
function timedFetch(waited: { seconds: number }): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    const response = await fetch(input, init);
    const body = await response.arrayBuffer();
    waited.seconds += (performance.now() - started) / 1000;
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

export async function runBenchJob(
  ctx: BenchContext,
  tenant: PipelineTenant,
  stages?: Stage[],
): Promise<JobFigures> {
  const wizWait = { seconds: 0 };
  const tcWait = { seconds: 0 };
  const runtime = async (): Promise<TenantRuntime> => {
    const wizClient = createWizClient({
      environment: 'app.wiz.io',
      dataCenter: 'us1',
      clientId: ctx.wizInfo.clientId,
      clientSecret: ctx.wizInfo.clientSecret,
      endpoints: { authUrl: ctx.wizInfo.authUrl, apiUrl: ctx.wizInfo.apiUrl },
      requestsPerSecond: null,
      fetch: timedFetch(wizWait),
    });
    const tcClient = createTcClient({ baseUrl: ctx.tcUrl, auth: TC_CREDENTIALS, fetch: timedFetch(tcWait) });
    return { tenant, wiz: () => wizClient, tc: () => tcClient };
  };
  const queue = new JobQueue(ctx.dataSource);
  const wizBefore = await ctx.wiz.request<WizSimulatorStats>({ op: 'stats' });
  const tcBefore = await ctx.tc.request<TcCalls>({ op: 'calls' });

  const memory = startMemorySampler();
  const hooks: StageHooks = {
    isPaused: async () => false,
    stageStarted: async (_job, stage) => memory.label(stage),
    stageEnded: async () => memory.label('between stages'),
  };
  const pipeline = new PipelineService(ctx.dataSource, runtime, ctx.files, ctx.settings, hooks, stages);
  const started = performance.now();
  const job = await queue.enqueue({
    tenantId: tenant.id,
    type: 'adhoc',
    windowStart: ctx.window.start,
    windowEnd: ctx.window.end,
  });
  const claimed = await queue.claimNext('bench-worker', tenant.id);
  if (claimed?.id !== job.id) throw new Error(`Expected to claim job ${job.id}`);
  const status = await pipeline.runJob(job.id, new AbortController().signal, 'bench-worker');
  const seconds = (performance.now() - started) / 1000;
  const peaks = memory.stop();

  const wizAfter = await ctx.wiz.request<WizSimulatorStats>({ op: 'stats' });
  const tcAfter = await ctx.tc.request<TcCalls>({ op: 'calls' });
  const [row] = (await ctx.dataSource.query(`SELECT error FROM job WHERE id = $1`, [job.id])) as {
    error: string | null;
  }[];
  const stageRows = (await ctx.dataSource.query(
    `SELECT stage, started_at, completed_at, counts FROM job_stage WHERE job_id = $1 ORDER BY position`,
    [job.id],
  )) as {
    stage: string;
    started_at: Date | null;
    completed_at: Date | null;
    counts: Record<string, number>;
  }[];
  const tcByKind = diff(tcAfter.byKind, tcBefore.byKind);
  return {
    status,
    error: row?.error ?? null,
    seconds,
    stages: stageRows
      .filter((s) => s.started_at && s.completed_at)
      .map((s) => ({
        stage: s.stage,
        seconds: ((s.completed_at as Date).getTime() - (s.started_at as Date).getTime()) / 1000,
        counts: s.counts,
        peakRss: peaks.byLabel[s.stage]?.peakRss ?? 0,
        peakHeapUsed: peaks.byLabel[s.stage]?.peakHeapUsed ?? 0,
      })),
    memory: peaks,
    wizGraphqlRequests: wizAfter.graphqlRequests - wizBefore.graphqlRequests,
    wizTokenRequests: wizAfter.tokenRequests - wizBefore.tokenRequests,
    wizWaitSeconds: wizWait.seconds,
    tcWaitSeconds: tcWait.seconds,
    tcByKind,
    tcByRoute: diff(tcAfter.byRoute, tcBefore.byRoute),
    tcTotal: Object.values(tcByKind).reduce((a, b) => a + b, 0),
  };
}

import type { JobDetails, JobSummary, Page } from '@wiztc/contracts';
import * as path from 'node:path';
import { formatBanner } from './banner';
import { DemoApi, waitUntilReady } from './demo-api';
import { freePort, type DemoOptions } from './demo-options';
import {
  DEFAULT_DEMO_SIMULATOR_OPTIONS,
  DEMO_TC,
  DEMO_WIZ,
  startDemoSimulators,
  type DemoSimulators,
} from './demo-simulators';
import { DEMO_STATE_FILE, loadOrCreateDemoState } from './demo-state';
import { ensureDemoTenant } from './demo-tenant';
import { startEngineProcess, type EngineProcess } from './engine-process';

export interface RunningDemo {
  readonly apiBase: string;
  readonly adminKey: string;
  readonly tenantId: string;
  readonly engine: EngineProcess;
  readonly simulators: DemoSimulators;
  /** Stops the engine (and so its embedded Postgres), then the simulators. Idempotent. */
  stop(): Promise<void>;
}

export interface RunDemoOptions extends DemoOptions {
  readonly repoRoot: string;
  /** The environment the engine inherits (the launcher adds the demo's variables). */
  readonly env: NodeJS.ProcessEnv;
  readonly print?: (text: string) => void;
  /** How long the engine may take to be ready (embedded Postgres initdb + migrations). */
  readonly readyTimeoutMs?: number;
  /** Called as soon as the engine process exists (so a signal during start-up can stop it). */
  readonly onEngineStarted?: (engine: EngineProcess) => void;
}

const BACKFILL_DAYS = 30;

/** Simulators → engine (ordinary configuration) → ready → demo tenant → banner; then watches the first job. */
export async function runDemo(options: RunDemoOptions): Promise<RunningDemo> {
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const state = loadOrCreateDemoState(options.dataDir);
  const port = options.port === 0 ? await freePort() : options.port;

  const simulators = await startDemoSimulators({
    ...DEFAULT_DEMO_SIMULATOR_OPTIONS,
    wizPort: options.wizPort,
    tcPort: options.tcPort,
    findings: options.findings,
    vulnerabilities: options.vulnerabilities,
    backfillDays: BACKFILL_DAYS,
  });
  print(`[demo] Wiz simulator on ${simulators.wiz.url}, ThreatConnect simulator on ${simulators.tc.url}`);

  let engine: EngineProcess;
  try {
    engine = startEngineProcess({
      repoRoot: options.repoRoot,
      env: {
        ...options.env,
        WIZTC_DATA_DIR: options.dataDir,
        PORT: String(port),
        WIZTC_HOST: options.host,
        WIZTC_WIZ_ENDPOINTS: JSON.stringify({
          authUrl: simulators.wiz.authUrl,
          apiUrl: simulators.wiz.apiUrl,
        }),
        WIZTC_WIZ_REQUESTS_PER_SECOND: options.env['WIZTC_WIZ_REQUESTS_PER_SECOND'] ?? 'unlimited',
        WIZTC_BOOTSTRAP_ADMIN_KEY: state.adminKey,
      },
    });
  } catch (error) {
    await simulators.close();
    throw error;
  }
  options.onEngineStarted?.(engine);
  print(
    `[demo] engine starting (pid ${engine.pid})${options.env['DATABASE_URL'] ? '' : ' with the embedded Postgres'}`,
  );

  const watcher = new AbortController();
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      watcher.abort();
      await engine.stop();
      await simulators.close();
    })());

  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const apiBase = `${origin}/api/v1`;
  try {
    await waitUntilReady(`${apiBase}/health/ready`, {
      timeoutMs: options.readyTimeoutMs ?? 120_000,
      alive: engine.alive,
    });
    const api = new DemoApi(apiBase, state.adminKey);
    const { tenant, created } = await ensureDemoTenant(api, simulators.tc.url, BACKFILL_DAYS);
    print(`[demo] ${created ? 'created' : 'found'} the demo tenant ${tenant.id}`);
    print(
      formatBanner({
        apiBase,
        adminKey: state.adminKey,
        stateFile: path.join(options.dataDir, DEMO_STATE_FILE),
        dataDir: options.dataDir,
        tenantId: tenant.id,
        tenantName: tenant.name,
        backfillDays: tenant.initialBackfillDays,
        wiz: {
          url: simulators.wiz.url,
          clientId: DEMO_WIZ.clientId,
          clientSecret: DEMO_WIZ.clientSecret,
          findings: options.findings,
          vulnerabilities: options.vulnerabilities,
        },
        tc: {
          url: simulators.tc.url,
          accessId: DEMO_TC.accessId,
          secretKey: DEMO_TC.secretKey,
          organization: DEMO_TC.organization,
          source: DEMO_TC.source,
        },
        seeded: simulators.seeded,
      }),
    );
    void reportFirstJob(api, tenant.id, print, watcher.signal);
    return { apiBase, adminKey: state.adminKey, tenantId: tenant.id, engine, simulators, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Prints one line when the tenant's first job ends (the newcomer need not poll to see it worked). */
async function reportFirstJob(
  api: DemoApi,
  tenantId: string,
  print: (text: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const jobs = `/tenants/${tenantId}/jobs`;
  while (!signal.aborted) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    if (signal.aborted) return;
    try {
      const page = await api.get<Page<JobSummary>>(`${jobs}?sort=number&order=asc&pageSize=1`);
      const first = page.items[0];
      if (!first || (first.status !== 'completed' && first.status !== 'failed')) continue;
      if (first.status === 'failed') {
        print(`[demo] job #${first.number} failed: ${first.error ?? 'see GET ' + jobs + '/' + first.id}`);
        return;
      }
      const details = await api.get<JobDetails>(`${jobs}/${first.id}`);
      const c = details.counts;
      print(
        `[demo] job #${first.number} completed: ${c.downloadedFindings} findings downloaded, ${c.vulnerabilities} vulnerabilities, ` +
          `${c.groupsSucceeded} groups written, ${c.casesCreated} cases created, ${c.associations} correlations. ` +
          `Details: GET ${api.baseUrl}${jobs}/${first.id}`,
      );
      return;
    } catch {
      // the engine may be restarting or shutting down; try again on the next tick
    }
  }
}

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ATTRIBUTE_TYPES, normalizeVulnerabilityName } from '@wiztc/mapping';
import { createTcClient, type TcClient } from '@wiztc/tc-client';
import { startTcSimulator, type TcSimulator, type TcSimState } from '@wiztc/tc-simulator';
import { createWizClient, type WizClient } from '@wiztc/wiz-client';
import { startWizSimulator, type WizSimulator } from '@wiztc/wiz-simulator';
import type { WizExploitFilter } from '@wiztc/wiz-client/model';
import { JobFilesService } from '../../src/jobs/job-files.service';
import { JobQueue } from '../../src/jobs/job-queue';
import { PipelineService, type StageHooks, type TenantRuntime } from '../../src/jobs/pipeline.service';
import {
  DEFAULT_PIPELINE_SETTINGS,
  type PipelineSettings,
  type PipelineTenant,
} from '../../src/stages/stage';
import { createTestDatabase, type TestDatabase } from '../harness';

export const ORG = 'Acme Corp';
export const SOURCE = 'Wiz Cloud Security Threat Intelligence - Acme Corp';
export const COMMUNITY = 'Intel Community';
export const ANALYST = 'analyst@acme.test';
export const TC_CREDENTIALS = { accessId: 'wiztc-test-access', secretKey: 'tc-secret-key-never-logged' };

/** Fast pipeline settings for tests: small chunks so kills land between parts, quick batch polling. */
export const TEST_SETTINGS: PipelineSettings = {
  ...DEFAULT_PIPELINE_SETTINGS,
  wizPageSize: 500,
  convertChunkSize: 50,
  batchPollIntervalMs: 10,
};

export async function startWiz(
  overrides: Partial<Parameters<typeof startWizSimulator>[0]> = {},
): Promise<WizSimulator> {
  return startWizSimulator({
    seed: 7,
    findingCount: 5000,
    vulnerabilityCount: 300,
    now: '2026-12-01T00:00:00.000Z',
    clientId: 'wiz-client-acme',
    clientSecret: 'wiz-secret-never-logged',
    ...overrides,
  });
}

/** The attribute types of an instance set up per docs/attribute-types.md (the catalogue's names and sizes). */
export const CONFIGURED_ATTRIBUTE_TYPES = ATTRIBUTE_TYPES.map((t) => ({ name: t.name, maxSize: t.maxSize }));

export async function startTc(
  overrides: Partial<Parameters<typeof startTcSimulator>[0]> = {},
): Promise<TcSimulator> {
  return startTcSimulator({
    ...TC_CREDENTIALS,
    organization: ORG,
    sources: [SOURCE],
    communities: [COMMUNITY],
    users: [ANALYST],
    batch: { processingDelayMs: 0 },
    attributeTypes: CONFIGURED_ATTRIBUTE_TYPES,
    ...overrides,
  });
}

export interface PipelineFixture {
  db: TestDatabase;
  files: JobFilesService;
  queue: JobQueue;
  tenant: PipelineTenant;
  /** The pipeline, its runtime's clients wrapped by `wrap` (to inject kills). */
  pipeline(options?: {
    wrapWiz?: (c: WizClient) => WizClient;
    wrapTc?: (c: TcClient) => TcClient;
    hooks?: StageHooks;
    settings?: PipelineSettings;
    preflight?: TenantRuntime['preflight'];
  }): PipelineService;
  close(): Promise<void>;
}

export async function createPipelineFixture(
  wiz: WizSimulator,
  tc: TcSimulator,
  tenantOverrides: Partial<PipelineTenant> = {},
): Promise<PipelineFixture> {
  const db = await createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), 'wiztc-files-'));
  const files = new JobFilesService(dir);
  const tenant: PipelineTenant = {
    id: randomUUID(),
    tcOrganization: ORG,
    sourceName: SOURCE,
    exploitFilter: 'none' as WizExploitFilter,
    ownersToScan: [ORG, COMMUNITY],
    groupTypesToScan: ['Threat', 'Report'],
    indicatorTypesToScan: ['Host'],
    assignee: ANALYST,
    ...tenantOverrides,
  };
  return {
    db,
    files,
    queue: new JobQueue(db.dataSource),
    tenant,
    pipeline(options = {}) {
      const runtime = async (): Promise<TenantRuntime> => {
        const wizClient = createWizClient({
          environment: 'app.wiz.io',
          dataCenter: 'us1',
          clientId: wiz.clientId,
          clientSecret: wiz.clientSecret,
          endpoints: { authUrl: wiz.authUrl, apiUrl: wiz.apiUrl },
          requestsPerSecond: null,
        });
        const tcClient = createTcClient({
          baseUrl: tc.url,
          auth: TC_CREDENTIALS,
          retry: { minDelayMs: 5, maxDelayMs: 50 },
        });
        return {
          tenant,
          wiz: () => (options.wrapWiz ? options.wrapWiz(wizClient) : wizClient),
          tc: () => (options.wrapTc ? options.wrapTc(tcClient) : tcClient),
          ...(options.preflight ? { preflight: options.preflight } : {}),
        };
      };
      return new PipelineService(
        db.dataSource,
        runtime,
        files,
        options.settings ?? TEST_SETTINGS,
        options.hooks,
      );
    },
    async close() {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A window over all the simulator's data (it spreads updatedAt over 60 days), the finding ids and vulnerabilities in it. */
export function wholeWindow(wiz: WizSimulator): {
  window: { start: string; end: string };
  ids: string[];
  vulnerabilities: Set<string>;
} {
  const end = wiz.now();
  const window = { start: new Date(Date.parse(end) - 61 * 86_400_000).toISOString(), end };
  const ids = wiz.expectedIds({
    updatedAfter: window.start,
    updatedBefore: window.end,
    exploitFilter: 'none',
    statuses: ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'],
  });
  const vulnerabilities = new Set(
    ids.map((id) => normalizeVulnerabilityName(wiz.finding(id)?.name) as string),
  );
  return { window, ids, vulnerabilities };
}

/** Enqueues a job over the window, claims it, runs it to its end. */
export async function runJob(
  f: PipelineFixture,
  pipeline: PipelineService,
  window: { start: string; end: string },
  signal: AbortSignal = new AbortController().signal,
): Promise<{ id: string; status: string }> {
  const job = await f.queue.enqueue({
    tenantId: f.tenant.id,
    type: 'adhoc',
    windowStart: new Date(window.start),
    windowEnd: new Date(window.end),
  });
  return { id: job.id, status: await claimAndRun(f, pipeline, job.id, signal) };
}

export async function claimAndRun(
  f: PipelineFixture,
  pipeline: PipelineService,
  jobId: string,
  signal: AbortSignal,
): Promise<string> {
  const claimed = await f.queue.claimNext('test-worker', f.tenant.id);
  if (claimed?.id !== jobId) throw new Error(`expected to claim ${jobId}, got ${claimed?.id ?? 'nothing'}`);
  return pipeline.runJob(jobId, signal, 'test-worker');
}

/** ThreatConnect's state with ids replaced by xids/names, so two runs on two simulators compare equal. */
export function normalizedState(state: TcSimState) {
  const groupKey = new Map(state.groups.map((g) => [g.id, g.xid ?? `${g.ownerName}/${g.type}/${g.name}`]));
  const caseKey = new Map(state.cases.map((c) => [c.id, c.xid ?? c.name]));
  const indicatorKey = new Map(state.indicators.map((i) => [i.id, `${i.ownerName}/${i.type}/${i.summary}`]));
  const attrs = (list: { type: string; value: string; source?: string }[]) =>
    list.map((a) => `${a.type}=${a.value}|${a.source ?? ''}`).sort();
  const assoc = (a: { groups: number[]; indicators: number[]; cases: number[] }) => ({
    groups: a.groups.map((id) => groupKey.get(id)).sort(),
    indicators: a.indicators.map((id) => indicatorKey.get(id)).sort(),
    cases: a.cases.map((id) => caseKey.get(id)).sort(),
  });
  return {
    groups: state.groups
      .map((g) => ({
        key: groupKey.get(g.id),
        owner: g.ownerName,
        name: g.name,
        tags: [...g.tags].sort(),
        attributes: attrs(g.attributes),
        associations: assoc(g.associations),
      }))
      .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    indicators: state.indicators
      .map((i) => ({
        key: indicatorKey.get(i.id),
        tags: [...i.tags].sort(),
        attributes: attrs(i.attributes),
        associations: assoc(i.associations),
      }))
      .sort((a, b) => String(a.key).localeCompare(String(b.key))),
    cases: state.cases
      .map((c) => ({
        key: caseKey.get(c.id),
        owner: c.ownerName,
        name: c.name,
        severity: c.severity,
        status: c.status,
        assignee: c.assignee,
        tags: [...c.tags].sort(),
        attributes: attrs(c.attributes),
        associations: assoc(c.associations),
      }))
      .sort((a, b) => String(a.key).localeCompare(String(b.key))),
  };
}

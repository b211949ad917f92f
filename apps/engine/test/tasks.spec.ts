import { gunzipSync } from 'node:zlib';
import type {
  JobDetails,
  JobSummary,
  TaskName,
  TaskRunSummary,
  TaskSummary,
  TenantSettings,
} from '@wiztc/contracts';
import { normalizeVulnerabilityName } from '@wiztc/mapping';
import type { TcSimulator } from '@wiztc/tc-simulator';
import type { WizSimulator } from '@wiztc/wiz-simulator';
import { JobRunner } from '../src/jobs/job-runner';
import type { TestApp } from './harness';
import { call } from './http';
import {
  bootEngine,
  createTenant,
  DAY,
  movableClock,
  waitFor,
  type MovableClock,
} from './support/engine-fixture';
import { SOURCE, startTc, startWiz } from './support/pipeline-fixture';

const TASK_ORDER: TaskName[] = [
  'scheduler',
  'monitor',
  'cleaner',
  'download',
  'convert',
  'upload',
  'cases',
  'correlate',
];

describe('tasks: list, actions and their refusals, pause/resume and kill of a running stage, analytics', () => {
  let wiz: WizSimulator;
  let tc: TcSimulator;
  let clock: MovableClock;
  let t: TestApp;
  let tenant: TenantSettings;
  let runner: JobRunner;
  let window: { startTime: string; endTime: string };

  beforeAll(async () => {
    // 1,500 findings in pages of 500, each page slowed down so that a stage can be caught running.
    wiz = await startWiz({ findingCount: 1500, vulnerabilityCount: 120, faults: { pageDelayMs: 250 } });
    tc = await startTc();
    clock = movableClock(wiz.now(), { ticking: true });
    t = await bootEngine(clock, { wiz });
    tenant = await createTenant(t, {}, { wiz, tc });
    runner = t.app.get(JobRunner);
    window = { startTime: new Date(Date.parse(wiz.now()) - 61 * DAY).toISOString(), endTime: wiz.now() };
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await wiz?.close();
    await tc?.close();
  });

  const route = (path = '') => `/tenants/${tenant.id}${path}`;
  const tasks = async () =>
    (await call<TaskSummary[]>(t.baseUrl, 'GET', route('/tasks'), { key: t.adminKey })).body;
  const task = async (name: TaskName) => (await tasks()).find((x) => x.name === name) as TaskSummary;
  const act = (name: TaskName, action: string) =>
    task(name).then((x) =>
      call<TaskSummary>(t.baseUrl, 'POST', route(`/tasks/${x.id}/${action}`), { key: t.adminKey }),
    );
  const job = async (id: string) =>
    (await call<JobDetails>(t.baseUrl, 'GET', route(`/jobs/${id}`), { key: t.adminKey })).body;
  const adhoc = async () =>
    (await call<JobSummary>(t.baseUrl, 'POST', route('/jobs'), { key: t.adminKey, body: window })).body;
  const downloadPages = async (id: string) =>
    (await job(id)).stages.find((s) => s.stage === 'download')?.counts['pages'] ?? 0;
  const runUntilIdle = async () => {
    await runner.tick();
    await runner.idle();
  };
  const expected = () =>
    wiz.expectedIds({ updatedAfter: window.startTime, updatedBefore: window.endTime, exploitFilter: 'none' });

  it('lists every task with its status, description and heartbeat timeout', async () => {
    const list = await tasks();
    expect(list.map((x) => x.name)).toEqual(TASK_ORDER);
    for (const x of list) {
      expect(x.status).toBe('idle');
      expect(x.description.length).toBeGreaterThan(20);
      expect(x.heartbeatTimeoutMinutes).toBeGreaterThan(0);
      expect(x).toHaveProperty('heartbeatAt');
    }
  });

  it('allows each action only in its statuses and refuses the others with 409 and a reason', async () => {
    for (const [action, from] of [
      ['resume', 'idle'],
      ['kill', 'idle'],
    ] as const) {
      const refused = await act('convert', action);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ statusCode: 409 });
      expect(String((refused.body as unknown as { message: string }).message)).toBe(
        `Cannot ${action} the convert task while it is ${from} (allowed when ${action === 'resume' ? 'paused' : 'running'})`,
      );
    }
    expect((await act('convert', 'pause')).body.status).toBe('paused');
    const again = await act('convert', 'pause');
    expect(again.status).toBe(409);
    expect(String((again.body as unknown as { message: string }).message)).toContain('while it is paused');
    expect((await act('convert', 'resume')).body.status).toBe('idle');
    expect((await act('convert', 'pause')).body.status).toBe('paused');
    expect((await act('convert', 'run')).body.status).toBe('idle');
    expect((await act('cleaner', 'run')).status).toBe(201);

    const unknown = await call(t.baseUrl, 'POST', route('/tasks/00000000-0000-4000-8000-000000000000/run'), {
      key: t.adminKey,
    });
    expect(unknown.status).toBe(404);
    expect((await call(t.baseUrl, 'POST', route('/tasks/not-a-task/run'), { key: t.adminKey })).status).toBe(
      400,
    );
    expect(
      (
        await call(t.baseUrl, 'POST', route(`/tasks/${(await task('convert')).id}/explode`), {
          key: t.adminKey,
        })
      ).status,
    ).toBe(404);
  });

  it('kill in the middle of download, then retry: no gap, no duplicate, one group per vulnerability', async () => {
    const created = await adhoc();
    void runner.tick();
    await waitFor('the first download page', async () => (await downloadPages(created.id)) >= 1);
    const running = await task('download');
    expect(running).toMatchObject({ status: 'running', jobId: created.id });
    const killed = await act('download', 'kill');
    expect(killed.status).toBe(201);
    await runner.tick(); // the runner honours the kill at once through the job's AbortSignal
    await runner.idle();
    const afterKill = await job(created.id);
    expect(afterKill.status).toBe('failed');
    expect(afterKill.error).toMatch(/^Killed during download/);
    const pagesAtKill = await downloadPages(created.id);
    expect(pagesAtKill).toBeGreaterThanOrEqual(1);
    expect(pagesAtKill).toBeLessThan(3);
    expect((await task('download')).status).toBe('idle');
    expect(tc.state().groups.filter((g) => g.ownerName === SOURCE)).toHaveLength(0);

    const retried = await call<JobSummary>(t.baseUrl, 'POST', route(`/jobs/${created.id}/retry`), {
      key: t.adminKey,
    });
    expect(retried.status).toBe(201);
    expect(retried.body.status).toBe('pending');
    await runUntilIdle();
    const done = await job(created.id);
    expect(done.status).toBe('completed');
    expect(await downloadPages(created.id)).toBe(3);

    // The job's download file holds every finding of the window exactly once.
    const file = await fetch(`${t.baseUrl}/api/v1${route(`/jobs/${created.id}/files/download`)}`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(file.status).toBe(200);
    const ids = gunzipSync(Buffer.from(await file.arrayBuffer()))
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toHaveLength(new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set(expected()));
    const [{ n }] = (await t.database.dataSource.query(
      `SELECT count(*)::int AS n FROM finding WHERE tenant_id = $1`,
      [tenant.id],
    )) as [{ n: number }];
    expect(n).toBe(expected().length);

    const vulnerabilities = new Set(
      expected().map((id) => normalizeVulnerabilityName(wiz.finding(id)?.name)),
    );
    const groups = tc.state().groups.filter((g) => g.ownerName === SOURCE);
    expect(groups).toHaveLength(vulnerabilities.size);
    expect(new Set(groups.map((g) => g.name))).toEqual(vulnerabilities);
  }, 60_000);

  it('pause of a running stage stops at its next checkpoint, the job shows paused, resume continues it', async () => {
    const touched = wiz.mutate(600);
    wiz.advance(60_000);
    window = { startTime: window.endTime, endTime: wiz.now() };
    clock.set(new Date(Date.parse(wiz.now()) + 1000));
    const created = await adhoc();
    void runner.tick();
    await waitFor('the download to run', async () => (await task('download')).status === 'running');
    const paused = await act('download', 'pause');
    expect(paused.status).toBe(201);
    await runner.idle();
    const stopped = await job(created.id);
    expect(stopped.status).toBe('paused');
    expect(stopped.error).toBeNull();
    const pagesAtPause = await downloadPages(created.id);
    expect(pagesAtPause).toBe(1);
    expect((await task('download')).status).toBe('paused');
    // Paused stays paused: the runner does not pick the job up by itself.
    await runUntilIdle();
    expect((await job(created.id)).status).toBe('paused');

    const resumed = await act('download', 'resume');
    expect(resumed.body.status).toBe('idle');
    expect((await job(created.id)).status).toBe('pending');
    await runUntilIdle();
    const done = await job(created.id);
    expect(done.status).toBe('completed');
    expect(done.counts.downloadedFindings).toBe(touched.length);
    expect(await downloadPages(created.id)).toBe(2);
  }, 60_000);

  it('serves the runtime analytics: every task run with its duration, items, errors and outcome', async () => {
    const runs = await call<TaskRunSummary[]>(t.baseUrl, 'GET', route('/tasks/analytics'), {
      key: t.adminKey,
    });
    expect(runs.status).toBe(200);
    const outcomes = (name: TaskName) => runs.body.filter((r) => r.taskName === name).map((r) => r.outcome);
    expect(outcomes('download')).toEqual(['killed', 'completed', 'paused', 'completed']);
    expect(outcomes('correlate')).toEqual(['completed', 'completed']);
    expect(outcomes('cleaner')).toEqual(['completed']);
    const download = runs.body.find((r) => r.taskName === 'download' && r.outcome === 'completed');
    expect(download?.items).toBeGreaterThan(0);
    expect(download?.durationMs).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < runs.body.length; i += 1) {
      expect(Date.parse(runs.body[i]?.startedAt as string)).toBeGreaterThanOrEqual(
        Date.parse(runs.body[i - 1]?.startedAt as string),
      );
    }
    const limited = await call<TaskRunSummary[]>(t.baseUrl, 'GET', route('/tasks/analytics?limit=2'), {
      key: t.adminKey,
    });
    expect(limited.body).toHaveLength(2);
    const future = new Date(clock().getTime() + DAY).toISOString();
    const none = await call<TaskRunSummary[]>(t.baseUrl, 'GET', route(`/tasks/analytics?since=${future}`), {
      key: t.adminKey,
    });
    expect(none.body).toEqual([]);
    expect(
      (await call(t.baseUrl, 'GET', route('/tasks/analytics?since=soon'), { key: t.adminKey })).status,
    ).toBe(400);
  });
});

import type { JobSummary, TaskSummary, TenantSettings } from '@wiztc/contracts';
import { JobQueue } from '../src/jobs/job-queue';
import { SchedulerService } from '../src/scheduler/scheduler.service';
import { MonitorService } from '../src/tasks/monitor.service';
import type { TestApp } from './harness';
import { call } from './http';
import {
  bootEngine,
  createTenant,
  DAY,
  HOUR,
  MINUTE,
  movableClock,
  type MovableClock,
} from './support/engine-fixture';

interface JobRow {
  id: string;
  type: string;
  status: string;
  window_start: Date;
  window_end: Date;
}

describe('schedule: first run, hourly, overrun, downtime, one job per tenant, ad-hoc', () => {
  let t: TestApp;
  let clock: MovableClock;
  let scheduler: SchedulerService;
  let queue: JobQueue;

  beforeAll(async () => {
    clock = movableClock();
    t = await bootEngine(clock);
    scheduler = t.app.get(SchedulerService);
    queue = t.app.get(JobQueue);
  });
  afterAll(async () => {
    await t?.close();
  });

  const jobs = async (tenantId: string): Promise<JobRow[]> =>
    (await t.database.dataSource.query(
      `SELECT id, type, status, window_start, window_end FROM job WHERE tenant_id = $1 ORDER BY number`,
      [tenantId],
    )) as JobRow[];

  /** What the runner and pipeline do to a job, with the movable clock: claim it now, end it `after` later. */
  async function runFor(
    tenantId: string,
    after: number,
    status: 'completed' | 'failed' = 'completed',
  ): Promise<string> {
    const job = await queue.claimNext('schedule-test', tenantId);
    if (!job) throw new Error('nothing to claim');
    clock.advance(after);
    await t.database.dataSource.query(
      `UPDATE job SET status = $2, completed_at = $3, claimed_by = NULL WHERE id = $1`,
      [job.id, status, clock()],
    );
    return job.id;
  }

  /** Resets the clock to the tenant's deployment (its created_at, written by the database). */
  async function deploy(overrides: Record<string, unknown>): Promise<TenantSettings> {
    const tenant = await createTenant(t, overrides);
    const [{ created_at }] = (await t.database.dataSource.query(
      `SELECT created_at FROM tenant WHERE id = $1`,
      [tenant.id],
    )) as [{ created_at: Date }];
    clock.set(created_at);
    return tenant;
  }

  it('queues the first job at once after deployment when asked to, over the past initialBackfillDays', async () => {
    const tenant = await deploy({ runAfterDeployment: true, initialBackfillDays: 30 });
    const job = await scheduler.tick(tenant.id);
    expect(job?.type).toBe('initial');
    expect(job?.windowEnd.toISOString()).toBe(clock().toISOString());
    expect(clock().getTime() - (job?.windowStart.getTime() ?? 0)).toBe(30 * DAY);
    // Only one: a second pass while it is queued adds nothing.
    expect(await scheduler.tick(tenant.id)).toBeNull();
    expect(await jobs(tenant.id)).toHaveLength(1);
  });

  it('otherwise queues the first job one interval after deployment, with the configured backfill', async () => {
    const tenant = await deploy({ runAfterDeployment: false, initialBackfillDays: 7 });
    clock.advance(59 * MINUTE);
    expect(await scheduler.tick(tenant.id)).toBeNull();
    clock.advance(MINUTE);
    const job = await scheduler.tick(tenant.id);
    expect(job?.type).toBe('initial');
    expect(clock().getTime() - (job?.windowStart.getTime() ?? 0)).toBe(7 * DAY);
  });

  it('then runs hourly: each job one interval after the prior completed, windows contiguous', async () => {
    const tenant = await deploy({ runAfterDeployment: true });
    await scheduler.tick(tenant.id);
    await runFor(tenant.id, 10 * MINUTE);
    for (let hour = 0; hour < 3; hour += 1) {
      clock.advance(59 * MINUTE);
      expect(await scheduler.tick(tenant.id)).toBeNull();
      clock.advance(MINUTE);
      const next = await scheduler.tick(tenant.id);
      expect(next?.type).toBe('scheduled');
      await runFor(tenant.id, 10 * MINUTE);
    }
    expectContiguous(await jobs(tenant.id));
  });

  it('after an overrun starts the next job one interval after completion, collecting from when the prior started', async () => {
    const tenant = await deploy({ runAfterDeployment: true });
    const initial = await scheduler.tick(tenant.id);
    const startedAt = clock();
    await runFor(tenant.id, 3 * HOUR); // the initial run takes three intervals
    clock.advance(59 * MINUTE);
    expect(await scheduler.tick(tenant.id)).toBeNull();
    clock.advance(MINUTE);
    const next = await scheduler.tick(tenant.id);
    expect(next?.windowStart.toISOString()).toBe(startedAt.toISOString());
    expect(next?.windowStart.toISOString()).toBe(initial?.windowEnd.toISOString());
    expect((next?.windowEnd.getTime() ?? 0) - startedAt.getTime()).toBe(4 * HOUR);
  });

  it('skips no window across a restart after downtime, a failed job and a job left running by a dead engine', async () => {
    const tenant = await deploy({ runAfterDeployment: true, maxRestartAttempts: 3 });
    await scheduler.tick(tenant.id);
    await runFor(tenant.id, 20 * MINUTE);
    clock.advance(HOUR);
    await scheduler.tick(tenant.id);
    await runFor(tenant.id, 5 * MINUTE, 'failed'); // its window must be covered by the next one

    // The engine is down for 5 hours: a new process (new services) picks up where the table says.
    clock.advance(5 * HOUR);
    const restarted = new SchedulerService(
      t.database.dataSource,
      new JobQueue(t.database.dataSource, clock),
      clock,
    );
    const afterDowntime = await restarted.tick(tenant.id);
    expect(afterDowntime?.type).toBe('scheduled');

    // This one dies with the engine mid-stage: it stays "running" and blocks the schedule until the Monitor
    // requeues it; then it completes.
    const claimed = await queue.claimNext('dead-engine', tenant.id);
    await t.database.dataSource.query(
      `INSERT INTO job_stage (job_id, tenant_id, stage, position, status, started_at, heartbeat_at) VALUES ($1, $2, 'download', 0, 'running', $3, $3)`,
      [claimed?.id, tenant.id, clock()],
    );
    clock.advance(2 * HOUR);
    expect(await restarted.tick(tenant.id)).toBeNull();
    await t.app.get(MonitorService).pass(tenant.id);
    expect((await jobs(tenant.id)).find((j) => j.id === claimed?.id)?.status).toBe('pending');
    await runFor(tenant.id, 10 * MINUTE);
    clock.advance(HOUR);
    await restarted.tick(tenant.id);
    await runFor(tenant.id, 10 * MINUTE);

    const all = await jobs(tenant.id);
    expect(all.map((j) => j.status)).toEqual(['completed', 'failed', 'completed', 'completed']);
    expectContiguous(all.filter((j) => j.status === 'completed'));
  });

  it('lets at most one job of a tenant run, whatever the number of claimers racing', async () => {
    const a = await deploy({});
    const b = await deploy({});
    for (const tenant of [a, a, a, b, b]) {
      await queue.enqueue({
        tenantId: tenant.id,
        type: 'adhoc',
        windowStart: new Date(clock().getTime() - HOUR),
        windowEnd: clock(),
      });
    }
    const claimers = Array.from({ length: 6 }, () => new JobQueue(t.database.dataSource, clock));
    const claimed = await Promise.all(claimers.map((q, i) => q.claimNext(`racer-${i}`)));
    const won = claimed.filter((j) => j !== null);
    const byTenant = (id: string) => won.filter((j) => j.tenantId === id).length;
    expect(byTenant(a.id)).toBe(1);
    expect(byTenant(b.id)).toBe(1);
    const [{ running }] = (await t.database.dataSource.query(
      `SELECT count(*)::int AS running FROM job WHERE tenant_id = $1 AND status = 'running'`,
      [a.id],
    )) as [{ running: number }];
    expect(running).toBe(1);
    // Even a direct write cannot make a second one run (the partial unique index).
    await expect(
      t.database.dataSource.query(
        `UPDATE job SET status = 'running' WHERE tenant_id = $1 AND status = 'pending'`,
        [a.id],
      ),
    ).rejects.toThrow(/UQ_job_running_per_tenant|duplicate key/);
  });

  it('creates ad-hoc jobs through POST /jobs, with or without a window, which queue and leave the schedule alone', async () => {
    const tenant = await deploy({ runAfterDeployment: true, scheduleIntervalMinutes: 30 });
    clock.advance(HOUR);
    const route = `/tenants/${tenant.id}/jobs`;
    const start = new Date(clock().getTime() - 3 * DAY).toISOString();
    const end = new Date(clock().getTime() - DAY).toISOString();
    const both = await call<JobSummary>(t.baseUrl, 'POST', route, {
      key: t.adminKey,
      body: { startTime: start, endTime: end },
    });
    expect(both.status).toBe(201);
    expect(both.body).toMatchObject({ type: 'adhoc', status: 'pending', windowStart: start, windowEnd: end });
    const none = await call<JobSummary>(t.baseUrl, 'POST', route, { key: t.adminKey, body: {} });
    expect(none.body.windowEnd).toBe(clock().toISOString());
    expect(Date.parse(none.body.windowEnd) - Date.parse(none.body.windowStart)).toBe(30 * MINUTE);
    const onlyStart = await call<JobSummary>(t.baseUrl, 'POST', route, {
      key: t.adminKey,
      body: { startTime: start },
    });
    expect(onlyStart.body).toMatchObject({ windowStart: start, windowEnd: clock().toISOString() });

    for (const [body, reason] of [
      [{ endTime: new Date(clock().getTime() + DAY).toISOString() }, 'endTime must not be in the future'],
      [{ startTime: end, endTime: start }, 'startTime must be before endTime'],
      [{ startTime: 'yesterday' }, 'startTime must be an ISO-8601 date-time'],
      [{ window: 'all' }, 'window is not a known field'],
    ] as const) {
      const refused = await call(t.baseUrl, 'POST', route, { key: t.adminKey, body });
      expect(refused.status).toBe(400);
      expect(String(refused.body['message'])).toContain(reason);
    }
    // Ad-hoc jobs do not count as the schedule's history: the first scheduled job is still queued.
    const first = await scheduler.tick(tenant.id);
    expect(first?.type).toBe('initial');
    expect(await jobs(tenant.id)).toHaveLength(4);
  });

  it('"Run" on the Scheduler task queues the next job at once, before its interval', async () => {
    const tenant = await deploy({ runAfterDeployment: false });
    clock.advance(5 * MINUTE);
    const tasks = await call<TaskSummary[]>(t.baseUrl, 'GET', `/tenants/${tenant.id}/tasks`, {
      key: t.adminKey,
    });
    const task = tasks.body.find((x) => x.name === 'scheduler');
    const run = await call<TaskSummary>(t.baseUrl, 'POST', `/tenants/${tenant.id}/tasks/${task?.id}/run`, {
      key: t.adminKey,
    });
    expect(run.status).toBe(201);
    const all = await jobs(tenant.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ type: 'initial', status: 'pending' });
    expect(new Date(all[0]?.window_end as Date).toISOString()).toBe(clock().toISOString());
  });
});

/** Every window starts where the previous one ended (the first one aside): no gap, nothing skipped. */
function expectContiguous(rows: JobRow[]): void {
  expect(rows.length).toBeGreaterThan(1);
  for (let i = 1; i < rows.length; i += 1) {
    expect(new Date((rows[i] as JobRow).window_start).toISOString()).toBe(
      new Date((rows[i - 1] as JobRow).window_end).toISOString(),
    );
  }
}

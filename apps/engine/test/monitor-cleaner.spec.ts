import { existsSync } from 'node:fs';
import type { TaskSummary, TenantSettings } from '@wiztc/contracts';
import { JobFilesService } from '../src/jobs/job-files.service';
import { JobQueue } from '../src/jobs/job-queue';
import { MonitorService } from '../src/tasks/monitor.service';
import type { TestApp } from './harness';
import { call } from './http';
import {
  bootEngine,
  createTenant,
  DAY,
  MINUTE,
  movableClock,
  type MovableClock,
} from './support/engine-fixture';

describe('Monitor and Cleaner', () => {
  let t: TestApp;
  let clock: MovableClock;
  let queue: JobQueue;
  let monitor: MonitorService;

  beforeAll(async () => {
    clock = movableClock();
    t = await bootEngine(clock);
    queue = t.app.get(JobQueue);
    monitor = t.app.get(MonitorService);
  });
  afterAll(async () => {
    await t?.close();
  });

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    t.database.dataSource.query(text, params) as Promise<T[]>;

  async function newJob(tenant: TenantSettings, status = 'pending'): Promise<string> {
    const job = await queue.enqueue({
      tenantId: tenant.id,
      type: 'adhoc',
      windowStart: new Date(clock().getTime() - DAY),
      windowEnd: clock(),
    });
    if (status !== 'pending') await sql(`UPDATE job SET status = $2 WHERE id = $1`, [job.id, status]);
    return job.id;
  }

  /** What the pipeline does when it (re)starts a stage: running, attempts + 1, a fresh heartbeat. */
  async function startStage(jobId: string, tenantId: string): Promise<void> {
    await sql(
      `INSERT INTO job_stage (job_id, tenant_id, stage, position, status, attempts, started_at, heartbeat_at)
       VALUES ($1, $2, 'download', 0, 'running', 1, $3, $3)
       ON CONFLICT (job_id, stage) DO UPDATE SET status = 'running', attempts = job_stage.attempts + 1, heartbeat_at = $3`,
      [jobId, tenantId, clock()],
    );
  }

  describe('Monitor', () => {
    it('requeues a stage whose heartbeat stopped up to maxRestartAttempts, then fails the job with the reason', async () => {
      const tenant = await createTenant(t, { maxRestartAttempts: 2 });
      const jobId = await newJob(tenant);
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const claimed = await queue.claimNext(`worker-${attempt}`, tenant.id);
        expect(claimed?.id).toBe(jobId);
        // A kill the Monitor sent to the previous holder does not abort the new run.
        expect(claimed?.killRequested).toBe(false);
        await startStage(jobId, tenant.id);

        clock.advance(29 * MINUTE); // the download task's timeout is 30 minutes
        expect(await monitor.pass(tenant.id)).toEqual({ restarted: 0, failed: 0 });
        await sql(`UPDATE job_stage SET heartbeat_at = $2 WHERE job_id = $1`, [jobId, clock()]); // a beat
        clock.advance(31 * MINUTE);
        const pass = await monitor.pass(tenant.id);
        const [job] = await sql<{
          status: string;
          error: string | null;
          kill_requested: boolean;
          claimed_by: string;
        }>(`SELECT status, error, kill_requested, claimed_by FROM job WHERE id = $1`, [jobId]);
        const [stage] = await sql<{ status: string; error: string }>(
          `SELECT status, error FROM job_stage WHERE job_id = $1`,
          [jobId],
        );
        if (attempt <= 2) {
          expect(pass).toEqual({ restarted: 1, failed: 0 });
          expect(job).toMatchObject({ status: 'pending', claimed_by: null, kill_requested: true });
          expect(stage?.status).toBe('pending');
          expect(stage?.error).toContain('Heartbeat stopped for more than 30 min');
        } else {
          expect(pass).toEqual({ restarted: 0, failed: 1 });
          expect(job?.status).toBe('failed');
          expect(job?.error).toBe(
            'download: heartbeat stopped for more than 30 min; gave up after 2 restart attempts',
          );
          expect(stage?.status).toBe('failed');
        }
      }
      const details = await call(t.baseUrl, 'GET', `/tenants/${tenant.id}/jobs/${jobId}`, {
        key: t.adminKey,
      });
      expect(details.body['status']).toBe('failed');
      expect(details.body['error']).toContain('gave up after 2 restart attempts');
    });

    it('requeues a job left running with no running stage (its engine died between two stages)', async () => {
      const tenant = await createTenant(t);
      const jobId = await newJob(tenant);
      expect((await queue.claimNext('dead-worker', tenant.id))?.id).toBe(jobId);
      clock.advance(9 * MINUTE);
      expect(await monitor.pass(tenant.id)).toEqual({ restarted: 0, failed: 0 });
      clock.advance(2 * MINUTE);
      expect(await monitor.pass(tenant.id)).toEqual({ restarted: 1, failed: 0 });
      const [job] = await sql<{ status: string; claimed_by: string | null }>(
        `SELECT status, claimed_by FROM job WHERE id = $1`,
        [jobId],
      );
      expect(job).toEqual({ status: 'pending', claimed_by: null });
    });

    it("uses the task's own heartbeat timeout and leaves other tenants alone", async () => {
      const tenant = await createTenant(t, { maxRestartAttempts: 1 });
      const other = await createTenant(t);
      const tasks = await call<TaskSummary[]>(t.baseUrl, 'GET', `/tenants/${tenant.id}/tasks`, {
        key: t.adminKey,
      });
      expect(tasks.body.find((x) => x.name === 'download')?.heartbeatTimeoutMinutes).toBe(30);
      await sql(`UPDATE task SET heartbeat_timeout_minutes = 90 WHERE tenant_id = $1 AND name = 'download'`, [
        tenant.id,
      ]);
      const mine = await newJob(tenant);
      const theirs = await newJob(other);
      await queue.claimNext('w', tenant.id);
      await queue.claimNext('w', other.id);
      await startStage(mine, tenant.id);
      await startStage(theirs, other.id);
      clock.advance(60 * MINUTE);
      expect(await monitor.pass(tenant.id)).toEqual({ restarted: 0, failed: 0 });
      clock.advance(31 * MINUTE);
      expect(await monitor.pass(tenant.id)).toEqual({ restarted: 1, failed: 0 });
      const [theirJob] = await sql<{ status: string }>(`SELECT status FROM job WHERE id = $1`, [theirs]);
      expect(theirJob?.status).toBe('running');
    });
  });

  describe('Cleaner', () => {
    it('deletes finished jobs, their files on disk and batch errors older than the retention, per tenant', async () => {
      const tenant = await createTenant(t, { retentionDays: 7 });
      const keepsLonger = await createTenant(t, { retentionDays: 30 });
      const files = t.app.get(JobFilesService);
      const ids = {
        oldCompleted: await newJob(tenant, 'completed'),
        oldFailed: await newJob(tenant, 'failed'),
        oldPending: await newJob(tenant),
        recent: await newJob(tenant, 'completed'),
        otherTenant: await newJob(keepsLonger, 'completed'),
      };
      const now = clock();
      const ago = (days: number) => new Date(now.getTime() - days * DAY);
      for (const [name, id] of Object.entries(ids)) {
        const days = name === 'recent' ? 1 : 8;
        await sql(
          `UPDATE job SET created_at = $2::timestamptz, completed_at = CASE WHEN status = 'pending' THEN NULL ELSE $2::timestamptz END WHERE id = $1`,
          [id, ago(days)],
        );
        const owner = name === 'otherTenant' ? keepsLonger.id : tenant.id;
        await t.database.dataSource.transaction((em) =>
          files.writePart(em, { tenantId: owner, jobId: id }, 'metadata', 0, [{ id }]),
        );
      }
      const error = (jobId: string, days: number, reason: string) =>
        sql(
          `INSERT INTO batch_error (tenant_id, job_id, stage, type, reason, created_at) VALUES ($1, $2, 'upload', '0x1001', $3, $4)`,
          [tenant.id, jobId, reason, ago(days)],
        );
      await error(ids.recent, 9, 'old error of a recent job');
      await error(ids.recent, 2, 'recent error');
      await error(ids.oldCompleted, 8, 'goes with its job');

      const cleaner = (
        await call<TaskSummary[]>(t.baseUrl, 'GET', `/tenants/${tenant.id}/tasks`, { key: t.adminKey })
      ).body.find((x) => x.name === 'cleaner');
      const run = await call(t.baseUrl, 'POST', `/tenants/${tenant.id}/tasks/${cleaner?.id}/run`, {
        key: t.adminKey,
      });
      expect(run.status).toBe(201);

      const left = (await sql<{ id: string }>(`SELECT id FROM job`)).map((r) => r.id);
      expect(left).toEqual(expect.arrayContaining([ids.oldPending, ids.recent, ids.otherTenant]));
      expect(left).not.toContain(ids.oldCompleted);
      expect(left).not.toContain(ids.oldFailed);
      const onDisk = (id: string, owner = tenant.id) => existsSync(files.partPath(owner, id, 'metadata', 0));
      expect(onDisk(ids.oldCompleted)).toBe(false);
      expect(onDisk(ids.oldFailed)).toBe(false);
      expect(onDisk(ids.recent)).toBe(true);
      expect(onDisk(ids.otherTenant, keepsLonger.id)).toBe(true);
      const [files0] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM job_file WHERE job_id = ANY($1::uuid[])`,
        [[ids.oldCompleted, ids.oldFailed]],
      );
      expect(files0?.n).toBe(0);
      const reasons = (
        await sql<{ reason: string }>(`SELECT reason FROM batch_error WHERE tenant_id = $1`, [tenant.id])
      ).map((r) => r.reason);
      expect(reasons).toEqual(['recent error']);
    });
  });
});

import type { DataSource } from 'typeorm';
import type { JobQueue } from '../jobs/job-queue';
import type { Job } from '../jobs/job.entity';
import {
  decideNextJob,
  type ScheduleDecision,
  type ScheduleHistory,
  type SchedulePolicy,
} from './schedule-policy';

interface TenantScheduleRow {
  id: string;
  schedule_interval_minutes: number;
  initial_backfill_days: number;
  run_after_deployment: boolean;
  created_at: Date;
}

/**
 * The Scheduler task: for each enabled tenant, reads its history, asks the pure schedule policy, and enqueues. It only
 * decides and enqueues; a per-tenant advisory lock makes two replicas' schedulers agree.
 */
export class SchedulerService {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Decides for one tenant; returns the job it enqueued, if any. `force` skips the interval wait ("Run"). */
  async tick(tenantId: string, force = false): Promise<Job | null> {
    return this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`wiztc-scheduler:${tenantId}`]);
      const [tenant] = (await em.query(
        `SELECT id, schedule_interval_minutes, initial_backfill_days, run_after_deployment, created_at
           FROM tenant WHERE id = $1`,
        [tenantId],
      )) as TenantScheduleRow[];
      if (!tenant) return null;
      const policy: SchedulePolicy = {
        intervalMinutes: tenant.schedule_interval_minutes,
        initialBackfillDays: tenant.initial_backfill_days,
        runAfterDeployment: tenant.run_after_deployment || force,
        deployedAt: new Date(tenant.created_at),
      };
      const history = await this.history(tenantId, em.query.bind(em));
      const now = this.now();
      let decision: ScheduleDecision = decideNextJob(policy, history, now);
      if (force && decision.action === 'wait' && decision.until) {
        decision = decideNextJob(
          policy,
          history,
          new Date(Math.max(decision.until.getTime(), now.getTime())),
        );
        if (decision.action === 'enqueue') decision = { ...decision, windowEnd: now };
      }
      if (decision.action !== 'enqueue' || decision.windowStart >= decision.windowEnd) return null;
      return this.queue.enqueue({
        tenantId,
        type: decision.type,
        windowStart: decision.windowStart,
        windowEnd: decision.windowEnd,
      });
    });
  }

  private async history(
    tenantId: string,
    query: (sql: string, params: unknown[]) => Promise<unknown>,
  ): Promise<ScheduleHistory> {
    const [latest] = (await query(
      `SELECT status, window_start, window_end, completed_at FROM job
        WHERE tenant_id = $1 AND type IN ('initial', 'scheduled') ORDER BY number DESC LIMIT 1`,
      [tenantId],
    )) as { status: Job['status']; window_start: Date; window_end: Date; completed_at: Date | null }[];
    const [covered] = (await query(
      `SELECT max(window_end) AS until, min(window_start) FILTER (WHERE type = 'initial') AS first
         FROM job WHERE tenant_id = $1 AND type IN ('initial', 'scheduled') AND status = 'completed'`,
      [tenantId],
    )) as { until: Date | null; first: Date | null }[];
    const [first] = (await query(
      `SELECT min(window_start) AS first FROM job WHERE tenant_id = $1 AND type = 'initial'`,
      [tenantId],
    )) as { first: Date | null }[];
    return {
      latest: latest
        ? {
            status: latest.status,
            windowStart: new Date(latest.window_start),
            windowEnd: new Date(latest.window_end),
            completedAt: latest.completed_at ? new Date(latest.completed_at) : null,
          }
        : null,
      coveredUntil: covered?.until ? new Date(covered.until) : null,
      firstWindowStart: first?.first ? new Date(first.first) : null,
    };
  }
}

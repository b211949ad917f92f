import type { DataSource } from 'typeorm';
import { TASK_DEFINITIONS } from './task-definitions';

interface StaleStage {
  stage_id: string;
  job_id: string;
  tenant_id: string;
  stage: string;
  attempts: number;
  timeout: number;
  max_attempts: number;
}

/**
 * The Monitor task: a running stage whose heartbeat is older than its task's timeout is dead. Its job goes back to
 * the queue (it resumes from the stage's checkpoint) until the tenant's max restart attempts, then fails with the
 * reason. The old worker, if it still lives, is told to abort and is fenced off by its lost claim.
 */
/** How long a running job may show no running stage before the Monitor requeues it. */
export const ORPHAN_MINUTES = 10;

export class MonitorService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async pass(tenantId?: string): Promise<{ restarted: number; failed: number }> {
    const now = this.now();
    // A tenant's task rows are created lazily: a stage without one uses its task's default timeout.
    const defaults = JSON.stringify(
      Object.fromEntries(TASK_DEFINITIONS.map((d) => [d.name, d.heartbeatTimeoutMinutes])),
    );
    const stale = (await this.ds.query(
      `SELECT s.id AS stage_id, s.job_id, s.tenant_id, s.stage, s.attempts, x.timeout,
              ten.max_restart_attempts AS max_attempts
         FROM job_stage s
         JOIN job j ON j.id = s.job_id AND j.status = 'running'
         LEFT JOIN task t ON t.tenant_id = s.tenant_id AND t.name = s.stage
         CROSS JOIN LATERAL (SELECT coalesce(t.heartbeat_timeout_minutes, ($3::jsonb ->> s.stage)::int, 30) AS timeout) x
         JOIN tenant ten ON ten.id = s.tenant_id
        WHERE s.status = 'running' AND ($2::uuid IS NULL OR s.tenant_id = $2)
          AND coalesce(s.heartbeat_at, s.started_at) < $1::timestamptz - make_interval(mins => x.timeout)`,
      [now, tenantId ?? null, defaults],
    )) as StaleStage[];
    let restarted = 0;
    let failed = 0;
    for (const s of stale) {
      await this.ds.transaction(async (em) => {
        if (s.attempts <= s.max_attempts) {
          await em.query(`UPDATE job_stage SET status = 'pending', error = $2 WHERE id = $1`, [
            s.stage_id,
            `Heartbeat stopped for more than ${s.timeout} min; restarted (attempt ${s.attempts} of ${s.max_attempts + 1})`,
          ]);
          await em.query(
            `UPDATE job SET status = 'pending', claimed_by = NULL, kill_requested = true, not_before = $2, updated_at = $2
              WHERE id = $1`,
            [s.job_id, now],
          );
          restarted += 1;
        } else {
          const reason = `${s.stage}: heartbeat stopped for more than ${s.timeout} min; gave up after ${s.max_attempts} restart attempts`;
          await em.query(`UPDATE job_stage SET status = 'failed', error = $2 WHERE id = $1`, [
            s.stage_id,
            reason,
          ]);
          await em.query(
            `UPDATE job SET status = 'failed', error = $2, claimed_by = NULL, kill_requested = true, completed_at = $3
              WHERE id = $1`,
            [s.job_id, reason, now],
          );
          failed += 1;
        }
      });
    }
    restarted += await this.requeueOrphans(now, tenantId);
    return { restarted, failed };
  }

  /**
   * A job marked running with no running stage and no sign of life for ORPHAN_MINUTES (its engine died between two
   * stages, or during the preflight) goes back to the queue; it resumes from its stages' checkpoints.
   */
  private async requeueOrphans(now: Date, tenantId?: string): Promise<number> {
    const [rows] = (await this.ds.query(
      `UPDATE job j SET status = 'pending', claimed_by = NULL, kill_requested = true, not_before = $1, updated_at = $1
        WHERE j.status = 'running' AND ($2::uuid IS NULL OR j.tenant_id = $2)
          AND j.updated_at < $1::timestamptz - make_interval(mins => $3)
          AND NOT EXISTS (SELECT 1 FROM job_stage s WHERE s.job_id = j.id AND s.status = 'running')
       RETURNING j.id`,
      [now, tenantId ?? null, ORPHAN_MINUTES],
    )) as [{ id: string }[], number];
    return rows.length;
  }
}

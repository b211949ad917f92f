import type { DataSource } from 'typeorm';
import type { JobType } from '@wiztc/contracts';
import { Job } from './job.entity';

/**
 * The job queue is the `job` table: a worker claims the oldest due pending job with SKIP LOCKED, and a partial
 * unique index keeps at most one running job per tenant across every engine replica.
 */
export class JobQueue {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async enqueue(input: {
    tenantId: string;
    type: JobType;
    windowStart: Date;
    windowEnd: Date;
    notBefore?: Date;
    retryOf?: string | null;
  }): Promise<Job> {
    if (input.windowStart.getTime() >= input.windowEnd.getTime()) {
      throw new RangeError('The job window must start before it ends');
    }
    return this.ds.getRepository(Job).save(
      this.ds.getRepository(Job).create({
        tenantId: input.tenantId,
        type: input.type,
        status: 'pending',
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        notBefore: input.notBefore ?? this.now(),
        retryOf: input.retryOf ?? null,
      }),
    );
  }

  /**
   * Claims the next due job of any tenant that has none running; null when there is none (or a race was lost).
   * A kill meant for a previous holder (the Monitor requeues with one) must not abort the new run.
   */
  async claimNext(workerId: string, tenantId?: string): Promise<Job | null> {
    try {
      const rows = (await this.ds.query(
        `UPDATE job SET status = 'running', claimed_by = $1, started_at = coalesce(started_at, $2), error = NULL,
                kill_requested = false, updated_at = $2
          WHERE id = (
            SELECT j.id FROM job j
             WHERE j.status = 'pending' AND j.not_before <= $2 AND ($3::uuid IS NULL OR j.tenant_id = $3)
               AND NOT EXISTS (SELECT 1 FROM job r WHERE r.tenant_id = j.tenant_id AND r.status = 'running')
             ORDER BY j.not_before, j.number
             FOR UPDATE SKIP LOCKED
             LIMIT 1)
        RETURNING id`,
        [workerId, this.now(), tenantId ?? null],
      )) as [{ id: string }[], number] | { id: string }[];
      const list = Array.isArray(rows[0]) ? (rows[0] as { id: string }[]) : (rows as { id: string }[]);
      const id = list[0]?.id;
      return id ? this.ds.getRepository(Job).findOneBy({ id }) : null;
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return null; // another replica claimed this tenant's job
      throw error;
    }
  }

  /** A failed or paused job goes back to the queue and resumes from its stages' checkpoints. */
  async requeue(jobId: string): Promise<void> {
    await this.ds.query(
      `UPDATE job SET status = 'pending', error = NULL, completed_at = NULL, not_before = $2, updated_at = $2
        WHERE id = $1 AND status IN ('failed', 'paused')`,
      [jobId, this.now()],
    );
    await this.ds.query(
      `UPDATE job_stage SET status = 'pending', error = NULL WHERE job_id = $1 AND status = 'failed'`,
      [jobId],
    );
  }
}

import type { DataSource } from 'typeorm';
import type { JobFilesService } from '../jobs/job-files.service';

/**
 * The Cleaner task: per tenant, deletes finished jobs older than the retention (their stages, files and batch errors
 * go with them), the batch errors and task runs older than the retention, and the files on disk.
 */
export class CleanerService {
  constructor(
    private readonly ds: DataSource,
    private readonly files: JobFilesService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async pass(tenantId?: string): Promise<{ jobs: number; batchErrors: number; taskRuns: number }> {
    const now = this.now();
    const old = (await this.ds.query(
      `SELECT j.id, j.tenant_id FROM job j JOIN tenant t ON t.id = j.tenant_id
        WHERE j.status IN ('completed', 'failed') AND ($2::uuid IS NULL OR j.tenant_id = $2)
          AND coalesce(j.completed_at, j.created_at) < $1::timestamptz - make_interval(days => t.retention_days)`,
      [now, tenantId ?? null],
    )) as { id: string; tenant_id: string }[];
    for (const job of old) {
      await this.ds.query(`DELETE FROM job WHERE id = $1`, [job.id]);
      await this.files.removeJob(job.tenant_id, job.id);
    }
    const [, batchErrors] = (await this.ds.query(
      `DELETE FROM batch_error b USING tenant t
        WHERE t.id = b.tenant_id AND ($2::uuid IS NULL OR b.tenant_id = $2)
          AND b.created_at < $1::timestamptz - make_interval(days => t.retention_days)`,
      [now, tenantId ?? null],
    )) as [unknown, number];
    const [, taskRuns] = (await this.ds.query(
      `DELETE FROM task_run r USING tenant t
        WHERE t.id = r.tenant_id AND ($2::uuid IS NULL OR r.tenant_id = $2)
          AND r.started_at < $1::timestamptz - make_interval(days => t.retention_days)`,
      [now, tenantId ?? null],
    )) as [unknown, number];
    return { jobs: old.length, batchErrors, taskRuns };
  }
}

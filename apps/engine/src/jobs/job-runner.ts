import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { JobStatus } from '@wiztc/contracts';
import type { JobQueue } from './job-queue';
import type { PipelineService } from './pipeline.service';

export interface JobRunnerOptions {
  /** Jobs run at once by this process (always different tenants). */
  concurrency: number;
  /** How often the runner looks for due jobs and for kill requests. */
  pollMs: number;
}

/**
 * Claims due jobs and runs them, keeping one AbortController per running job. A Kill (a flag on the job row, so it
 * reaches whichever replica holds the job) aborts the job's AbortSignal at once.
 */
export class JobRunner {
  readonly workerId = `engine-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<string, { controller: AbortController; done: Promise<JobStatus> }>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;

  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    private readonly pipeline: PipelineService,
    private readonly options: JobRunnerOptions,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
  }

  /**
   * Stops claiming, aborts what runs and waits for it to stop, then puts those jobs back in the queue: the next
   * engine (or another replica) resumes them from their checkpoints, instead of leaving them failed.
   */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const interrupted = [...this.running.keys()];
    for (const { controller } of this.running.values()) controller.abort(new Error('engine shutting down'));
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    for (const jobId of interrupted) {
      try {
        await this.queue.requeue(jobId);
      } catch {
        // The database is already gone: the Monitor requeues the job when the engine comes back.
      }
    }
  }

  /** One round: abort killed jobs, then claim and start due jobs up to the concurrency. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.honourKills();
      while (this.running.size < this.options.concurrency) {
        const job = await this.queue.claimNext(this.workerId);
        if (!job) break;
        this.launch(job.id);
      }
    } finally {
      this.ticking = false;
    }
  }

  /** Runs one job now, in the caller's await (tests, the CLI). */
  async runNow(jobId: string, signal?: AbortSignal): Promise<JobStatus> {
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    const done = this.pipeline.runJob(jobId, controller.signal, this.workerId);
    this.running.set(jobId, { controller, done });
    try {
      return await done;
    } finally {
      this.running.delete(jobId);
    }
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Waits until no job runs in this process (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  private launch(jobId: string): void {
    const controller = new AbortController();
    const done = this.pipeline
      .runJob(jobId, controller.signal, this.workerId)
      .catch(async (error: unknown) => {
        await this.ds.query(`UPDATE job SET status = 'failed', error = $2, claimed_by = NULL WHERE id = $1`, [
          jobId,
          error instanceof Error ? error.message : String(error),
        ]);
        return 'failed' as JobStatus;
      })
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, { controller, done });
  }

  private async honourKills(): Promise<void> {
    if (this.running.size === 0) return;
    const killed = (await this.ds.query(
      `UPDATE job SET kill_requested = false WHERE id = ANY($1::uuid[]) AND kill_requested RETURNING id`,
      [[...this.running.keys()]],
    )) as [{ id: string }[], number];
    for (const { id } of killed[0] ?? []) {
      this.running.get(id)?.controller.abort(new Error('killed by an operator'));
    }
  }
}

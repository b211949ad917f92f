import type { DataSource } from 'typeorm';
import type { StageName, TaskName, TaskRunSummary } from '@wiztc/contracts';
import { STAGE_NAMES } from '@wiztc/contracts';
import type { Job } from '../jobs/job.entity';
import type { JobQueue } from '../jobs/job-queue';
import type { StageHooks } from '../jobs/pipeline.service';
import { TASK_DEFINITIONS } from './task-definitions';
import { TaskRun } from './task-run.entity';
import { Task } from './task.entity';

export type TaskAction = 'run' | 'pause' | 'resume' | 'kill';

/** A task action refused in the task's current status (the API answers 409 with this reason). */
export class TaskStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskStateError';
  }
}

const ALLOWED: Record<TaskAction, Task['status'][]> = {
  run: ['idle', 'paused'],
  pause: ['idle', 'running'],
  resume: ['paused'],
  kill: ['running'],
};

/** Task rows, their actions, and the hooks through which the pipeline reports stage runs to them. */
export class TasksService implements StageHooks {
  /** What "Run" does for the non-stage tasks (set by the scheduler module). */
  runners: Partial<Record<'scheduler' | 'monitor' | 'cleaner', (tenantId: string) => Promise<void>>> = {};

  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async ensureTasks(tenantId: string): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(Task)
      .values(TASK_DEFINITIONS.map((d) => ({ tenantId, ...d })))
      .orIgnore()
      .execute();
  }

  async list(tenantId: string): Promise<Task[]> {
    await this.ensureTasks(tenantId);
    const order = new Map(TASK_DEFINITIONS.map((d, i) => [d.name, i]));
    const tasks = await this.ds.getRepository(Task).findBy({ tenantId });
    return tasks.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  }

  async find(tenantId: string, taskId: string): Promise<Task | null> {
    return this.ds.getRepository(Task).findOneBy({ tenantId, id: taskId });
  }

  async act(tenantId: string, taskId: string, action: TaskAction): Promise<Task> {
    const repo = this.ds.getRepository(Task);
    const task = await repo.findOneByOrFail({ tenantId, id: taskId });
    if (!ALLOWED[action].includes(task.status)) {
      throw new TaskStateError(
        `Cannot ${action} the ${task.name} task while it is ${task.status} (allowed when ${ALLOWED[action].join(' or ')})`,
      );
    }
    switch (action) {
      case 'pause':
        // An idle task is paused at once; a running one stops at its next checkpoint, then shows Paused.
        await repo.update(task.id, {
          pauseRequested: true,
          ...(task.status === 'idle' ? { status: 'paused' } : {}),
        });
        break;
      case 'resume':
        await repo.update(task.id, { pauseRequested: false, status: 'idle' });
        await this.requeuePausedJobs(tenantId);
        break;
      case 'run':
        await repo.update(task.id, { pauseRequested: false, status: 'idle' });
        if (isStage(task.name)) await this.requeuePausedJobs(tenantId);
        else await this.runNow(tenantId, task.name);
        break;
      case 'kill': {
        if (!task.jobId) throw new TaskStateError(`The ${task.name} task is running but holds no job`);
        await this.ds.query(`UPDATE job SET kill_requested = true WHERE id = $1 AND status = 'running'`, [
          task.jobId,
        ]);
        break;
      }
    }
    return repo.findOneByOrFail({ id: task.id });
  }

  /** "Run" of the Scheduler, Monitor or Cleaner: one pass now, recorded in the run history like a timed one. */
  private async runNow(tenantId: string, name: 'scheduler' | 'monitor' | 'cleaner'): Promise<void> {
    const runner = this.runners[name];
    if (!runner) return;
    const startedAt = this.now();
    try {
      await runner(tenantId);
    } catch (error) {
      await this.recordRun(tenantId, name, startedAt, 0, 1);
      throw error;
    }
    await this.recordRun(tenantId, name, startedAt, 0, 0);
  }

  async isPaused(tenantId: string, stage: StageName): Promise<boolean> {
    const rows = (await this.ds.query(`SELECT pause_requested FROM task WHERE tenant_id = $1 AND name = $2`, [
      tenantId,
      stage,
    ])) as { pause_requested: boolean }[];
    return rows[0]?.pause_requested ?? false;
  }

  async stageStarted(job: Job, stage: StageName): Promise<void> {
    await this.ensureTasks(job.tenantId);
    const now = this.now();
    const task = await this.ds.getRepository(Task).findOneByOrFail({ tenantId: job.tenantId, name: stage });
    await this.ds.getRepository(Task).update(task.id, { status: 'running', jobId: job.id, heartbeatAt: now });
    await this.ds
      .getRepository(TaskRun)
      .insert({ taskId: task.id, tenantId: job.tenantId, jobId: job.id, startedAt: now });
  }

  async stageEnded(
    job: Job,
    stage: StageName,
    outcome: 'completed' | 'failed' | 'paused' | 'killed',
    items: number,
    errors: number,
  ): Promise<void> {
    const now = this.now();
    const task = await this.ds.getRepository(Task).findOneByOrFail({ tenantId: job.tenantId, name: stage });
    await this.ds.getRepository(Task).update(task.id, {
      status: task.pauseRequested ? 'paused' : 'idle',
      jobId: null,
      heartbeatAt: now,
    });
    await this.ds.query(
      `UPDATE task_run SET ended_at = $2, outcome = $3, items = $4, errors = $5
        WHERE id = (SELECT id FROM task_run WHERE task_id = $1 AND job_id = $6 AND ended_at IS NULL
                     ORDER BY started_at DESC LIMIT 1)`,
      [task.id, now, outcome, items, errors, job.id],
    );
  }

  /** Moves a task's heartbeat (a pass that found nothing to do). */
  async beat(tenantId: string, name: TaskName): Promise<void> {
    await this.ensureTasks(tenantId);
    await this.ds.query(`UPDATE task SET heartbeat_at = $3 WHERE tenant_id = $1 AND name = $2`, [
      tenantId,
      name,
      this.now(),
    ]);
  }

  /** Records a run of a non-stage task (scheduler, monitor, cleaner) for the analytics. */
  async recordRun(
    tenantId: string,
    name: TaskName,
    startedAt: Date,
    items: number,
    errors: number,
  ): Promise<void> {
    await this.ensureTasks(tenantId);
    const task = await this.ds.getRepository(Task).findOneByOrFail({ tenantId, name });
    const now = this.now();
    await this.ds.getRepository(Task).update(task.id, { heartbeatAt: now });
    await this.ds.getRepository(TaskRun).insert({
      taskId: task.id,
      tenantId,
      jobId: null,
      startedAt,
      endedAt: now,
      items,
      errors,
      outcome: errors > 0 ? 'failed' : 'completed',
    });
  }

  async isTaskPaused(tenantId: string, name: TaskName): Promise<boolean> {
    const rows = (await this.ds.query(`SELECT pause_requested FROM task WHERE tenant_id = $1 AND name = $2`, [
      tenantId,
      name,
    ])) as { pause_requested: boolean }[];
    return rows[0]?.pause_requested ?? false;
  }

  async analytics(tenantId: string, since: Date | null, limit: number): Promise<TaskRunSummary[]> {
    const rows = (await this.ds.query(
      `SELECT t.name, r.job_id, r.started_at, r.ended_at, r.items, r.errors, r.outcome
         FROM task_run r JOIN task t ON t.id = r.task_id
        WHERE r.tenant_id = $1 AND ($2::timestamptz IS NULL OR r.started_at >= $2)
        ORDER BY r.started_at DESC LIMIT $3`,
      [tenantId, since, limit],
    )) as {
      name: TaskName;
      job_id: string | null;
      started_at: Date;
      ended_at: Date | null;
      items: number;
      errors: number;
      outcome: string | null;
    }[];
    return rows.reverse().map((r) => ({
      taskName: r.name,
      jobId: r.job_id,
      startedAt: new Date(r.started_at).toISOString(),
      endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
      durationMs: r.ended_at ? new Date(r.ended_at).getTime() - new Date(r.started_at).getTime() : null,
      items: r.items,
      errors: r.errors,
      outcome: r.outcome,
    }));
  }

  private async requeuePausedJobs(tenantId: string): Promise<void> {
    const paused = (await this.ds.query(`SELECT id FROM job WHERE tenant_id = $1 AND status = 'paused'`, [
      tenantId,
    ])) as {
      id: string;
    }[];
    for (const { id } of paused) await this.queue.requeue(id);
  }
}

function isStage(name: TaskName): name is StageName {
  return (STAGE_NAMES as readonly string[]).includes(name);
}

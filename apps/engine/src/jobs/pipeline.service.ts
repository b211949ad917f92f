import type { DataSource } from 'typeorm';
import { STAGE_NAMES, type JobStatus, type PreflightReport, type StageName } from '@wiztc/contracts';
import type { TcClient } from '@wiztc/tc-client';
import type { WizClient } from '@wiztc/wiz-client';
import { CasesStage } from '../stages/cases.stage';
import { ConvertStage } from '../stages/convert.stage';
import { CorrelateStage } from '../stages/correlate.stage';
import { DownloadStage } from '../stages/download.stage';
import {
  StagePausedError,
  type PipelineSettings,
  type PipelineTenant,
  type Stage,
  type StageContext,
  type StageProgress,
} from '../stages/stage';
import { UploadStage } from '../stages/upload.stage';
import { JobFilesService } from './job-files.service';
import { JobStage } from './job-stage.entity';
import { Job } from './job.entity';

/** Everything the pipeline needs of a tenant: its settings and clients built from its (decrypted) credentials. */
export interface TenantRuntime {
  tenant: PipelineTenant;
  wiz: () => WizClient;
  tc: () => TcClient;
  /** The live preflight check, run before each job (absent when disabled by configuration). */
  preflight?: (signal: AbortSignal) => Promise<PreflightReport>;
}

/** How the pipeline talks to the Tasks: whether a stage's task is paused, and each stage run for the analytics. */
export interface StageHooks {
  isPaused(tenantId: string, stage: StageName): Promise<boolean>;
  stageStarted(job: Job, stage: StageName): Promise<void>;
  stageEnded(
    job: Job,
    stage: StageName,
    outcome: 'completed' | 'failed' | 'paused' | 'killed',
    items: number,
    errors: number,
  ): Promise<void>;
}

export const NO_HOOKS: StageHooks = {
  isPaused: async () => false,
  stageStarted: async () => undefined,
  stageEnded: async () => undefined,
};

export function defaultStages(): Stage[] {
  return [new DownloadStage(), new ConvertStage(), new UploadStage(), new CasesStage(), new CorrelateStage()];
}

/**
 * Runs one job through download → convert → upload → cases → correlate. Every stage resumes from its checkpoint,
 * so running a job again after a kill, a crash or a pause continues where it stopped and writes nothing twice.
 */
export class PipelineService {
  constructor(
    private readonly ds: DataSource,
    private readonly runtime: (tenantId: string) => Promise<TenantRuntime>,
    private readonly files: JobFilesService,
    private readonly settings: PipelineSettings,
    private readonly hooks: StageHooks = NO_HOOKS,
    private readonly stages: Stage[] = defaultStages(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs a job the caller has claimed (status running). Returns the job's final status. */
  async runJob(jobId: string, signal: AbortSignal, workerId: string | null = null): Promise<JobStatus> {
    const jobs = this.ds.getRepository(Job);
    const job = await jobs.findOneByOrFail({ id: jobId });
    await this.ensureStages(job);
    let runtime: TenantRuntime;
    try {
      runtime = await this.runtime(job.tenantId);
    } catch (error) {
      return this.finish(job, 'failed', `Tenant settings: ${message(error)}`, workerId);
    }
    if (runtime.preflight) {
      const report = await runtime
        .preflight(signal)
        .catch((error: unknown) => ({ ok: false, problems: [message(error)] }));
      if (!report.ok)
        return this.finish(job, 'failed', `Preflight failed: ${report.problems.join('; ')}`, workerId);
    }

    for (const stage of this.stages) {
      const row = await this.ds.getRepository(JobStage).findOneByOrFail({ jobId: job.id, stage: stage.name });
      if (row.status === 'completed') continue;
      if (await this.hooks.isPaused(job.tenantId, stage.name)) {
        return this.finish(job, 'paused', null, workerId);
      }
      const startedAt = this.now();
      await this.ds.getRepository(JobStage).update(row.id, {
        status: 'running',
        startedAt: row.startedAt ?? startedAt,
        heartbeatAt: startedAt,
        attempts: row.attempts + 1,
        error: null,
      });
      row.status = 'running';
      await jobs.update(job.id, { currentStage: stage.name });
      job.currentStage = stage.name;
      await this.hooks.stageStarted(job, stage.name);
      try {
        await stage.run(this.context(job, row, runtime, signal, workerId));
        const fresh = await this.ds.getRepository(JobStage).findOneByOrFail({ id: row.id });
        await this.ds
          .getRepository(JobStage)
          .update(row.id, { status: 'completed', completedAt: this.now(), heartbeatAt: this.now() });
        await this.hooks.stageEnded(
          job,
          stage.name,
          'completed',
          itemsOf(fresh.counts),
          errorsOf(fresh.counts),
        );
      } catch (error) {
        const fresh = await this.ds.getRepository(JobStage).findOneByOrFail({ id: row.id });
        if (error instanceof StagePausedError) {
          await this.ds.getRepository(JobStage).update(row.id, { status: 'pending' });
          await this.hooks.stageEnded(
            job,
            stage.name,
            'paused',
            itemsOf(fresh.counts),
            errorsOf(fresh.counts),
          );
          return this.finish(job, 'paused', null, workerId);
        }
        const killed = signal.aborted;
        const reason = killed
          ? `Killed during ${stage.name}; retry resumes from the last checkpoint`
          : message(error);
        await this.ds.getRepository(JobStage).update(row.id, { status: 'failed', error: reason });
        await this.hooks.stageEnded(
          job,
          stage.name,
          killed ? 'killed' : 'failed',
          itemsOf(fresh.counts),
          errorsOf(fresh.counts) + 1,
        );
        return this.finish(job, 'failed', killed ? reason : `${stage.name}: ${reason}`, workerId);
      }
    }
    return this.finish(job, 'completed', null, workerId);
  }

  private async ensureStages(job: Job): Promise<void> {
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(JobStage)
      .values(
        STAGE_NAMES.map((stage, position) => ({ jobId: job.id, tenantId: job.tenantId, stage, position })),
      )
      .orIgnore()
      .execute();
  }

  /**
   * Writes the job's final status — only while this worker still holds it: a worker whose job the Monitor gave
   * to another must not overwrite the new holder's run.
   */
  private async finish(
    job: Job,
    status: JobStatus,
    error: string | null,
    workerId: string | null,
  ): Promise<JobStatus> {
    const completedAt = status === 'completed' || status === 'failed' ? this.now() : null;
    const update = this.ds
      .createQueryBuilder()
      .update(Job)
      .set({
        status,
        error,
        completedAt,
        claimedBy: null,
        ...(status === 'completed' ? { currentStage: null } : {}),
      })
      .where('id = :id', { id: job.id });
    if (workerId) update.andWhere('claimed_by = :workerId', { workerId });
    const { affected } = await update.execute();
    if (workerId && !affected) return status;
    await this.writeMetadata(job.id);
    return status;
  }

  /** The job's metadata file: the job row and its stages, rewritten at every end of a run. */
  private async writeMetadata(jobId: string): Promise<void> {
    const job = await this.ds.getRepository(Job).findOneByOrFail({ id: jobId });
    const stages = await this.ds
      .getRepository(JobStage)
      .find({ where: { jobId }, order: { position: 'ASC' } });
    await this.ds.transaction((em) =>
      this.files.writePart(em, { tenantId: job.tenantId, jobId }, 'metadata', 0, [
        { job, stages: stages.map(({ checkpoint: _checkpoint, ...rest }) => rest) },
      ]),
    );
  }

  private context(
    job: Job,
    row: JobStage,
    runtime: TenantRuntime,
    signal: AbortSignal,
    workerId: string | null,
  ): StageContext {
    const ds = this.ds;
    const hooks = this.hooks;
    const now = this.now;
    return {
      job,
      stage: row,
      tenant: runtime.tenant,
      wiz: runtime.wiz,
      tc: runtime.tc,
      files: this.files,
      signal,
      settings: this.settings,
      query: <T>(sql: string, params?: unknown[]) => ds.query(sql, params) as Promise<T[]>,
      async commit(work, next: StageProgress) {
        signal.throwIfAborted();
        await ds.transaction(async (em) => {
          if (workerId) {
            // Fencing: a worker whose claim was taken away (the Monitor requeued its job) must not write.
            const [claim] = (await em.query(`SELECT claimed_by FROM job WHERE id = $1 FOR SHARE`, [
              job.id,
            ])) as {
              claimed_by: string | null;
            }[];
            if (claim?.claimed_by !== workerId)
              throw new Error(`Job ${job.id} is no longer held by ${workerId}`);
          }
          await work(em);
          row.counts = { ...row.counts, ...(next.counts ?? {}) };
          row.checkpoint = next.checkpoint;
          row.progress = next.progress ?? row.progress;
          row.heartbeatAt = now();
          await em.update(JobStage, row.id, {
            checkpoint: row.checkpoint as JobStage['checkpoint'] & object,
            counts: row.counts,
            progress: row.progress,
            heartbeatAt: row.heartbeatAt,
          });
        });
        signal.throwIfAborted();
        if (await hooks.isPaused(job.tenantId, row.stage)) throw new StagePausedError(row.stage);
      },
      async heartbeat() {
        row.heartbeatAt = now();
        await ds.getRepository(JobStage).update(row.id, { heartbeatAt: row.heartbeatAt });
      },
    };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const ITEM_KEYS = [
  'storedFindings',
  'vulnerabilities',
  'groupsSucceeded',
  'casesCreated',
  'casesUpdated',
  'associations',
];
const ERROR_KEYS = [
  'malformedFindings',
  'mappingIssues',
  'uploadErrors',
  'casesFailed',
  'correlationsFailed',
];

function itemsOf(counts: Record<string, number>): number {
  return ITEM_KEYS.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
}

function errorsOf(counts: Record<string, number>): number {
  return ERROR_KEYS.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
}

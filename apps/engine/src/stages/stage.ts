import type { EntityManager } from 'typeorm';
import type { StageName } from '@wiztc/contracts';
import type { WizClient, WizExploitFilter } from '@wiztc/wiz-client';
import type { TcClient } from '@wiztc/tc-client';
import type { Job } from '../jobs/job.entity';
import type { JobStage } from '../jobs/job-stage.entity';
import type { JobFilesService } from '../jobs/job-files.service';

/** What the pipeline needs to know of a tenant (decrypted; never logged). */
export interface PipelineTenant {
  id: string;
  tcOrganization: string;
  sourceName: string;
  exploitFilter: WizExploitFilter;
  ownersToScan: string[];
  groupTypesToScan: string[];
  indicatorTypesToScan: string[];
  assignee: string | null;
}

export interface StageProgress {
  checkpoint: Record<string, unknown>;
  counts?: Record<string, number>;
  progress?: { done: number; total: number | null };
}

export interface StageContext {
  readonly job: Job;
  readonly stage: JobStage;
  readonly tenant: PipelineTenant;
  readonly wiz: () => WizClient;
  readonly tc: () => TcClient;
  readonly files: JobFilesService;
  readonly signal: AbortSignal;
  readonly settings: PipelineSettings;
  /** A read outside any stage transaction. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Commits `work` and the stage's checkpoint, counts and heartbeat in one transaction, then stops the stage
   * (throws StagePausedError) if a pause was requested: a stage only ever stops at a checkpoint.
   */
  commit(work: (em: EntityManager) => Promise<void>, next: StageProgress): Promise<void>;
  /** Writes the heartbeat only (long calls between checkpoints). */
  heartbeat(): Promise<void>;
}

export interface PipelineSettings {
  wizPageSize: number;
  /** Vulnerabilities converted together (one batch part, one cases part). */
  convertChunkSize: number;
  /** Stored findings loaded together by convert (a larger vulnerability is still converted whole). */
  convertMaxFindings: number;
  batchMaxItems: number;
  batchMaxBytes: number;
  batchPollIntervalMs: number;
  /** Case severity names and counts never change here; the attribute `source` wiztc writes and owns. */
  attributeSource: string;
}

export const DEFAULT_PIPELINE_SETTINGS: PipelineSettings = {
  wizPageSize: 500,
  convertChunkSize: 500,
  convertMaxFindings: 5000,
  batchMaxItems: 5000,
  batchMaxBytes: 1_900_000,
  batchPollIntervalMs: 1000,
  attributeSource: 'Wiz',
};

export interface Stage {
  readonly name: StageName;
  run(ctx: StageContext): Promise<void>;
}

/** Thrown at a checkpoint when the stage's task was paused. */
export class StagePausedError extends Error {
  constructor(stage: StageName) {
    super(`The ${stage} task was paused; the job resumes from its last checkpoint.`);
    this.name = 'StagePausedError';
  }
}

/** Runs a `SELECT count(*)::int AS total ... WHERE job_id = $1` for the stage's job. */
export async function countOf(ctx: StageContext, sql: string): Promise<number> {
  const [row] = await ctx.query<{ total: number }>(sql, [ctx.job.id]);
  return row?.total ?? 0;
}

import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import type {
  JobDetails,
  JobFileKind,
  JobFileSummary,
  JobSummary,
  Page,
  StageSummary,
} from '@wiztc/contracts';
import { JobFile } from './job-file.entity';
import type { JobQueue } from './job-queue';
import { JobStage } from './job-stage.entity';
import { Job } from './job.entity';
import type { ListJobsQueryDto } from './dto/list-jobs.query.dto';

const SORT_COLUMNS: Record<ListJobsQueryDto['sort'], string> = {
  number: 'j.number',
  createdAt: 'j.created_at',
  startedAt: 'j.started_at',
  completedAt: 'j.completed_at',
  status: 'j.status',
  type: 'j.type',
};

/** A request the API refuses with a reason (400 or 409). */
export class JobRequestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
  ) {
    super(message);
  }
}

/** What the Jobs screen reads and does: list, details, files, ad-hoc jobs, retries. */
export class JobsService {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(tenantId: string, q: ListJobsQueryDto): Promise<Page<JobSummary>> {
    const where = ['j.tenant_id = $1'];
    const params: unknown[] = [tenantId];
    if (q.jobId) {
      params.push(`%${q.jobId.toLowerCase()}%`);
      where.push(`(j.number::text LIKE $${params.length} OR j.id::text LIKE $${params.length})`);
    }
    if (q.type?.length) {
      params.push(q.type);
      where.push(`j.type = ANY($${params.length}::text[])`);
    }
    if (q.status?.length) {
      params.push(q.status);
      where.push(`j.status = ANY($${params.length}::text[])`);
    }
    const filter = where.join(' AND ');
    const [{ total }] = (await this.ds.query(
      `SELECT count(*)::int AS total FROM job j WHERE ${filter}`,
      params,
    )) as [{ total: number }];
    const order = `${SORT_COLUMNS[q.sort]} ${q.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, j.number DESC`;
    const ids = (await this.ds.query(
      `SELECT j.id FROM job j WHERE ${filter} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    )) as { id: string }[];
    const jobs = ids.length ? await this.ds.getRepository(Job).findBy({ id: In(ids.map((r) => r.id)) }) : [];
    const byId = new Map(jobs.map((j) => [j.id, j]));
    return {
      items: ids.map((r) => toSummary(byId.get(r.id) as Job)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async details(tenantId: string, jobId: string): Promise<JobDetails> {
    const job = await this.find(tenantId, jobId);
    const stages = await this.ds
      .getRepository(JobStage)
      .find({ where: { jobId: job.id }, order: { position: 'ASC' } });
    const files = await this.files(tenantId, job.id);
    const [{ errors }] = (await this.ds.query(
      `SELECT count(*)::int AS errors FROM batch_error WHERE job_id = $1`,
      [job.id],
    )) as [{ errors: number }];
    const c = Object.assign({}, ...stages.map((s) => s.counts)) as Record<string, number | undefined>;
    return {
      ...toSummary(job),
      stages: stages.map(toStage),
      counts: {
        downloadedFindings: c['downloadedFindings'] ?? 0,
        wizTotalCount: c['wizTotalCount'] ?? null,
        vulnerabilities: c['vulnerabilities'] ?? 0,
        groupsBatched: c['groupsBatched'] ?? 0,
        groupsSucceeded: c['groupsSucceeded'] ?? 0,
        groupsFailed: c['groupsFailed'] ?? 0,
        indicatorsBatched: 0,
        indicatorsSucceeded: c['indicatorsSucceeded'] ?? 0,
        indicatorsFailed: c['indicatorsFailed'] ?? 0,
        casesCreated: c['casesCreated'] ?? 0,
        casesUpdated: c['casesUpdated'] ?? 0,
        casesUnchanged: c['casesUnchanged'] ?? 0,
        associations: c['associations'] ?? 0,
        errors,
      },
      files,
    };
  }

  async files(tenantId: string, jobId: string): Promise<JobFileSummary[]> {
    const job = await this.find(tenantId, jobId);
    const files = await this.ds
      .getRepository(JobFile)
      .find({ where: { jobId: job.id }, order: { kind: 'ASC', part: 'ASC' } });
    return files.map((f) => ({
      id: f.id,
      kind: f.kind,
      part: f.part,
      bytes: Number(f.bytes),
      items: f.items,
      createdAt: f.createdAt.toISOString(),
    }));
  }

  /** The parts of one kind of file; data files only for completed jobs, metadata always. */
  async fileParts(tenantId: string, jobId: string, kind: JobFileKind): Promise<JobFile[]> {
    const job = await this.find(tenantId, jobId);
    if (kind !== 'metadata' && job.status !== 'completed') {
      throw new JobRequestError(
        `Data files are available once the job has completed (it is ${job.status})`,
        409,
      );
    }
    const parts = await this.ds
      .getRepository(JobFile)
      .find({ where: { jobId: job.id, kind }, order: { part: 'ASC' } });
    if (parts.length === 0) throw new JobRequestError(`Job ${job.number} has no ${kind} file`, 404);
    return parts;
  }

  async createAdhoc(
    tenantId: string,
    input: { startTime?: string; endTime?: string },
    intervalMinutes: number,
  ): Promise<JobSummary> {
    const now = this.now();
    const end = input.endTime ? new Date(input.endTime) : now;
    const start = input.startTime
      ? new Date(input.startTime)
      : new Date(end.getTime() - intervalMinutes * 60_000);
    if (end.getTime() > now.getTime() + 60_000)
      throw new JobRequestError('endTime must not be in the future', 400);
    if (start.getTime() >= end.getTime()) throw new JobRequestError('startTime must be before endTime', 400);
    const job = await this.queue.enqueue({ tenantId, type: 'adhoc', windowStart: start, windowEnd: end });
    return toSummary(job);
  }

  /** A failed job is queued again and resumes from its stages' checkpoints: no gap, nothing written twice. */
  async retry(tenantId: string, jobId: string): Promise<JobSummary> {
    const job = await this.find(tenantId, jobId);
    if (job.status !== 'failed' && job.status !== 'paused') {
      throw new JobRequestError(
        `Only a failed or paused job can be retried (job ${job.number} is ${job.status})`,
        409,
      );
    }
    await this.queue.requeue(job.id);
    return toSummary(await this.find(tenantId, job.id));
  }

  private async find(tenantId: string, jobId: string): Promise<Job> {
    const isUuid = /^[0-9a-f-]{36}$/i.test(jobId);
    const job = isUuid
      ? await this.ds.getRepository(Job).findOneBy({ tenantId, id: jobId })
      : /^\d{1,15}$/.test(jobId)
        ? await this.ds.getRepository(Job).findOneBy({ tenantId, number: jobId })
        : null;
    if (!job) throw new JobRequestError('job not found', 404);
    return job;
  }
}

export function toSummary(job: Job): JobSummary {
  return {
    id: job.id,
    number: Number(job.number),
    tenantId: job.tenantId,
    type: job.type,
    status: job.status,
    windowStart: job.windowStart.toISOString(),
    windowEnd: job.windowEnd.toISOString(),
    currentStage: job.currentStage,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    completedAt: job.completedAt?.toISOString() ?? null,
    error: job.error,
  };
}

function toStage(s: JobStage): StageSummary {
  return {
    stage: s.stage,
    status: s.status,
    startedAt: s.startedAt?.toISOString() ?? null,
    completedAt: s.completedAt?.toISOString() ?? null,
    heartbeatAt: s.heartbeatAt?.toISOString() ?? null,
    attempts: s.attempts,
    counts: s.counts,
    progress: s.progress,
    error: s.error,
  };
}

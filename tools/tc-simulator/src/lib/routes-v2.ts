// v2 Batch API: create a job, upload its file (octet-stream), jobs run asynchronously
// (Created → Queued → Running → Completed), status with includeAdditional, gzip errors.
import { gzipSync } from 'node:zlib';
import { processBatchFile } from './batch-processor';
import { ok, type SimRequest, type SimResponse } from './http-types';
import type { SimStore } from './store';
import type { TcFaults, TcSimBatchJob } from './types';

const invalid = (status: number, description: string): SimResponse => ({
  status,
  body: { status: 'Invalid', description },
});

export interface BatchRunnerConfig {
  processingDelayMs: number;
  maxUploadBytes: number;
  faults: () => TcFaults;
  random: () => number;
}

export class BatchRunner {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: SimStore,
    private readonly cfg: BatchRunnerConfig,
  ) {}

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  route(req: SimRequest): SimResponse | undefined {
    if (req.path === '/v2/batch' && req.method === 'POST') return this.create(req);
    const m = /^\/v2\/batch\/(\d+)(\/errors)?$/.exec(req.path);
    if (!m) return undefined;
    const job = this.store.jobs.get(Number(m[1]));
    if (!job) return { status: 404, body: { status: 'Error', message: `Batch ${m[1]} not found` } };
    if (m[2] && req.method === 'GET') return this.errors(job);
    if (req.method === 'POST' && !m[2]) return this.upload(job, req);
    if (req.method === 'GET' && !m[2])
      return this.status(job, req.params.get('includeAdditional') === 'true');
    return { status: 405, body: { status: 'Error', message: `${req.method} not allowed` } };
  }

  private create(req: SimRequest): SimResponse {
    const s = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    if (typeof s['owner'] !== 'string' || s['owner'] === '') return invalid(400, 'owner is required');
    if (!this.store.owners.some((o) => o.name === s['owner']))
      return { status: 403, body: { status: 'Error', message: `Owner "${s['owner']}" not accessible` } };
    if (s['haltOnError'] === undefined) return invalid(400, 'haltOnError is required');
    if (!['Append', 'Replace', 'Singleton', 'Static'].includes(String(s['attributeWriteType'])))
      return invalid(400, 'attributeWriteType is required');
    for (const k of ['tagWriteType', 'securityLabelWriteType']) {
      if (s[k] !== undefined && s[k] !== 'Append' && s[k] !== 'Replace')
        return invalid(400, `${k} must be Append or Replace`);
    }
    if (s['action'] !== undefined && s['action'] !== 'Create' && s['action'] !== 'Delete')
      return invalid(400, 'action must be Create or Delete');
    const job: TcSimBatchJob = {
      id: this.store.id(),
      owner: s['owner'],
      settings: s,
      status: 'Created',
      itemCount: 0,
      successCount: 0,
      errorCount: 0,
      unprocessCount: 0,
      successGroupCount: 0,
      errorGroupCount: 0,
      successIndicatorCount: 0,
      errorIndicatorCount: 0,
      errors: [],
    };
    this.store.jobs.set(job.id, job);
    return ok({ status: 'Success', data: { batchId: job.id } }, 201);
  }

  private upload(job: TcSimBatchJob, req: SimRequest): SimResponse {
    if (!req.contentType.startsWith('application/octet-stream'))
      return invalid(400, 'Content-Type must be application/octet-stream');
    if (req.rawBody.length > this.cfg.maxUploadBytes)
      return invalid(400, `File size greater than allowable limit of ${this.cfg.maxUploadBytes}`);
    if (job.status !== 'Created')
      return invalid(400, `Batch ${job.id} already has data (status ${job.status})`);
    job.status = 'Queued';
    const text = req.rawBody.toString('utf8');
    this.later(this.cfg.processingDelayMs, () => {
      job.status = 'Running';
      this.later(this.cfg.faults().slowBatchMs, () => {
        const rate = this.cfg.faults().batchErrorRate;
        processBatchFile(this.store, job, text, () => rate > 0 && this.cfg.random() < rate);
        job.status = 'Completed';
      });
    });
    return ok({ status: 'Queued' }, 202);
  }

  private status(job: TcSimBatchJob, additional: boolean): SimResponse {
    const batchStatus: Record<string, unknown> = {
      id: job.id,
      status: job.status,
      errorCount: job.errorCount,
      successCount: job.successCount,
      unprocessCount: job.unprocessCount,
    };
    if (additional) {
      Object.assign(batchStatus, {
        successGroupCount: job.successGroupCount,
        errorGroupCount: job.errorGroupCount,
        successIndicatorCount: job.successIndicatorCount,
        errorIndicatorCount: job.errorIndicatorCount,
      });
    }
    return ok({ status: 'Success', data: { batchStatus } });
  }

  private errors(job: TcSimBatchJob): SimResponse {
    if (job.status !== 'Completed') return invalid(400, `Batch still in ${job.status} state`);
    if (job.errors.length === 0)
      return { status: 404, body: { status: 'Error', message: 'No errors found' } };
    return {
      status: 200,
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'gzip' },
      raw: gzipSync(Buffer.from(JSON.stringify(job.errors))),
    };
  }
}

// v2 Batch API: split the data into jobs (≤ maxItemsPerJob items, ≤ maxBytesPerJob bytes), and for each
// job create it, upload the file as octet-stream, poll with backoff until Completed, fetch its errors.
// One job at a time per owner (threatconnect-api.md §4, tcex `submit_all`).
import { TcBatchFailedError, TcInvalidInputError } from '../errors';
import type {
  TcBatchData,
  TcBatchErrorRow,
  TcBatchJobResult,
  TcBatchJobSettings,
  TcBatchStatus,
  TcBatchSubmitResult,
} from '../model/batch.model';
import { sleep } from '../retry';
import type { TcTransport } from '../transport';
import { chunkBatchData } from './batch-chunks';
import { parseBatchErrors } from './batch-errors';

export interface TcBatchSubmitInput {
  owner: string;
  data: TcBatchData;
  settings?: Partial<TcBatchJobSettings>;
  /** Items (groups + indicators) per job; at most 5,000 (default 5,000). */
  maxItemsPerJob?: number;
  /** Bytes of JSON per job (default 75,000,000 like tcex; the real limit is an instance setting). */
  maxBytesPerJob?: number;
  /** First wait between status polls (default 1,000 ms); grows ×1.5 up to `maxPollIntervalMs`. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  /** Give up on a job that is not Completed after this long (default 1 h). */
  jobTimeoutMs?: number;
  signal?: AbortSignal;
}

export const TC_BATCH_MAX_ITEMS = 5_000;
export const TC_BATCH_DEFAULT_MAX_BYTES = 75_000_000;
const TOO_LARGE = /allowable limit of (\d+)/i;

interface Counter {
  calls: number;
}

export function batchSettings(owner: string, s: Partial<TcBatchJobSettings> = {}): TcBatchJobSettings {
  return {
    version: 'V2',
    owner,
    haltOnError: s.haltOnError ?? false,
    action: s.action ?? 'Create',
    attributeWriteType: s.attributeWriteType ?? 'Replace',
    tagWriteType: s.tagWriteType ?? 'Replace',
    securityLabelWriteType: s.securityLabelWriteType ?? 'Replace',
    ...(s.playbookTriggersEnabled === undefined
      ? {}
      : { playbookTriggersEnabled: s.playbookTriggersEnabled }),
  };
}

export async function submitBatch(t: TcTransport, input: TcBatchSubmitInput): Promise<TcBatchSubmitResult> {
  if (!input.owner) throw new TcInvalidInputError('submitBatch needs an owner');
  const maxItems = input.maxItemsPerJob ?? TC_BATCH_MAX_ITEMS;
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > TC_BATCH_MAX_ITEMS) {
    throw new TcInvalidInputError(`maxItemsPerJob must be 1..${TC_BATCH_MAX_ITEMS}, got ${maxItems}`);
  }
  let maxBytes = input.maxBytesPerJob ?? TC_BATCH_DEFAULT_MAX_BYTES;
  const settings = batchSettings(input.owner, input.settings);
  const counter: Counter = { calls: 0 };
  const result: TcBatchSubmitResult = { jobs: [], errors: [], httpCalls: 0 };
  const pending = chunkBatchData(input.data, maxItems, maxBytes);
  while (pending.length > 0) {
    const chunk = pending.shift() as { data: TcBatchData; items: number; text: string };
    const job = await runJob(t, settings, chunk, input, counter);
    if ('tooLargeLimit' in job) {
      // The instance has a smaller upload limit than configured: re-split this chunk and go on.
      maxBytes = Math.min(maxBytes, Math.floor(job.tooLargeLimit * 0.95));
      pending.unshift(...chunkBatchData(chunk.data, maxItems, maxBytes));
      continue;
    }
    result.jobs.push(job.result);
    result.errors.push(...job.errors);
  }
  result.httpCalls = counter.calls;
  return result;
}

async function runJob(
  t: TcTransport,
  settings: TcBatchJobSettings,
  chunk: { items: number; text: string },
  input: TcBatchSubmitInput,
  counter: Counter,
): Promise<{ result: TcBatchJobResult; errors: TcBatchErrorRow[] } | { tooLargeLimit: number }> {
  const signal = input.signal;
  // An unused job is harmless, so creating one may be retried.
  const created = await t.request<{ data?: { batchId?: number } }>({
    method: 'POST',
    path: '/v2/batch',
    json: settings,
    idempotent: true,
    signal,
    counter,
  });
  const batchId = created.body.data?.batchId;
  if (typeof batchId !== 'number')
    throw new TcBatchFailedError('ThreatConnect created a batch job without a batchId', {});

  const uploaded = await t.request<{ status?: string; description?: string }>({
    method: 'POST',
    path: `/v2/batch/${batchId}`,
    raw: { data: chunk.text, contentType: 'application/octet-stream' },
    envelope: 'any',
    acceptStatus: [400],
    // Batch upserts by xid, so a second upload is harmless unless attributes are appended.
    idempotent: settings.attributeWriteType !== 'Append',
    signal,
    counter,
  });
  if (uploaded.status === 400) {
    const limit = TOO_LARGE.exec(uploaded.body?.description ?? '');
    if (limit && chunk.items > 1) return { tooLargeLimit: Number(limit[1]) };
    throw new TcBatchFailedError(
      `ThreatConnect rejected the upload of batch ${batchId}: ${uploaded.body?.description ?? 'HTTP 400'}`,
      {
        batchId,
        status: 400,
      },
    );
  }
  if (uploaded.body?.status !== 'Queued' && uploaded.body?.status !== 'Success') {
    throw new TcBatchFailedError(
      `unexpected upload answer for batch ${batchId}: ${JSON.stringify(uploaded.body)}`,
      { batchId },
    );
  }

  const status = await pollUntilCompleted(t, batchId, input, counter);
  const hasErrors =
    status.errorCount > 0 || (status.errorGroupCount ?? 0) > 0 || (status.errorIndicatorCount ?? 0) > 0;
  const errors = hasErrors ? await fetchErrors(t, batchId, input, counter) : [];
  return {
    result: {
      batchId,
      status: status.status,
      successCount: status.successCount,
      errorCount: status.errorCount,
      unprocessCount: status.unprocessCount,
      successGroupCount: status.successGroupCount,
      errorGroupCount: status.errorGroupCount,
      successIndicatorCount: status.successIndicatorCount,
      errorIndicatorCount: status.errorIndicatorCount,
      itemCount: chunk.items,
      bytes: Buffer.byteLength(chunk.text),
    },
    errors,
  };
}

async function pollUntilCompleted(
  t: TcTransport,
  batchId: number,
  input: TcBatchSubmitInput,
  counter: Counter,
): Promise<TcBatchStatus> {
  let wait = input.pollIntervalMs ?? 1_000;
  const maxWait = input.maxPollIntervalMs ?? 20_000;
  const deadline = Date.now() + (input.jobTimeoutMs ?? 3_600_000);
  for (;;) {
    await sleep(wait, input.signal);
    const res = await t.request<{ data?: { batchStatus?: TcBatchStatus } }>({
      method: 'GET',
      path: `/v2/batch/${batchId}`,
      query: [['includeAdditional', 'true']],
      signal: input.signal,
      counter,
    });
    const status = res.body.data?.batchStatus;
    if (!status)
      throw new TcBatchFailedError(`batch ${batchId}: status answer without batchStatus`, { batchId });
    if (status.status === 'Completed') return status;
    if (Date.now() > deadline)
      throw new TcBatchFailedError(`batch ${batchId} still ${status.status} after the job timeout`, {
        batchId,
      });
    wait = Math.min(Math.round(wait * 1.5), maxWait);
  }
}

async function fetchErrors(
  t: TcTransport,
  batchId: number,
  input: TcBatchSubmitInput,
  counter: Counter,
): Promise<TcBatchErrorRow[]> {
  for (let attempt = 0; ; attempt++) {
    const res = await t.request<unknown>({
      method: 'GET',
      path: `/v2/batch/${batchId}/errors`,
      envelope: 'any',
      acceptStatus: [400, 404],
      signal: input.signal,
      counter,
    });
    if (res.status === 404) return [];
    if (res.status === 200) return parseBatchErrors(batchId, res.body);
    // 400 "Batch still in Running state": wait a little and ask again.
    if (attempt >= 10)
      throw new TcBatchFailedError(`batch ${batchId}: errors never became available`, {
        batchId,
        status: 400,
      });
    await sleep(input.pollIntervalMs ?? 1_000, input.signal);
  }
}

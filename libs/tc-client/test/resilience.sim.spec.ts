import { TcAbortError, TcRateLimitError, TcTimeoutError, type TcLogger } from '../src';
import {
  startTcTestBed,
  TC_TEST_CREDENTIALS,
  tcBatchGroupFactory,
  tcCasePayloadFactory,
  type TcTestBed,
} from '../src/testing';

describe('retries, rate limits, abort, timeouts and redaction', () => {
  let bed: TcTestBed;
  beforeAll(async () => {
    bed = await startTcTestBed({ batch: { processingDelayMs: 2 } });
  });
  afterEach(() => bed.sim.reset());
  afterAll(() => bed.close());

  it('survives a 429 storm on reads and batch uploads', async () => {
    bed.sim.setFaults({ rateLimitRate: 0.5 });
    const client = bed.clientWith({ retry: { retries: 20, minDelayMs: 1, maxDelayMs: 2, jitter: 0 } });
    const data = {
      group: Array.from({ length: 30 }, (_, i) => tcBatchGroupFactory({ name: `CVE-2025-${i + 100}` })),
    };
    const res = await client.submitBatch({
      owner: 'Wiz Source',
      data,
      maxItemsPerJob: 10,
      pollIntervalMs: 2,
    });
    expect(res.jobs).toHaveLength(3);
    await expect(client.owners()).resolves.toHaveLength(3);
    expect(bed.sim.state().groups).toHaveLength(30);
    const limited = bed.sim.calls().filter((c) => c.status === 429).length;
    expect(limited).toBeGreaterThan(5);
    expect(res.httpCalls).toBeGreaterThan(3 * 3); // retries are counted
  });

  it('gives up with TcRateLimitError when 429s outlast the retries', async () => {
    bed.sim.setFaults({ rateLimitNext: 10 });
    await expect(bed.clientWith({ retry: { retries: 2, minDelayMs: 1 } }).owners()).rejects.toBeInstanceOf(
      TcRateLimitError,
    );
    expect(bed.sim.calls()).toHaveLength(3);
  });

  it('honours Retry-After', async () => {
    bed.sim.setFaults({ rateLimitNext: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    await bed.client.owners();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries an idempotent write on 503 but does not repeat an attribute append', async () => {
    const c = await bed.client.cases.create(tcCasePayloadFactory());
    bed.sim.setFaults({ serverErrorNext: 1 });
    await bed.client.cases.update(c.id, { severity: 'Low' });
    bed.sim.setFaults({ serverErrorNext: 1 });
    await expect(
      bed.client.caseAttributes.create(c.id, { type: 'Total Asset Count', value: '1' }),
    ).rejects.toMatchObject({ status: 503 });
    expect(bed.sim.calls().filter((x) => x.path === '/api/v3/caseAttributes')).toHaveLength(1);
  });

  it('aborts a request waiting on a slow server', async () => {
    bed.sim.setFaults({ latencyMs: 2_000 });
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 30);
    const started = Date.now();
    await expect(bed.client.users(ctrl.signal)).rejects.toBeInstanceOf(TcAbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('times out an attempt and reports TcTimeoutError', async () => {
    bed.sim.setFaults({ latencyMs: 300 });
    await expect(
      bed.clientWith({ timeoutMs: 50, retry: { retries: 1, minDelayMs: 1 } }).users(),
    ).rejects.toBeInstanceOf(TcTimeoutError);
  });

  it('never logs the secret key or a signature', async () => {
    const lines: string[] = [];
    const logger: TcLogger = {
      debug: (m, meta) => lines.push(m + JSON.stringify(meta ?? {})),
      warn: (m, meta) => lines.push(m + JSON.stringify(meta ?? {})),
    };
    bed.sim.setFaults({ rateLimitNext: 2 });
    await bed.clientWith({ logger }).owners();
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const all = lines.join('\n');
    expect(all).not.toContain(TC_TEST_CREDENTIALS.secretKey);
    expect(all).not.toMatch(/TC \S+:\S+=/);
  });
});

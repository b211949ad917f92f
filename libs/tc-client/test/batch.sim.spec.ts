import { TcAbortError, TcBatchFailedError } from '../src';
import { startTcTestBed, tcBatchGroupFactory, type TcTestBed } from '../src/testing';

const fast = { pollIntervalMs: 5, maxPollIntervalMs: 20 };

describe('v2 batch against the simulator', () => {
  let bed: TcTestBed;
  beforeAll(async () => {
    bed = await startTcTestBed({ batch: { processingDelayMs: 5 } });
  });
  afterEach(() => bed.sim.reset());
  afterAll(() => bed.close());

  const groups = (n: number, extra: object = {}) =>
    Array.from({ length: n }, (_, i) => tcBatchGroupFactory({ name: `CVE-2025-${10_000 + i}`, ...extra }));

  it('upserts groups by xid: the same data twice leaves no duplicate', async () => {
    const data = { group: groups(25) };
    const first = await bed.client.submitBatch({ owner: 'Wiz Source', data, maxItemsPerJob: 10, ...fast });
    expect(first.jobs.map((j) => j.itemCount)).toEqual([10, 10, 5]);
    expect(first.jobs.every((j) => j.status === 'Completed' && j.errorCount === 0)).toBe(true);
    expect(first.httpCalls).toBeGreaterThanOrEqual(9);
    await bed.client.submitBatch({ owner: 'Wiz Source', data, ...fast });
    const state = bed.sim.state();
    expect(state.groups).toHaveLength(25);
    expect(new Set(state.groups.map((g) => g.xid)).size).toBe(25);
    expect(state.groups.every((g) => g.ownerName === 'Wiz Source' && g.attributes.length === 1)).toBe(true);
  });

  it('honours attributeWriteType and tagWriteType', async () => {
    const g = tcBatchGroupFactory({ name: 'CVE-2025-7', tag: [{ name: 'A' }] });
    await bed.client.submitBatch({ owner: 'Wiz Source', data: { group: [g] }, ...fast });
    const again = { ...g, tag: [{ name: 'B' }], attribute: [{ type: 'Severity', value: 'High' }] };
    await bed.client.submitBatch({
      owner: 'Wiz Source',
      data: { group: [again] },
      settings: { attributeWriteType: 'Append', tagWriteType: 'Append' },
      ...fast,
    });
    let [stored] = bed.sim.state().groups;
    expect(stored?.tags).toEqual(['A', 'B']);
    expect(stored?.attributes.map((a) => a.type).sort()).toEqual(['Description', 'Severity']);
    await bed.client.submitBatch({
      owner: 'Wiz Source',
      data: { group: [again] },
      settings: { attributeWriteType: 'Replace', tagWriteType: 'Replace' },
      ...fast,
    });
    [stored] = bed.sim.state().groups;
    expect(stored?.tags).toEqual(['B']);
    expect(stored?.attributes.map((a) => a.type)).toEqual(['Severity']);
  });

  it('returns per-item errors with code and reason', async () => {
    const data = {
      group: [
        tcBatchGroupFactory({ name: 'CVE-2025-1' }),
        tcBatchGroupFactory({ name: '', xid: 'wiztc:no-name' }),
        tcBatchGroupFactory({ name: 'CVE-2025-3', attribute: [{ type: 'No Such Type', value: 'x' }] }),
        tcBatchGroupFactory({
          name: 'CVE-2025-4',
          attribute: [{ type: 'Severity', value: 'x'.repeat(501) }],
        }),
      ],
    };
    const res = await bed.client.submitBatch({ owner: 'Wiz Source', data, ...fast });
    expect(res.jobs[0]).toMatchObject({ errorGroupCount: 1, successGroupCount: 3 });
    const byCode = res.errors.map((e) => [e.errorCode, e.errorMessage?.split('.')[0]]);
    expect(byCode).toEqual([
      ['0x1006', 'Group name is required'],
      [
        '0x2002',
        'Attribute type "No Such Type" is not a valid attribute type (group xid "wiztc:CVE-2025-3")',
      ],
      [
        '0x2002',
        'Attribute "Severity" value length 501 exceeds the maximum size of 500 (group xid "wiztc:CVE-2025-4")',
      ],
    ]);
    expect(
      res.errors.every(
        (e) => e.batchId === res.jobs[0]?.batchId && e.errorReason.includes(`(${e.errorCode}): `),
      ),
    ).toBe(true);
    expect(
      bed.sim
        .state()
        .groups.map((g) => g.name)
        .sort(),
    ).toEqual(['CVE-2025-1', 'CVE-2025-3', 'CVE-2025-4']);
  });

  it('reports an injected batch failure as General errors (0x1001) and counts them per job', async () => {
    bed.sim.setFaults({ batchErrorRate: 1 });
    const res = await bed.client.submitBatch({ owner: 'Wiz Source', data: { group: groups(4) }, ...fast });
    expect(res.jobs[0]).toMatchObject({ errorCount: 4, errorGroupCount: 4, successCount: 0 });
    expect(res.errors.map((e) => e.errorCode)).toEqual(['0x1001', '0x1001', '0x1001', '0x1001']);
    expect(bed.sim.state().groups).toHaveLength(0);
  });

  it('re-splits a job the instance finds too large, and loses nothing', async () => {
    const small = await startTcTestBed({ batch: { maxUploadBytes: 2_000 } });
    try {
      const res = await small.client.submitBatch({
        owner: 'Wiz Source',
        data: { group: groups(20) },
        ...fast,
      });
      expect(res.jobs.length).toBeGreaterThan(1);
      expect(res.jobs.every((j) => j.bytes <= 2_000)).toBe(true);
      expect(small.sim.state().groups).toHaveLength(20);
    } finally {
      await small.close();
    }
  });

  it('runs one job at a time per owner', async () => {
    bed.sim.setFaults({ slowBatchMs: 30 });
    await Promise.all([
      bed.client.submitBatch({ owner: 'Wiz Source', data: { group: groups(3) }, ...fast }),
      bed.client.submitBatch({
        owner: 'Wiz Source',
        data: { group: groups(3, { tag: [{ name: 'x' }] }) },
        ...fast,
      }),
    ]);
    const order = bed.sim
      .calls()
      .filter((c) => c.method === 'POST' && /\/v2\/batch/.test(c.path))
      .map((c) => c.path.replace(/\d+$/, 'N'));
    expect(order).toEqual(['/api/v2/batch', '/api/v2/batch/N', '/api/v2/batch', '/api/v2/batch/N']);
  });

  it('is aborted promptly while a job is running', async () => {
    bed.sim.setFaults({ slowBatchMs: 10_000 });
    const ctrl = new AbortController();
    const started = Date.now();
    setTimeout(() => ctrl.abort(), 50);
    await expect(
      bed.client.submitBatch({
        owner: 'Wiz Source',
        data: { group: groups(2) },
        ...fast,
        signal: ctrl.signal,
      }),
    ).rejects.toBeInstanceOf(TcAbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('fails a job that never completes within the job timeout', async () => {
    bed.sim.setFaults({ slowBatchMs: 10_000 });
    await expect(
      bed.client.submitBatch({ owner: 'Wiz Source', data: { group: groups(1) }, ...fast, jobTimeoutMs: 60 }),
    ).rejects.toBeInstanceOf(TcBatchFailedError);
  });
});

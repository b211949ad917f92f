import type { TcSimulator } from '@wiztc/tc-simulator';
import { JobRunner } from '../src/jobs/job-runner';
import type { WizSimulator } from '@wiztc/wiz-simulator';
import {
  CONFIGURED_ATTRIBUTE_TYPES,
  createPipelineFixture,
  runJob,
  startTc,
  startWiz,
  TEST_SETTINGS,
  type PipelineFixture,
  wholeWindow,
} from './support/pipeline-fixture';

describe('pipeline details on a small data set', () => {
  let wiz: WizSimulator;
  let tc: TcSimulator;
  let f: PipelineFixture;
  let window: { start: string; end: string };
  let names: string[];

  beforeAll(async () => {
    wiz = await startWiz({ findingCount: 400, vulnerabilityCount: 25, seed: 11 });
    tc = await startTc();
    f = await createPipelineFixture(wiz, tc);
    const whole = wholeWindow(wiz);
    window = whole.window;
    names = [...whole.vulnerabilities].sort();
  });

  afterAll(async () => {
    await f.close();
    await wiz.close();
    await tc.close();
  });

  it('bounds what convert loads at once by stored findings, never splitting a vulnerability', async () => {
    const job = await runJob(
      f,
      f.pipeline({ settings: { ...TEST_SETTINGS, convertMaxFindings: 1 } }),
      window,
    );
    expect(job.status).toBe('completed');
    const parts = (await f.db.dataSource.query(
      `SELECT part, items FROM job_file WHERE job_id = $1 AND kind = 'cases' ORDER BY part`,
      [job.id],
    )) as { part: number; items: number }[];
    // With a bound of one finding, each part holds exactly one whole vulnerability, whatever its size.
    expect(parts).toHaveLength(names.length);
    expect(parts.every((p) => p.items === 1)).toBe(true);
    expect(tc.state().cases).toHaveLength(names.length);
  });

  it('puts the jobs it interrupts back in the queue when the engine stops, and the next engine resumes them', async () => {
    wiz.setFaults({ pageDelayMs: 150 });
    const settings = { ...TEST_SETTINGS, wizPageSize: 50 };
    const job = await f.queue.enqueue({
      tenantId: f.tenant.id,
      type: 'adhoc',
      windowStart: new Date(window.start),
      windowEnd: new Date(window.end),
    });
    const first = new JobRunner(f.db.dataSource, f.queue, f.pipeline({ settings }), {
      concurrency: 1,
      pollMs: 60_000,
    });
    await first.tick();
    expect(first.isRunning(job.id)).toBe(true);
    const pages = async () =>
      (
        (await f.db.dataSource.query(
          `SELECT coalesce((counts->>'pages')::int, 0) AS pages FROM job_stage WHERE job_id = $1 AND stage = 'download'`,
          [job.id],
        )) as { pages: number }[]
      )[0]?.pages ?? 0;
    while ((await pages()) < 2) await new Promise((r) => setTimeout(r, 50));
    await first.stop();
    const [stopped] = await f.db.dataSource.query(`SELECT status FROM job WHERE id = $1`, [job.id]);
    expect(stopped.status).toBe('pending');
    const pagesBefore = await pages();
    expect(pagesBefore).toBeLessThan(8);

    wiz.setFaults({ pageDelayMs: 0 });
    const next = new JobRunner(f.db.dataSource, f.queue, f.pipeline({ settings }), {
      concurrency: 1,
      pollMs: 60_000,
    });
    await next.tick();
    await next.idle();
    const [done] = await f.db.dataSource.query(`SELECT status FROM job WHERE id = $1`, [job.id]);
    expect(done.status).toBe('completed');
    // Resumed from the checkpoint: the pages already committed were not downloaded again.
    const [{ files }] = await f.db.dataSource.query(
      `SELECT count(*)::int AS files FROM job_file WHERE job_id = $1 AND kind = 'download'`,
      [job.id],
    );
    expect(files).toBe(await pages());
    expect(await pages()).toBe(8);
  });

  it('cuts values to the max sizes this ThreatConnect instance reports and records each cut', async () => {
    const small = await startTc({
      attributeTypes: CONFIGURED_ATTRIBUTE_TYPES.map((t) =>
        t.name === 'Description' ? { ...t, maxSize: 40 } : t,
      ),
    });
    const g = await createPipelineFixture(wiz, small);
    try {
      const job = await runJob(g, g.pipeline(), window);
      expect(job.status).toBe('completed');
      const cuts = (await g.db.dataSource.query(
        `SELECT type, message FROM batch_error WHERE job_id = $1 AND stage = 'convert' AND message = 'Attribute: Description'`,
        [job.id],
      )) as { type: string }[];
      expect(cuts.length).toBeGreaterThan(0);
      expect(new Set(cuts.map((c) => c.type))).toEqual(new Set(['truncated']));
      const descriptions = small
        .state()
        .groups.flatMap((grp) => grp.attributes.filter((a) => a.type === 'Description').map((a) => a.value));
      expect(descriptions.length).toBeGreaterThan(0);
      expect(Math.max(...descriptions.map((d) => d.length))).toBeLessThanOrEqual(40);
    } finally {
      await g.close();
      await small.close();
    }
  });

  it('finds its cases and groups again in bulk when its own state is lost, and duplicates nothing', async () => {
    const first = await runJob(f, f.pipeline(), window);
    expect(first.status).toBe('completed');
    const cases = tc.state().cases.length;
    expect(cases).toBe(names.length);
    await f.db.dataSource.query(
      `UPDATE vulnerability_sync SET group_id = NULL, case_id = NULL, case_hash = NULL WHERE tenant_id = $1`,
      [f.tenant.id],
    );
    const before = tc.calls().length;
    const again = await runJob(f, f.pipeline(), window);
    expect(again.status).toBe('completed');
    expect(tc.state().cases).toHaveLength(cases);
    const calls = tc.calls().slice(before);
    // Two bulk queries per 100 vulnerabilities (groups by name, cases by xid), not one look-up each.
    const lookups = calls.filter((c) => c.method === 'GET' && /(summary|xid)%20in%20/.test(c.query));
    expect(lookups.map((c) => c.path)).toEqual(['/api/v3/groups', '/api/v3/cases']);
    const oneByOne = calls.filter(
      (c) => c.path.startsWith('/api/v3/groups/wiztc') || c.query.includes('xid%20%3D%20'),
    );
    expect(oneByOne).toEqual([]);
    expect(calls.filter((c) => c.method === 'POST' && c.path.endsWith('/v3/cases'))).toEqual([]);
    const [{ restored }] = await f.db.dataSource.query(
      `SELECT count(*)::int AS restored FROM vulnerability_sync WHERE tenant_id = $1 AND case_id IS NOT NULL AND group_id IS NOT NULL`,
      [f.tenant.id],
    );
    expect(restored).toBe(names.length);
  });
});

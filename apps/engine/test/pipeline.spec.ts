import { vulnerabilityTag, vulnerabilityXid } from '@wiztc/mapping';
import type { TcClient } from '@wiztc/tc-client';
import type { TcSimulator } from '@wiztc/tc-simulator';
import type { WizClient } from '@wiztc/wiz-client';
import type { WizSimulator } from '@wiztc/wiz-simulator';
import { gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import {
  ANALYST,
  claimAndRun,
  COMMUNITY,
  createPipelineFixture,
  normalizedState,
  ORG,
  runJob,
  SOURCE,
  startTc,
  startWiz,
  type PipelineFixture,
  wholeWindow,
} from './support/pipeline-fixture';

const ALL = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'] as const;

describe('job pipeline on Postgres against both simulators', () => {
  let wiz: WizSimulator;
  let tc: TcSimulator;
  let f: PipelineFixture;
  let window: { start: string; end: string };
  let vulnerabilities: Set<string>;
  let reference: ReturnType<typeof normalizedState>;
  let firstJobId = '';
  const matched: { threat: string; host: string; report: string } = { threat: '', host: '', report: '' };

  /** Groups and an indicator in two owners tagged with vulnerability ids (and one of a type not scanned). */
  function seedTaggedObjects(sim: TcSimulator): void {
    sim.seedGroup(ORG, {
      type: 'Threat',
      name: 'Threat tracked by the SOC',
      tags: [matched.threat, 'unrelated'],
    });
    sim.seedIndicator(COMMUNITY, { type: 'Host', summary: 'bad.example', tags: [matched.host] });
    sim.seedGroup(COMMUNITY, { type: 'Report', name: 'Community report', tags: [matched.report] });
    sim.seedGroup(COMMUNITY, { type: 'Adversary', name: 'Not a scanned type', tags: [matched.report] });
  }

  beforeAll(async () => {
    wiz = await startWiz();
    tc = await startTc();
    f = await createPipelineFixture(wiz, tc);
    ({ window, vulnerabilities } = wholeWindow(wiz));
    const names = [...vulnerabilities].sort();
    matched.threat = names[3] as string;
    matched.host = names[10] as string;
    matched.report = names[20] as string;
    seedTaggedObjects(tc);
  }, 60_000);

  afterAll(async () => {
    await f?.close();
    await wiz?.close();
    await tc?.close();
  });

  it('writes exactly one group and one case per vulnerability, assigned, tagged, associated, with tag matches in two owners', async () => {
    const job = await runJob(f, f.pipeline(), window);
    expect(job.status).toBe('completed');
    firstJobId = job.id;
    const state = tc.state();
    expect(vulnerabilities.size).toBeGreaterThan(250);

    const groups = state.groups.filter((g) => g.ownerName === SOURCE);
    expect(groups).toHaveLength(vulnerabilities.size);
    expect(new Set(groups.map((g) => g.name))).toEqual(vulnerabilities);
    for (const g of groups) {
      expect(g.type).toBe('Vulnerability');
      expect(g.xid).toBe(vulnerabilityXid(g.name));
      expect(g.tags).toContain(vulnerabilityTag(g.name));
      expect(g.attributes.map((a) => a.type)).toEqual(expect.arrayContaining(['Severity', 'Status']));
    }

    expect(state.cases).toHaveLength(vulnerabilities.size);
    const groupById = new Map(groups.map((g) => [g.id, g]));
    for (const c of state.cases) {
      expect(c.ownerName).toBe(ORG);
      expect(JSON.stringify(c.assignee)).toContain(ANALYST);
      // Its Vulnerability Group in the Source (matched groups of other owners are associated too).
      const own = c.associations.groups.filter((id) => groupById.has(id));
      expect(own).toHaveLength(1);
      const group = groupById.get(own[0] as number);
      expect(c.name).toBe(`Wiz - Finding - ${group?.name}`);
      expect(c.tags).toContain(vulnerabilityTag(group?.name as string));
      expect(c.attributes.map((a) => a.type)).toEqual(
        expect.arrayContaining(['Total Asset Count', 'Severity Count Summary']),
      );
    }

    const byName = new Map(groups.map((g) => [g.name, g]));
    const caseOf = (name: string) =>
      state.cases.find((c) => c.associations.groups.includes(byName.get(name)?.id as number));
    const threat = state.groups.find((g) => g.name === 'Threat tracked by the SOC');
    const report = state.groups.find((g) => g.name === 'Community report');
    const host = state.indicators.find((i) => i.summary === 'bad.example');
    const adversary = state.groups.find((g) => g.name === 'Not a scanned type');
    for (const [object, name] of [
      [threat, matched.threat],
      [report, matched.report],
      [host, matched.host],
    ] as const) {
      expect(object?.associations.groups).toContain(byName.get(name)?.id);
      expect(object?.associations.cases).toContain(caseOf(name)?.id);
      expect(object?.attributes.map((a) => a.type)).toEqual(
        expect.arrayContaining(['Severity', 'Has Exploit']),
      );
    }
    expect(adversary?.associations.groups).toEqual([]);

    const [{ n }] = await f.db.dataSource.query(
      `SELECT count(*)::int AS n FROM finding WHERE tenant_id = $1`,
      [f.tenant.id],
    );
    expect(n).toBe(
      wiz.expectedIds({
        updatedAfter: window.start,
        updatedBefore: window.end,
        exploitFilter: 'none',
        statuses: [...ALL],
      }).length,
    );
    reference = normalizedState(state);
  }, 120_000);

  it('writes nothing the second time: identical state, no batch and zero case calls', async () => {
    const before = JSON.stringify(tc.state());
    const callsBefore = tc.calls().length;
    const job = await runJob(f, f.pipeline(), window);
    expect(job.status).toBe('completed');
    expect(JSON.stringify(tc.state())).toBe(before);
    const calls = tc.calls().slice(callsBefore);
    expect(calls.filter((c) => c.path.includes('/v3/cases') || c.path.includes('caseAttributes'))).toEqual(
      [],
    );
    expect(calls.filter((c) => c.path.includes('/v2/batch'))).toEqual([]);
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  }, 120_000);

  it('keeps gzipped job files: the download pages, batch data, case aggregates, upload results and metadata', async () => {
    const parts = (await f.db.dataSource.query(
      `SELECT kind, path, part, items FROM job_file WHERE job_id = $1 ORDER BY kind, part`,
      [firstJobId],
    )) as { kind: string; path: string; part: number; items: number }[];
    const kinds = new Set(parts.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['batch', 'cases', 'download', 'metadata', 'upload-results']);
    const download = parts.filter((p) => p.kind === 'download');
    const lines = gunzipSync(await streamToBuffer(f.files.stream(download)))
      .toString('utf8')
      .split('\n')
      .filter(Boolean);
    const [{ n }] = await f.db.dataSource.query(
      `SELECT (counts->>'downloadedFindings')::int AS n FROM job_stage WHERE job_id = $1 AND stage = 'download'`,
      [firstJobId],
    );
    expect(lines).toHaveLength(n);
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(n);
    const cases = parts.filter((p) => p.kind === 'cases').reduce((sum, p) => sum + p.items, 0);
    expect(cases).toBe(vulnerabilities.size);
  });

  it('fences off a worker that lost its job: it writes no data and no final status', async () => {
    const job = await f.queue.enqueue({
      tenantId: f.tenant.id,
      type: 'adhoc',
      windowStart: new Date(window.start),
      windowEnd: new Date(window.end),
    });
    await f.queue.claimNext('old-worker', f.tenant.id);
    // The Monitor gave the job to another worker meanwhile.
    await f.db.dataSource.query(`UPDATE job SET claimed_by = 'new-worker' WHERE id = $1`, [job.id]);
    await f.pipeline().runJob(job.id, new AbortController().signal, 'old-worker');
    const [row] = await f.db.dataSource.query(`SELECT status, claimed_by FROM job WHERE id = $1`, [job.id]);
    expect(row).toEqual({ status: 'running', claimed_by: 'new-worker' });
    const [{ n }] = await f.db.dataSource.query(
      `SELECT count(*)::int AS n FROM job_file WHERE job_id = $1 AND kind = 'download'`,
      [job.id],
    );
    expect(n).toBe(0);
    await f.db.dataSource.query(`UPDATE job SET status = 'failed', claimed_by = NULL WHERE id = $1`, [
      job.id,
    ]);
  });

  it('fails a job whose preflight fails, with the reason, before writing anything', async () => {
    const callsBefore = tc.calls().length;
    const failing = f.pipeline({
      preflight: async () => ({
        ok: false,
        problems: ["ThreatConnect: owner 'X' is not visible to the API user"],
      }),
    });
    const job = await f.queue.enqueue({
      tenantId: f.tenant.id,
      type: 'adhoc',
      windowStart: new Date(window.start),
      windowEnd: new Date(window.end),
    });
    await f.queue.claimNext('test-worker', f.tenant.id);
    expect(await failing.runJob(job.id, new AbortController().signal, 'test-worker')).toBe('failed');
    const [row] = await f.db.dataSource.query(`SELECT error FROM job WHERE id = $1`, [job.id]);
    expect(row.error).toBe("Preflight failed: ThreatConnect: owner 'X' is not visible to the API user");
    expect(tc.calls().length).toBe(callsBefore);
  });

  describe('a job killed mid-stage and resumed ends with the state of an uninterrupted run', () => {
    let tc2: TcSimulator;
    let f2: PipelineFixture;

    beforeEach(async () => {
      tc2 = await startTc();
      seedTaggedObjects(tc2);
      f2 = await createPipelineFixture(wiz, tc2);
    }, 60_000);

    afterEach(async () => {
      await f2.close();
      await tc2.close();
    });

    it('killed in the middle of download', async () => {
      const controller = new AbortController();
      let pages = 0;
      const killAfterThreePages = (client: WizClient): WizClient => ({
        ...client,
        async *vulnerabilityFindings(query) {
          for await (const page of client.vulnerabilityFindings(query)) {
            yield page;
            pages += 1;
            if (pages === 3) controller.abort(new Error('killed'));
          }
        },
      });
      const first = await runJob(
        f2,
        f2.pipeline({ wrapWiz: killAfterThreePages }),
        window,
        controller.signal,
      );
      expect(first.status).toBe('failed');
      const [{ n: storedAfterKill }] = await f2.db.dataSource.query(`SELECT count(*)::int AS n FROM finding`);
      expect(storedAfterKill).toBeGreaterThan(0);
      expect(tc2.state().groups.filter((g) => g.ownerName === SOURCE)).toHaveLength(0);

      await f2.queue.requeue(first.id);
      const resumed = await claimAndRun(f2, f2.pipeline(), first.id, new AbortController().signal);
      expect(resumed).toBe('completed');
      const [{ pages: totalPages }] = await f2.db.dataSource.query(
        `SELECT (counts->>'pages')::int AS pages FROM job_stage WHERE job_id = $1 AND stage = 'download'`,
        [first.id],
      );
      expect(totalPages).toBe(10);
      expectSameAsReference(normalizedState(tc2.state()));
    }, 120_000);

    it('killed in the middle of upload', async () => {
      const controller = new AbortController();
      let batches = 0;
      const killOnSecondBatch = (client: TcClient): TcClient => ({
        ...client,
        async submitBatch(input) {
          batches += 1;
          const result = await client.submitBatch(input);
          if (batches === 2) controller.abort(new Error('killed'));
          return result;
        },
      });
      const first = await runJob(f2, f2.pipeline({ wrapTc: killOnSecondBatch }), window, controller.signal);
      expect(first.status).toBe('failed');
      const uploaded = tc2.state().groups.filter((g) => g.ownerName === SOURCE).length;
      expect(uploaded).toBeGreaterThan(0);
      expect(uploaded).toBeLessThan(vulnerabilities.size);

      await f2.queue.requeue(first.id);
      expect(await claimAndRun(f2, f2.pipeline(), first.id, new AbortController().signal)).toBe('completed');
      expectSameAsReference(normalizedState(tc2.state()));
    }, 120_000);

    function expectSameAsReference(state: ReturnType<typeof normalizedState>): void {
      expect(state.groups).toHaveLength(reference.groups.length);
      expect(state).toEqual(reference);
    }
  });
  it('lowers the case counts on the next job when a finding is resolved in Wiz', async () => {
    const rows = (await f.db.dataSource.query(
      `SELECT vulnerability_name AS name, array_agg(finding_id) AS ids, count(DISTINCT asset_id)::int AS assets
         FROM finding WHERE tenant_id = $1 AND status IN ('OPEN', 'IN_PROGRESS')
        GROUP BY vulnerability_name HAVING count(DISTINCT asset_id) >= 3 ORDER BY vulnerability_name LIMIT 1`,
      [f.tenant.id],
    )) as { name: string; ids: string[]; assets: number }[];
    const target = rows[0];
    expect(target).toBeDefined();
    const caseOf = () => {
      const group = tc.state().groups.find((g) => g.ownerName === SOURCE && g.name === target?.name);
      return tc.state().cases.find((c) => c.associations.groups.includes(group?.id as number));
    };
    const count = () => Number(caseOf()?.attributes.find((a) => a.type === 'Total Asset Count')?.value);
    const before = count();
    expect(before).toBe(target?.assets);

    const findingsOfFirstAsset = (target?.ids ?? []).filter(
      (id) =>
        wiz.finding(id)?.vulnerableAsset?.id === wiz.finding(target?.ids[0] as string)?.vulnerableAsset?.id,
    );
    wiz.advance(60_000);
    wiz.resolve(findingsOfFirstAsset);
    wiz.advance(60_000);
    const job = await runJob(f, f.pipeline(), { start: window.end, end: wiz.now() });
    expect(job.status).toBe('completed');
    expect(count()).toBe(before - 1);
  }, 120_000);
});

async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

import { startTcTestBed, type TcTestBed } from '../src/testing';

describe('tag search against the simulator', () => {
  let bed: TcTestBed;
  beforeAll(async () => {
    bed = await startTcTestBed({ sources: ['Wiz Source', 'Intel Feed'] });
  });
  afterEach(() => bed.sim.reset());
  afterAll(() => bed.close());

  const cves = Array.from({ length: 500 }, (_, i) => `CVE-2024-${String(20_000 + i)}`);

  function seed(): Map<number, string> {
    const expected = new Map<number, string>();
    cves.forEach((cve, i) => {
      if (i % 7 === 0)
        expected.set(
          bed.sim.seedGroup('Intel Feed', { type: 'Vulnerability', name: cve, tags: [cve, 'Exploited'] }),
          cve,
        );
      if (i % 11 === 0)
        expected.set(
          bed.sim.seedGroup('Common Community', { type: 'Vulnerability', name: cve, tags: [cve] }),
          cve,
        );
      if (i % 13 === 0)
        expected.set(
          bed.sim.seedIndicator('Intel Feed', { type: 'Host', summary: `h${i}.example`, tags: [cve] }),
          cve,
        );
    });
    // Noise: another owner, another type, a tag not asked for.
    bed.sim.seedGroup('Wiz Source', {
      type: 'Vulnerability',
      name: 'CVE-2024-20000',
      tags: ['CVE-2024-20000'],
    });
    bed.sim.seedGroup('Intel Feed', { type: 'Malware', name: 'm', tags: ['CVE-2024-20000'] });
    bed.sim.seedGroup('Intel Feed', { type: 'Vulnerability', name: 'other', tags: ['CVE-1999-0001'] });
    return expected;
  }

  it('matches 500 CVE ids across two owners in chunked queries (50 per query), following next', async () => {
    const expected = seed();
    const found = [];
    for await (const hit of bed.client.searchByTags({
      tags: cves,
      owners: ['Intel Feed', 'Common Community'],
      groupTypes: ['Vulnerability'],
      indicatorTypes: ['Host'],
      chunkSize: 50,
      pageSize: 5,
    }))
      found.push(hit);
    expect(new Set(found.map((f) => f.id))).toEqual(new Set(expected.keys()));
    expect(found).toHaveLength(expected.size);
    for (const f of found) expect(f.tags).toContain(expected.get(f.id));
    expect(found.filter((f) => f.kind === 'indicator').every((f) => f.name.endsWith('.example'))).toBe(true);
    const queries = bed.sim
      .calls()
      .filter((c) => c.path === '/api/v3/groups' && c.query.includes('resultStart') === false);
    expect(queries).toHaveLength(10); // 500 tags / 50 per chunk, each query string under 2,000 characters
    expect(bed.sim.calls().filter((c) => c.query.includes('resultStart=')).length).toBeGreaterThan(10); // next links followed
  });

  it('sends long queries as a GET with a JSON body and gets the same answer', async () => {
    const expected = seed();
    const found = [];
    for await (const hit of bed.client.searchByTags({
      tags: cves,
      owners: ['Intel Feed', 'Common Community'],
      groupTypes: ['Vulnerability'],
      indicatorTypes: ['Host'],
      chunkSize: 250,
    }))
      found.push(hit.id);
    expect(new Set(found)).toEqual(new Set(expected.keys()));
    const bodyGets = bed.sim
      .calls()
      .filter((c) => c.method === 'GET' && c.path === '/api/v3/groups' && c.query === '');
    expect(bodyGets.length).toBe(2);
  });

  it('uses hasTag(name in (...)) when asked to, and skips a kind given no types', async () => {
    seed();
    const found = [];
    for await (const hit of bed.client.searchByTags({
      tags: ['CVE-2024-20000'],
      owners: ['Intel Feed'],
      groupTypes: ['Vulnerability'],
      indicatorTypes: [],
      tagKeyword: 'hasTag',
    }))
      found.push(hit);
    expect(found.map((f) => [f.kind, f.ownerName, f.type])).toEqual([
      ['group', 'Intel Feed', 'Vulnerability'],
    ]);
    expect(bed.sim.calls().some((c) => c.path.includes('/v3/indicators'))).toBe(false);
  });
});

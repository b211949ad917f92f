import { startTcTestBed, type TcTestBed } from '../src/testing';

describe('bulk look-ups against the simulator', () => {
  let bed: TcTestBed;
  beforeAll(async () => {
    bed = await startTcTestBed({ sources: ['Wiz Source', 'Intel Feed'] });
  });
  afterEach(() => bed.sim.reset());
  afterAll(() => bed.close());

  const names = Array.from({ length: 250 }, (_, i) => `CVE-2025-${String(30_000 + i)}`);

  it('finds groups of one owner and type by name, a query per chunk, with their xids', async () => {
    const ids = new Map(
      names.map((name) => [
        name,
        bed.sim.seedGroup('Wiz Source', { type: 'Vulnerability', name, tags: [], xid: `x:${name}` }),
      ]),
    );
    // Same names elsewhere: another owner, another type.
    bed.sim.seedGroup('Intel Feed', { type: 'Vulnerability', name: names[0] as string, tags: [] });
    bed.sim.seedGroup('Wiz Source', { type: 'Threat', name: names[1] as string, tags: [] });
    const before = bed.sim.calls().length;
    const found = await bed.client.groups.findByNames([...names, 'CVE-1999-0001'], {
      owner: 'Wiz Source',
      type: 'Vulnerability',
    });
    expect(found).toHaveLength(names.length);
    expect(new Map(found.map((g) => [g.name, g.id]))).toEqual(ids);
    expect(found.every((g) => g.xid === `x:${g.name}`)).toBe(true);
    expect(bed.sim.calls().length - before).toBe(3); // 251 names in chunks of 100
  });

  it('finds cases by xid, a query per chunk', async () => {
    const xids = names.slice(0, 120).map((n) => `wiztc:case:${n}`);
    for (const xid of xids) {
      await bed.client.cases.create({ name: xid, xid, severity: 'High', status: 'Open' });
    }
    const before = bed.sim.calls().length;
    const found = await bed.client.cases.findByXids([...xids, 'wiztc:case:none'], { chunkSize: 50 });
    expect(found.map((c) => c.xid).sort()).toEqual([...xids].sort());
    expect(bed.sim.calls().length - before).toBe(3);
  });

  it('asks nothing for nothing', async () => {
    const before = bed.sim.calls().length;
    expect(await bed.client.cases.findByXids([])).toEqual([]);
    expect(bed.sim.calls().length).toBe(before);
  });
});

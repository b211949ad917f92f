import { startTcTestBed, tcCasePayloadFactory, type TcTestBed } from '../src/testing';

describe('v3 cases, groups, attributes and associations against the simulator', () => {
  let bed: TcTestBed;
  beforeAll(async () => {
    bed = await startTcTestBed();
  });
  afterEach(() => bed.sim.reset());
  afterAll(() => bed.close());

  it('finds a case again by xid after creating it, and never creates it twice', async () => {
    expect(await bed.client.cases.findByXid('wiztc:case:CVE-2025-1')).toBeNull();
    const created = await bed.client.cases.create(
      tcCasePayloadFactory({
        xid: 'wiztc:case:CVE-2025-1',
        assignee: { type: 'User', data: { userName: 'analyst@example.com' } },
        tags: { data: [{ name: 'Vulnerability: CVE-2025-1' }] },
        attributes: { data: [{ type: 'Total Asset Count', value: '3', source: 'Wiz' }] },
      }),
    );
    const found = await bed.client.cases.findByXid('wiztc:case:CVE-2025-1', {
      fields: ['tags', 'attributes'],
    });
    expect(found).toMatchObject({
      id: created.id,
      xid: 'wiztc:case:CVE-2025-1',
      severity: 'High',
      ownerName: 'Test Org',
    });
    expect(found?.tags?.data.map((t) => t.name)).toEqual(['Vulnerability: CVE-2025-1']);
    // A second create with the same xid answers 409; the client resolves it to the existing case.
    const again = await bed.client.cases.create(tcCasePayloadFactory({ xid: 'wiztc:case:CVE-2025-1' }));
    expect(again.id).toBe(created.id);
    expect(bed.sim.state().cases).toHaveLength(1);
    const updated = await bed.client.cases.update(created.id, { severity: 'Critical' });
    expect(updated.severity).toBe('Critical');
    await expect(bed.client.cases.update(created.id, { xid: 'other' })).rejects.toThrow(
      /only be set when the case is created/,
    );
  });

  it('lists, adds, updates and deletes case attributes by id', async () => {
    const c = await bed.client.cases.create(tcCasePayloadFactory());
    const a = await bed.client.caseAttributes.create(c.id, {
      type: 'Max Critical Severity Count',
      value: '2',
    });
    await bed.client.caseAttributes.create(c.id, {
      type: 'Source',
      value: 'https://wiz.example/1',
      source: 'Wiz',
    });
    await bed.client.caseAttributes.update(a.id, { value: '5' });
    let list = await bed.client.caseAttributes.list(c.id);
    expect(list.map((x) => [x.type, x.value])).toEqual([
      ['Max Critical Severity Count', '5'],
      ['Source', 'https://wiz.example/1'],
    ]);
    await bed.client.caseAttributes.delete(a.id);
    await bed.client.caseAttributes.delete(a.id); // already gone: still fine
    list = await bed.client.caseAttributes.list(c.id);
    expect(list.map((x) => x.type)).toEqual(['Source']);
    await expect(
      bed.client.caseAttributes.create(c.id, { type: 'Unknown Type', value: 'x' }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('updates a group with nested modes and associates it with a case across owners', async () => {
    const gid = bed.sim.seedGroup('Wiz Source', {
      type: 'Vulnerability',
      name: 'CVE-2025-9',
      tags: ['a', 'b'],
      xid: 'wiztc:CVE-2025-9',
    });
    const c = await bed.client.cases.create(tcCasePayloadFactory());
    await bed.client.groups.update(gid, {
      tags: { data: [{ name: 'a' }], mode: 'delete' },
      attributes: { data: [{ type: 'Severity', value: 'High' }], mode: 'replace' },
      associatedCases: { data: [{ id: c.id }] },
    });
    const g = await bed.client.groups.getByXid('wiztc:CVE-2025-9', 'Wiz Source', {
      fields: ['tags', 'attributes', 'associatedCases'],
    });
    expect(g?.tags?.data.map((t) => t.name)).toEqual(['b']);
    expect(g?.attributes?.data.map((a) => a.type)).toEqual(['Severity']);
    expect(g?.associatedCases?.data.map((x) => x.id)).toEqual([c.id]);
    expect(await bed.client.groups.getByXid('wiztc:CVE-2025-9', 'Test Org')).toBeNull();
    const ind = bed.sim.seedIndicator('Common Community', { type: 'Host', summary: 'bad.example', tags: [] });
    await bed.client.associations.add({ kind: 'case', id: c.id }, [{ kind: 'indicator', id: ind }]);
    expect(bed.sim.state().cases[0]?.associations).toEqual({ groups: [gid], indicators: [ind], cases: [] });
    await bed.client.associations.remove({ kind: 'group', id: gid }, [{ kind: 'case', id: c.id }]);
    expect(bed.sim.state().cases[0]?.associations.groups).toEqual([]);
  });

  it('manages group and indicator attributes', async () => {
    const gid = bed.sim.seedGroup('Wiz Source', { type: 'Vulnerability', name: 'CVE-2025-2', tags: [] });
    const ga = await bed.client.groupAttributes.create(gid, {
      type: 'Description',
      value: 'd',
      default: true,
    });
    expect((await bed.client.groupAttributes.list(gid))[0]).toMatchObject({ id: ga.id, default: true });
    const iid = bed.sim.seedIndicator('Wiz Source', { type: 'Host', summary: 'h.example', tags: [] });
    const ia = await bed.client.indicatorAttributes.create(iid, { type: 'Source', value: 's' });
    await bed.client.indicatorAttributes.update(ia.id, { value: 't' });
    expect(
      (await bed.client.indicators.get(iid, { fields: ['attributes'] })).attributes?.data[0]?.value,
    ).toBe('t');
  });
});

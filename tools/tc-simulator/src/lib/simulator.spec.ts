import { createHmac } from 'node:crypto';
import { startTcSimulator } from './simulator';
import type { TcSimulator } from './types';

const creds = { accessId: 'sim-access', secretKey: 'sim-secret-key' };

describe('tc-simulator HTTP surface', () => {
  let sim: TcSimulator;
  let nowMs = Date.now();
  beforeAll(async () => {
    sim = await startTcSimulator({ ...creds, organization: 'Org', sources: ['Src'], now: () => nowMs });
  });
  afterEach(() => {
    sim.reset();
    nowMs = Date.now();
  });
  afterAll(() => sim.close());

  // Signs with its own HMAC so the simulator is checked independently of the client.
  const call = (method: string, target: string, body?: unknown, ts = Math.floor(Date.now() / 1000)) => {
    const pathWithQuery = new URL(sim.url).pathname + target;
    const sig = createHmac('sha256', creds.secretKey)
      .update(`${pathWithQuery}:${method}:${ts}`)
      .digest('base64');
    return fetch(sim.url + target, {
      method,
      headers: {
        Timestamp: String(ts),
        Authorization: `TC ${creds.accessId}:${sig}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };

  it('verifies HMAC with the 5-minute window using its own clock', async () => {
    expect((await call('GET', '/v3/security/owners')).status).toBe(200);
    nowMs = Date.now() + 5 * 60_000 + 2_000;
    const res = await call('GET', '/v3/security/owners');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Timestamp out of acceptable time range', status: 'Error' });
  });

  it('answers unknown TQL keywords with errCode 0x2001', async () => {
    const res = await call('GET', `/v3/groups?tql=${encodeURIComponent('rating > 3')}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errCode: '0x2001', status: 'Error' });
    const bad = await call('GET', `/v3/cases?tql=${encodeURIComponent('typeName = "x"')}`);
    expect((await bad.json()) as unknown).toMatchObject({ errCode: '0x2001' });
  });

  it('pages with resultStart/resultLimit and an absolute next link', async () => {
    for (let i = 0; i < 5; i++) sim.seedGroup('Src', { type: 'Vulnerability', name: `g${i}`, tags: [] });
    const first = (await (await call('GET', '/v3/groups?resultLimit=2&count=true')).json()) as {
      data: { name: string }[];
      next: string;
      count: number;
    };
    expect(first.data.map((g) => g.name)).toEqual(['g0', 'g1']);
    expect(first.count).toBe(5);
    const next = new URL(first.next);
    const second = (await (await call('GET', next.pathname.slice(4) + next.search)).json()) as {
      data: { name: string }[];
      prev: string;
    };
    expect(second.data.map((g) => g.name)).toEqual(['g2', 'g3']);
    expect(second.prev).toContain('resultStart=0');
  });

  it('rejects a v3 group with an xid already used in its owner (409), but allows it in another owner', async () => {
    const body = { type: 'Vulnerability', name: 'CVE-1', xid: 'x1' };
    expect((await call('POST', '/v3/groups?owner=Src', body)).status).toBe(201);
    const dup = await call('POST', '/v3/groups?owner=Src', body);
    expect(dup.status).toBe(409);
    expect((await call('POST', '/v3/groups?owner=Org', body)).status).toBe(201);
    expect(sim.state().groups).toHaveLength(2);
  });

  it('records calls, exposes state and resets over HTTP without authentication', async () => {
    sim.seedGroup('Src', { type: 'Vulnerability', name: 'CVE-2', tags: ['t'] });
    await call('GET', '/v3/security/users');
    const base = sim.url.replace(/\/api$/, '');
    const state = (await (await fetch(`${base}/_sim/state`)).json()) as {
      groups: { name: string; tags: string[] }[];
    };
    expect(state.groups).toEqual([expect.objectContaining({ name: 'CVE-2', tags: ['t'] })]);
    const calls = (await (await fetch(`${base}/_sim/calls`)).json()) as { path: string }[];
    expect(calls.map((c) => c.path)).toEqual(['/api/v3/security/users']);
    await fetch(`${base}/_sim/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ serverErrorNext: 1 }),
    });
    expect((await call('GET', '/v3/security/users')).status).toBe(503);
    await fetch(`${base}/_sim/reset`, { method: 'POST' });
    expect(sim.state().groups).toHaveLength(0);
    expect(sim.calls()).toHaveLength(0);
  });

  it('knows every attribute type wiztc writes by default', () => {
    const names = sim.state().attributeTypes.map((t) => t.name);
    for (const n of [
      'Description',
      'Source',
      'CNA Score',
      'EPSS Probability',
      'Severity Count Summary',
      'Max Informational Severity Count',
    ]) {
      expect(names).toContain(n);
    }
    expect(names).toHaveLength(2 + 32 + 13);
  });
});

// The Wiz client against the simulator on loopback, with faults injected.
import {
  WizAbortError,
  WizAuthError,
  WizCursorError,
  WizGraphQLError,
  type WizLogger,
} from '@wiztc/wiz-client';
import { startWizSimulator, type WizSimulator } from '../src';
import { clientFor, postJson, tokenFor, walk } from './harness';

const NOW = '2025-03-01T12:00:00.000Z';
const DAY = 86_400_000;
const windowStart = new Date(Date.parse(NOW) - 20 * DAY).toISOString();

describe('Wiz client against the simulator', () => {
  let sim: WizSimulator;

  beforeEach(async () => {
    sim = await startWizSimulator({
      seed: 11,
      findingCount: 2_000,
      vulnerabilityCount: 80,
      now: NOW,
      faults: { retryAfterSeconds: 0.01 },
    });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('returns exactly the window of findings, no gap and no duplicate, through 30 % 429s and 5 % 5xx', async () => {
    sim.setFaults({ rateLimitRate: 0.3, serverErrorRate: 0.05 });
    const expected = sim.expectedIds({ updatedAfter: windowStart });
    expect(expected.length).toBeGreaterThan(300);

    const { ids, pages } = await walk(clientFor(sim), { updatedAfter: windowStart, pageSize: 40 });

    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(pages[0]?.totalCount).toBe(expected.length);
    const stats = sim.stats();
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(stats.serverErrors).toBeGreaterThan(0);
  });

  it('applies the exploit filters and asks for every status', async () => {
    const kev = await walk(clientFor(sim), { exploitFilter: 'cisaKev', pageSize: 200 });
    expect(kev.ids.sort()).toEqual(sim.expectedIds({ exploitFilter: 'cisaKev' }).sort());
    expect(kev.pages.flatMap((p) => p.nodes).every((n) => n.hasCisaKevExploit === true)).toBe(true);

    const exploit = await walk(clientFor(sim), { exploitFilter: 'hasExploit', pageSize: 500 });
    const statuses = new Set(exploit.pages.flatMap((p) => p.nodes.map((n) => n.status)));
    expect(statuses).toEqual(new Set(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED']));
    expect(exploit.ids.length).toBeGreaterThan(kev.ids.length);
  });

  it('survives token expiry mid-walk by re-authenticating', async () => {
    sim.setFaults({ expireTokensAfterRequests: 3 });
    const expected = sim.expectedIds({ updatedAfter: windowStart });
    const { ids } = await walk(clientFor(sim), { updatedAfter: windowStart, pageSize: 50 });
    expect(ids.sort()).toEqual(expected.sort());
    expect(sim.stats().tokenRequests).toBeGreaterThanOrEqual(3);
  });

  it('resumes from a saved cursor while time moves, without duplicates or gaps', async () => {
    const client = clientFor(sim);
    const seen: string[] = [];
    let saved: string | null = null;
    for await (const page of client.vulnerabilityFindings({ updatedAfter: windowStart, pageSize: 50 })) {
      seen.push(...page.nodes.map((n) => n.id));
      saved = page.endCursor;
      if (seen.length >= 150) break;
    }
    // Between runs: time passes, findings change and appear.
    sim.advance(60_000);
    const changed = sim.mutate(40);
    const added = sim.addFindings(5, 'CVE-2024-3094');

    const resumed = await walk(clientFor(sim), { updatedAfter: windowStart, pageSize: 50, after: saved });
    const all = [...seen, ...resumed.ids];
    expect(new Set(all).size).toBe(all.length);
    // Every finding in the window now was returned, except changed ones the cursor had already passed
    // (those come back in the next window because their updatedAt moved to now).
    const missing = sim.expectedIds({ updatedAfter: windowStart }).filter((id) => !all.includes(id));
    expect(missing.every((id) => changed.includes(id))).toBe(true);
    expect(resumed.ids).toEqual(expect.arrayContaining(added));
    expect(sim.finding(added[0] ?? '')?.name).toBe('CVE-2024-3094');
  });

  it('stops at once when aborted, even mid-request', async () => {
    sim.setFaults({ pageDelayMs: 3_000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    await expect(walk(clientFor(sim), { signal: controller.signal })).rejects.toBeInstanceOf(WizAbortError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('throws WizCursorError when the server repeats a cursor', async () => {
    sim.setFaults({ stuckCursor: true });
    await expect(walk(clientFor(sim), { pageSize: 10 })).rejects.toBeInstanceOf(WizCursorError);
    expect(sim.stats().graphqlRequests).toBe(2);
  });

  it('reports BAD_USER_INPUT for a page size above the maximum, without retrying', async () => {
    await expect(walk(clientFor(sim), { pageSize: 5_001 })).rejects.toMatchObject({
      constructor: WizGraphQLError,
      code: 'BAD_USER_INPUT',
    });
    expect(sim.stats().graphqlRequests).toBe(1);
  });

  it('keeps secrets and tokens out of logs and errors', async () => {
    const lines: string[] = [];
    const logger: WizLogger = {
      debug: (m, meta) => lines.push(m + JSON.stringify(meta ?? {})),
      info: (m, meta) => lines.push(m + JSON.stringify(meta ?? {})),
      warn: (m, meta) => lines.push(m + JSON.stringify(meta ?? {})),
    };
    sim.setFaults({
      rateLimitRate: 0.3,
      serverErrorRate: 0.1,
      graphqlErrorRate: 0.1,
      expireTokensAfterRequests: 2,
    });
    await walk(clientFor(sim, { logger }), { pageSize: 100, updatedAfter: windowStart });
    expect(lines.some((l) => l.includes('retrying'))).toBe(true);
    expect(lines.some((l) => l.includes('re-authenticating'))).toBe(true);

    const wrong = clientFor(sim, { clientSecret: 'wrong-secret-with-enough-length-0000', logger });
    const error = (await wrong.verifyCredentials().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(WizAuthError);
    expect(error.message).toMatch(/rejected the client credentials/);

    const everything = [...lines, error.message, String(error.cause ?? '')].join('\n');
    expect(everything).not.toContain(sim.clientSecret);
    expect(everything).not.toContain('wrong-secret-with-enough-length-0000');
    expect(everything).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  it('verifyCredentials resolves for good credentials', async () => {
    await expect(clientFor(sim).verifyCredentials()).resolves.toBeUndefined();
    expect(sim.stats().tokenRequests).toBe(1);
  });

  it('spaces requests with the per-client-id rate governor, shared by clients of the same id', async () => {
    const a = clientFor(sim, { requestsPerSecond: 20 });
    const b = clientFor(sim, { requestsPerSecond: 20 });
    const query = { statuses: ['IN_PROGRESS', 'REJECTED'] as const, pageSize: 50, includeTotalCount: false };
    const pagesPerWalk = Math.ceil(sim.expectedIds({ statuses: [...query.statuses] }).length / 50);
    expect(pagesPerWalk).toBeGreaterThanOrEqual(3);
    const started = Date.now();
    await Promise.all([a, b].map((c) => walk(c, { ...query, statuses: [...query.statuses] })));
    // Both walks go through one governor at 20/s: request starts are at least 50 ms apart.
    const requests = sim.stats().graphqlRequests;
    expect(requests).toBe(2 * pagesPerWalk);
    expect(Date.now() - started).toBeGreaterThanOrEqual((requests - 1) * 50 - 5);
  });

  it('waits out the server rate limit (429 + retryAfter) and still returns everything', async () => {
    sim.setFaults({ requestsPerSecond: 2 });
    const expected = sim.expectedIds({ statuses: ['REJECTED'] });
    expect(expected.length).toBeGreaterThan(40);
    // Another integration has just used this second's budget, so the client's first request is refused.
    const token = await tokenFor(sim);
    const probe = { query: '{ vulnerabilityFindings(first: 1) { nodes { id } } }' };
    await Promise.all([1, 2].map(() => postJson(sim.apiUrl, probe, { authorization: `Bearer ${token}` })));
    const { ids } = await walk(clientFor(sim), { statuses: ['REJECTED'], pageSize: 25 });
    expect(ids.sort()).toEqual(expected.sort());
    expect(sim.stats().rateLimited).toBeGreaterThan(0);
  });
});

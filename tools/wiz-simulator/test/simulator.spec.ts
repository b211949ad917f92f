// The simulator on its own: deterministic realistic data, a million findings from the index, time that
// moves, the token and GraphQL surfaces.
import { WIZ_VULNERABLE_ASSET_TYPENAMES, type WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import { startWizSimulator, type WizSimulator } from '../src';
import { postJson, tokenFor } from './harness';

const NOW = '2025-03-01T12:00:00.000Z';
const ALL = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'];
const FULL = `query Q($first: Int, $after: String, $filterBy: VulnerabilityFindingFilters) {
  vulnerabilityFindings(first: $first, after: $after, filterBy: $filterBy) {
    nodes { id name vulnerabilityExternalId status updatedAt score hasCisaKevExploit cisaKevDueDate
      cvssv3 { vectorString } relatedIssueAnalytics { issueCount criticalSeverityCount }
      vulnerableAsset { __typename ... on VulnerableAssetBase { id name } ... on VulnerableAssetContainer { PodName } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function page(sim: WizSimulator, token: string, variables: Record<string, unknown>, query = FULL) {
  return postJson(sim.apiUrl, { query, variables }, { authorization: `Bearer ${token}` });
}

type Conn = {
  nodes: WizVulnerabilityFinding[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};
const connOf = (json: Record<string, unknown> | null): Conn =>
  (json?.['data'] as { vulnerabilityFindings: Conn }).vulnerabilityFindings;

describe('Wiz simulator', () => {
  let sim: WizSimulator;
  let token: string;

  beforeAll(async () => {
    sim = await startWizSimulator({ seed: 5, findingCount: 3_000, vulnerabilityCount: 120, now: NOW });
    token = await tokenFor(sim);
  });

  afterAll(async () => {
    await sim.close();
  });

  it('generates realistic, varied findings', async () => {
    const ids = sim.expectedIds({});
    const findings = ids
      .map((id) => sim.finding(id))
      .filter((f): f is WizVulnerabilityFinding => f !== undefined);
    expect(findings).toHaveLength(3_000);
    const names = findings.map((f) => f.name ?? '');
    expect(names.every((n) => /^(CVE-\d{4}-\d{4,}|GHSA(-[2-9cfghjmpqrvwx]{4}){3})$/.test(n))).toBe(true);
    expect(names.some((n) => n.startsWith('GHSA-'))).toBe(true);
    const typenames = new Set(findings.map((f) => f.vulnerableAsset?.__typename));
    expect([...typenames].sort()).toEqual([...WIZ_VULNERABLE_ASSET_TYPENAMES].sort());
    // The same vulnerability on several assets, and the same asset under several vulnerabilities.
    const assetsPerVuln = new Map<string, Set<string>>();
    const vulnsPerAsset = new Map<string, Set<string>>();
    for (const f of findings) {
      const asset = f.vulnerableAsset?.id ?? '';
      assetsPerVuln.set(f.name ?? '', (assetsPerVuln.get(f.name ?? '') ?? new Set()).add(asset));
      vulnsPerAsset.set(asset, (vulnsPerAsset.get(asset) ?? new Set()).add(f.name ?? ''));
    }
    expect(Math.max(...[...assetsPerVuln.values()].map((s) => s.size))).toBeGreaterThan(20);
    expect([...vulnsPerAsset.values()].filter((s) => s.size > 1).length).toBeGreaterThan(50);
    // A share of null-heavy nodes; KEV findings carry dates; CVSS vectors; issue analytics; portal links.
    const sparse = findings.filter((f) => f.score === null && f.detailedName === null && f.projects === null);
    expect(sparse.length / findings.length).toBeGreaterThan(0.03);
    expect(sparse.length / findings.length).toBeLessThan(0.12);
    const kev = findings.filter((f) => f.hasCisaKevExploit);
    expect(kev.length).toBeGreaterThan(0);
    expect(kev.every((f) => f.hasExploit && f.cisaKevDueDate && f.cisaKevReleaseDate)).toBe(true);
    expect(findings.some((f) => f.cvssv3?.vectorString?.startsWith('CVSS:3.1/AV:'))).toBe(true);
    expect(findings.some((f) => f.cvssv2?.vectorString?.startsWith('AV:'))).toBe(true);
    expect(findings.some((f) => (f.relatedIssueAnalytics?.issueCount ?? 0) > 0)).toBe(true);
    expect(findings.some((f) => f.layerMetadata?.layerHash?.startsWith('sha256:'))).toBe(true);
    expect(findings.every((f) => f.portalUrl?.includes(f.id))).toBe(true);
    const statuses = new Set(findings.map((f) => f.status));
    expect(statuses).toEqual(new Set(ALL));
    const spread = findings.map((f) => Date.parse(f.updatedAt ?? ''));
    expect(Math.min(...spread)).toBeGreaterThanOrEqual(Date.parse(NOW) - 60 * 86_400_000);
    expect(Math.max(...spread)).toBeLessThanOrEqual(Date.parse(NOW));
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const twin = await startWizSimulator({ seed: 5, findingCount: 3_000, vulnerabilityCount: 120, now: NOW });
    const other = await startWizSimulator({
      seed: 6,
      findingCount: 3_000,
      vulnerabilityCount: 120,
      now: NOW,
    });
    try {
      const id = sim.expectedIds({})[17] ?? '';
      expect(twin.finding(id)).toEqual(sim.finding(id));
      expect(other.expectedIds({})).not.toEqual(sim.expectedIds({}));
    } finally {
      await Promise.all([twin.close(), other.close()]);
    }
  });

  it('honours the selection set, and returns OPEN only without a status filter', async () => {
    const lean = await page(
      sim,
      token,
      { first: 5 },
      '{ vulnerabilityFindings(first: 5) { nodes { id status } } }',
    );
    const nodes = connOf(lean.json).nodes;
    expect(nodes).toHaveLength(5);
    expect(Object.keys(nodes[0] ?? {}).sort()).toEqual(['id', 'status']);
    expect(nodes.every((n) => n.status === 'OPEN')).toBe(true);

    const full = await page(sim, token, { first: 20, filterBy: { status: ALL } });
    const container = connOf(full.json).nodes.find(
      (n) => n.vulnerableAsset?.__typename === 'VulnerableAssetContainer',
    );
    const vm = connOf(full.json).nodes.find(
      (n) => n.vulnerableAsset?.__typename === 'VulnerableAssetVirtualMachine',
    );
    if (container) expect(container.vulnerableAsset).toHaveProperty('PodName');
    expect(vm?.vulnerableAsset).not.toHaveProperty('PodName');
    expect(vm?.vulnerableAsset).toHaveProperty('name');
  });

  it('filters by updatedAt, exploit and status, and pages with opaque cursors', async () => {
    const after = '2025-02-10T00:00:00.000Z';
    const before = '2025-02-20T00:00:00.000Z';
    const filterBy = { status: ['RESOLVED', 'OPEN'], updatedAt: { after, before }, hasExploit: true };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await page(sim, token, { first: 25, after: cursor, filterBy });
      const conn = connOf(res.json);
      seen.push(...conn.nodes.map((n) => n.id));
      for (const n of conn.nodes) {
        expect(['RESOLVED', 'OPEN']).toContain(n.status);
        expect((n.updatedAt ?? '') >= after && (n.updatedAt ?? '') < before).toBe(true);
      }
      cursor = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
    } while (cursor);
    const expected = sim.expectedIds({
      updatedAfter: after,
      updatedBefore: before,
      exploitFilter: 'hasExploit',
      statuses: ['RESOLVED', 'OPEN'],
    });
    expect(seen).toEqual(expected);
    expect(expected.length).toBeGreaterThan(25);
  });

  it('moves time: resolve, mutate and addFindings change updatedAt to now', async () => {
    const before = sim.now();
    sim.advance(3_600_000);
    expect(Date.parse(sim.now()) - Date.parse(before)).toBe(3_600_000);
    const target = sim.expectedIds({ statuses: ['OPEN'] })[0] ?? '';
    sim.resolve([target]);
    expect(sim.finding(target)).toMatchObject({
      status: 'RESOLVED',
      updatedAt: sim.now(),
      resolvedAt: sim.now(),
    });
    const changed = sim.mutate(10);
    const added = sim.addFindings(3);
    const recent = sim.expectedIds({ updatedAfter: sim.now() });
    expect(recent.sort()).toEqual(
      [target, ...changed, ...added].filter((v, i, a) => a.indexOf(v) === i).sort(),
    );
    expect(() => sim.resolve(['00000000-0000-4000-8000-000000000000'])).toThrow(/Unknown finding id/);
  });

  it('checks client credentials and audience, and requires a valid bearer token', async () => {
    const form = (secret: string, audience: string) =>
      fetch(sim.authUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: sim.clientId,
          client_secret: secret,
          audience,
        }).toString(),
      });
    expect((await form('nope', 'wiz-api')).status).toBe(401);
    expect((await form(sim.clientSecret, 'beyond-api')).status).toBe(403);
    const ok = (await (await form(sim.clientSecret, 'wiz-api')).json()) as {
      expires_in: number;
      access_token: string;
    };
    expect(ok.expires_in).toBe(900);
    expect(
      JSON.parse(Buffer.from(ok.access_token.split('.')[1] ?? '', 'base64url').toString()),
    ).toMatchObject({ dc: 'us17' });

    const missing = await page(sim, '', { first: 1 });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('answers BAD_USER_INPUT above the maximum page size and GRAPHQL_VALIDATION_FAILED for unknown filters', async () => {
    const tooBig = await page(sim, token, { first: 5_001 });
    expect(tooBig.status).toBe(200);
    expect(tooBig.json).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
      data: { vulnerabilityFindings: null },
    });
    const unknown = await page(sim, token, { first: 1, filterBy: { lastSeenAt: { after: NOW } } });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
  });

  it('answers 429 with RATE_LIMIT_EXCEEDED and retryAfter above the configured rate', async () => {
    sim.setFaults({ requestsPerSecond: 2 });
    try {
      const answers = await Promise.all([1, 2, 3, 4].map(() => page(sim, token, { first: 1 })));
      const limited = answers.filter((a) => a.status === 429);
      expect(limited.length).toBe(2);
      const retryAfter = (limited[0]?.json as { errors: { extensions: { retryAfter: number } }[] }).errors[0]
        ?.extensions.retryAfter;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(1);
    } finally {
      sim.setFaults({ requestsPerSecond: null });
    }
  });
});

describe('Wiz simulator at a million findings', () => {
  it('serves pages and totalCount without holding a million objects', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const big = await startWizSimulator({ seed: 9, findingCount: 1_000_000, vulnerabilityCount: 20_000 });
    try {
      const token = await tokenFor(big);
      const query =
        '{ vulnerabilityFindings(first: 500, filterBy: { status: [OPEN, RESOLVED] }) { nodes { id } pageInfo { hasNextPage } totalCount } }';
      const res = await postJson(big.apiUrl, { query }, { authorization: `Bearer ${token}` });
      const conn = (res.json?.['data'] as { vulnerabilityFindings: { nodes: unknown[]; totalCount: number } })
        .vulnerabilityFindings;
      expect(conn.nodes).toHaveLength(500);
      expect(conn.totalCount).toBeGreaterThan(800_000);
      expect(conn.totalCount).toBeLessThan(1_000_000);
      const last = big.addFindings(1)[0] ?? '';
      expect(big.finding(last)?.status).toBe('OPEN');
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(80 * 1024 * 1024);
    } finally {
      await big.close();
    }
  }, 30_000);
});

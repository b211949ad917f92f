import {
  DEFAULT_DEMO_SIMULATOR_OPTIONS,
  DEMO_TC,
  firstJobVulnerabilities,
  startDemoSimulators,
  type DemoSimulators,
} from './demo-simulators';

describe('demo simulators', () => {
  let sims: DemoSimulators;

  beforeAll(async () => {
    sims = await startDemoSimulators({
      ...DEFAULT_DEMO_SIMULATOR_OPTIONS,
      findings: 1200,
      vulnerabilities: 40,
      churnSeconds: 0,
    });
  });
  afterAll(() => sims?.close());

  it('listens on loopback only, the ThreatConnect URL ending in /api', () => {
    expect(new URL(sims.wiz.url).hostname).toBe('127.0.0.1');
    expect(sims.tc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
  });

  it('seeds a Threat, a Report and a Host tagged with distinct vulnerabilities of the first job', () => {
    const firstJob = new Set(firstJobVulnerabilities(sims.wiz, DEFAULT_DEMO_SIMULATOR_OPTIONS.backfillDays));
    expect(sims.seeded.map((s) => s.type)).toEqual(['Threat', 'Report', 'Host']);
    expect(new Set(sims.seeded.map((s) => s.tag)).size).toBe(3);
    for (const seeded of sims.seeded) expect(firstJob.has(seeded.tag)).toBe(true);

    const state = sims.tc.state();
    const tagged = [
      ...state.groups.map((g) => ({ owner: g.ownerName, name: g.name, tags: g.tags })),
      ...state.indicators.map((i) => ({ owner: i.ownerName, name: i.summary, tags: i.tags })),
    ];
    for (const seeded of sims.seeded) {
      expect(tagged).toContainEqual({
        owner: seeded.owner,
        name: seeded.name,
        tags: expect.arrayContaining([seeded.tag]),
      });
    }
    expect(state.owners.map((o) => o.name)).toEqual(
      expect.arrayContaining([DEMO_TC.organization, DEMO_TC.source, DEMO_TC.community]),
    );
  });

  it('puts about half of the findings in the first job window (30 of 60 days)', () => {
    const end = sims.wiz.now();
    const start = new Date(Date.parse(end) - 30 * 86_400_000).toISOString();
    const inWindow = sims.wiz.expectedIds({
      updatedAfter: start,
      updatedBefore: end,
      exploitFilter: 'none',
    }).length;
    expect(inWindow).toBeGreaterThan(1200 * 0.35);
    expect(inWindow).toBeLessThan(1200 * 0.65);
  });
});

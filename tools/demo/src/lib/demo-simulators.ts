import { ATTRIBUTE_TYPES } from '@wiztc/mapping';
import { normalizeVulnerabilityName } from '@wiztc/mapping';
import { startTcSimulator, type TcSimulator } from '@wiztc/tc-simulator';
import { startWizSimulator, type WizSimulator } from '@wiztc/wiz-simulator';

/** The ThreatConnect side of the demo: one Organization with its Source, a community, an analyst. */
export const DEMO_TC = {
  organization: 'Demo Organization',
  source: 'Wiz Cloud Security Threat Intelligence - Demo Organization',
  community: 'Demo Intel Community',
  analyst: 'analyst@demo.example',
  accessId: 'wiztc-demo-access-id',
  secretKey: 'wiztc-demo-secret-key',
} as const;

/** The Wiz side: a simulated service account (not a real credential). */
export const DEMO_WIZ = {
  clientId: 'wiztc-demo-client',
  clientSecret: 'wiztc-demo-client-secret',
  dataCenter: 'us17',
} as const;

export interface DemoSimulatorOptions {
  /** 0 = any free port. */
  readonly wizPort: number;
  readonly tcPort: number;
  /** Findings spread over the past 60 days (the first job collects the past 30: about half). */
  readonly findings: number;
  readonly vulnerabilities: number;
  readonly seed: number;
  /** Every this many seconds some findings change and a few appear (0 = frozen). */
  readonly churnSeconds: number;
  /** Days the first job looks back (to pick vulnerabilities that the first job will see for the tags). */
  readonly backfillDays: number;
}

export const DEFAULT_DEMO_SIMULATOR_OPTIONS: DemoSimulatorOptions = {
  wizPort: 0,
  tcPort: 0,
  findings: 6000,
  vulnerabilities: 200,
  seed: 7,
  churnSeconds: 300,
  backfillDays: 30,
};

/** A Group or Indicator seeded in ThreatConnect with a vulnerability id as its tag (what correlation finds). */
export interface SeededTagged {
  readonly owner: string;
  readonly kind: 'group' | 'indicator';
  readonly type: string;
  readonly name: string;
  readonly tag: string;
}

export interface DemoSimulators {
  readonly wiz: WizSimulator;
  readonly tc: TcSimulator;
  readonly seeded: readonly SeededTagged[];
  close(): Promise<void>;
}

/** Starts both simulators on 127.0.0.1 with the demo data set and seeds tagged objects for the correlation. */
export async function startDemoSimulators(
  options: DemoSimulatorOptions = DEFAULT_DEMO_SIMULATOR_OPTIONS,
): Promise<DemoSimulators> {
  const wiz = await startWizSimulator({
    port: options.wizPort,
    host: '127.0.0.1',
    seed: options.seed,
    findingCount: options.findings,
    vulnerabilityCount: options.vulnerabilities,
    clientId: DEMO_WIZ.clientId,
    clientSecret: DEMO_WIZ.clientSecret,
    dataCenter: DEMO_WIZ.dataCenter,
    realtime: true,
    faults: { requestsPerSecond: null },
  });
  let tc: TcSimulator;
  try {
    tc = await startTcSimulator({
      port: options.tcPort,
      host: '127.0.0.1',
      accessId: DEMO_TC.accessId,
      secretKey: DEMO_TC.secretKey,
      organization: DEMO_TC.organization,
      sources: [DEMO_TC.source],
      communities: [DEMO_TC.community],
      users: [DEMO_TC.analyst],
      // An instance set up per docs/attribute-types.md: wiztc's types with their sizes.
      attributeTypes: ATTRIBUTE_TYPES.map((t) => ({ name: t.name, maxSize: t.maxSize })),
      batch: { processingDelayMs: 50 },
    });
  } catch (error) {
    await wiz.close();
    throw error;
  }
  const seeded = seedTaggedObjects(wiz, tc, options.backfillDays);
  const churn =
    options.churnSeconds > 0
      ? setInterval(() => {
          wiz.mutate(Math.max(1, Math.floor(options.findings / 200)));
          wiz.addFindings(Math.max(1, Math.floor(options.findings / 1000)));
        }, options.churnSeconds * 1000)
      : undefined;
  churn?.unref();
  return {
    wiz,
    tc,
    seeded,
    close: async () => {
      if (churn) clearInterval(churn);
      await Promise.allSettled([wiz.close(), tc.close()]);
    },
  };
}

/** Vulnerability ids the first job will download, most findings first (so the matches are the prominent ones). */
export function firstJobVulnerabilities(wiz: WizSimulator, backfillDays: number): string[] {
  const end = wiz.now();
  const start = new Date(Date.parse(end) - backfillDays * 86_400_000).toISOString();
  const counts = new Map<string, number>();
  for (const id of wiz.expectedIds({ updatedAfter: start, updatedBefore: end, exploitFilter: 'none' })) {
    const name = normalizeVulnerabilityName(wiz.finding(id)?.name);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

function seedTaggedObjects(wiz: WizSimulator, tc: TcSimulator, backfillDays: number): SeededTagged[] {
  const names = firstJobVulnerabilities(wiz, backfillDays);
  const plan: Array<Omit<SeededTagged, 'tag'>> = [
    { owner: DEMO_TC.organization, kind: 'group', type: 'Threat', name: 'Threat tracked by the SOC' },
    {
      owner: DEMO_TC.community,
      kind: 'group',
      type: 'Report',
      name: 'Community report on exploited software',
    },
    { owner: DEMO_TC.community, kind: 'indicator', type: 'Host', name: 'exploit-kit.demo.example' },
  ];
  const seeded: SeededTagged[] = [];
  plan.forEach((item, index) => {
    const tag = names[index * 2];
    if (!tag) return;
    if (item.kind === 'group')
      tc.seedGroup(item.owner, { type: item.type, name: item.name, tags: [tag, 'demo'] });
    else tc.seedIndicator(item.owner, { type: item.type, summary: item.name, tags: [tag, 'demo'] });
    seeded.push({ ...item, tag });
  });
  return seeded;
}

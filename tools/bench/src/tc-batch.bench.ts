// Uploads 50,000 Vulnerability groups through the ThreatConnect client's batch path to the simulator
// and prints groups/s, batch jobs and HTTP calls. `npx nx run bench:tc` (BENCH_TC_GROUPS overrides the count).
import { createTcClient, type TcBatchGroup } from '@wiztc/tc-client';
import { startTcSimulator } from '@wiztc/tc-simulator';

const GROUPS = Number(process.env['BENCH_TC_GROUPS'] ?? 50_000);
const creds = { accessId: 'bench-access-id', secretKey: 'bench-secret-key' };

function group(i: number): TcBatchGroup {
  const cve = `CVE-${2000 + (i % 25)}-${100_000 + i}`;
  const attr = (type: string, value: string) => ({ type, value, source: 'Wiz' });
  return {
    type: 'Vulnerability',
    name: cve,
    xid: `wiztc:bench:${cve}`,
    externalDateAdded: '2025-01-02T00:00:00Z',
    externalLastModified: '2025-01-03T00:00:00Z',
    attribute: [
      {
        type: 'Description',
        value: `Synthetic description of ${cve}. `.repeat(4),
        displayed: true,
        source: 'Wiz',
      },
      attr('Severity', 'HIGH'),
      attr('NVD Severity', 'CRITICAL'),
      attr('CVSS v3 Impact Score', '5.9'),
      attr('Has Exploit', 'true'),
      attr('Has CISA KEV Exploit', 'false'),
      attr('Status', 'OPEN'),
      attr('EPSS Probability', '0.0123'),
      attr('EPSS Percentile', '77.1'),
      attr('Detection Method', 'PACKAGE'),
      attr('CVSS v3 Attack Vector', 'NETWORK'),
      attr('CNA Score', '7.5'),
    ],
    tag: [{ name: cve }, { name: `Vulnerability: ${cve}` }],
  };
}

async function main(): Promise<void> {
  const sim = await startTcSimulator({
    ...creds,
    organization: 'Bench Org',
    sources: ['Wiz Source'],
    batch: { processingDelayMs: 50 },
  });
  try {
    const client = createTcClient({ baseUrl: sim.url, auth: creds });
    const data = { group: Array.from({ length: GROUPS }, (_, i) => group(i)) };
    const started = performance.now();
    const res = await client.submitBatch({
      owner: 'Wiz Source',
      data,
      pollIntervalMs: 100,
      maxPollIntervalMs: 1_000,
    });
    const seconds = (performance.now() - started) / 1000;
    const stored = sim.state().groups.length;
    const bytes = res.jobs.reduce((n, j) => n + j.bytes, 0);
    const rows: [string, string][] = [
      ['groups uploaded', String(GROUPS)],
      ['groups stored in simulator', String(stored)],
      ['batch jobs', String(res.jobs.length)],
      ['HTTP calls (client)', String(res.httpCalls)],
      ['item errors', String(res.errors.length)],
      ['upload size', `${(bytes / 1e6).toFixed(1)} MB`],
      ['elapsed', `${seconds.toFixed(2)} s`],
      ['groups/s', (GROUPS / seconds).toFixed(0)],
    ];
    console.log('\nThreatConnect batch upload (client -> tc-simulator, loopback)');
    for (const [k, v] of rows) console.log(`  ${k.padEnd(28)} ${v}`);
    if (stored !== GROUPS || res.errors.length > 0) process.exitCode = 1;
  } finally {
    await sim.close();
  }
}

void main();

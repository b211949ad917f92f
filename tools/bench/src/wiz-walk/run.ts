// 1. Walks BENCH_WIZ_FINDINGS (default 200,000) findings through the Wiz client with no rate limit and
//    compares findings/s with a plain fetch + JSON.parse of the same pages (same request body).
// 2. With the simulator limited to 3 requests/s (and the client's governor at 3/s), reports the achieved
//    share of the 3 x page size findings/s ceiling.
import { createWizClient, type WizClientOptions } from '@wiztc/wiz-client';
import { fetchSimulatorToken } from '@wiztc/wiz-simulator';
import { startSimulatorProcess, type SimulatorProcess } from './simulator-process';

const FINDINGS = Number(process.env['BENCH_WIZ_FINDINGS'] ?? 200_000);
const PAGE = Number(process.env['BENCH_WIZ_PAGE_SIZE'] ?? 500);
const RATE_PAGES = Number(process.env['BENCH_WIZ_RATE_PAGES'] ?? 24);

function options(sim: SimulatorProcess, extra: Partial<WizClientOptions>): WizClientOptions {
  return {
    environment: 'app.wiz.io',
    dataCenter: 'us17',
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    endpoints: { authUrl: sim.authUrl, apiUrl: sim.apiUrl },
    ...extra,
  };
}

async function clientWalk(
  sim: SimulatorProcess,
  recordBody: (body: string) => void,
): Promise<{ count: number; seconds: number }> {
  const recordingFetch: typeof fetch = (input, init) => {
    if (typeof init?.body === 'string' && String(input).endsWith('/graphql')) recordBody(init.body);
    return fetch(input, init);
  };
  const client = createWizClient(options(sim, { requestsPerSecond: null, fetch: recordingFetch }));
  const started = performance.now();
  let count = 0;
  for await (const page of client.vulnerabilityFindings({ pageSize: PAGE })) count += page.nodes.length;
  return { count, seconds: (performance.now() - started) / 1000 };
}

async function plainWalk(
  sim: SimulatorProcess,
  firstBody: string,
): Promise<{ count: number; seconds: number }> {
  const token = await fetchSimulatorToken(sim);
  const request = JSON.parse(firstBody) as { variables: Record<string, unknown> };
  const started = performance.now();
  let count = 0;
  let after: string | null = null;
  for (let first = true; ; first = false) {
    const body = JSON.stringify({
      ...request,
      variables: { ...request.variables, after, includeTotalCount: first },
    });
    const response = await fetch(sim.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const json = JSON.parse(await response.text()) as {
      data: {
        vulnerabilityFindings: {
          nodes: unknown[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const page = json.data.vulnerabilityFindings;
    count += page.nodes.length;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { count, seconds: (performance.now() - started) / 1000 };
}

async function rateLimitedWalk(): Promise<{ count: number; seconds: number; ceiling: number }> {
  const sim = await startSimulatorProcess([
    '--findings',
    String(PAGE * (RATE_PAGES + 2)),
    '--rps',
    '3',
    '--seed',
    '5',
  ]);
  try {
    const client = createWizClient(options(sim, { requestsPerSecond: 3 }));
    let count = 0;
    let pages = 0;
    let started = 0;
    for await (const page of client.vulnerabilityFindings({ pageSize: PAGE, includeTotalCount: false })) {
      // The clock starts after the first page (token fetch and warm-up excluded).
      if (pages === 0) started = performance.now();
      else count += page.nodes.length;
      if (++pages > RATE_PAGES) break;
    }
    return { count, seconds: (performance.now() - started) / 1000, ceiling: 3 * PAGE };
  } finally {
    await sim.stop();
  }
}

export async function runWizWalkBench(): Promise<void> {
  const sim = await startSimulatorProcess(['--findings', String(FINDINGS), '--seed', '3']);
  let body = '';
  try {
    // Warm-up: both paths once over a short walk are not needed for correctness, only for JIT; skip it
    // and instead run plain, client, plain, client and keep the best of each.
    const runs: { client: number; plain: number; count: number }[] = [];
    for (let round = 0; round < 2; round++) {
      const c = await clientWalk(sim, (b) => {
        body ||= b;
      });
      const p = await plainWalk(sim, body);
      if (c.count !== p.count) throw new Error(`client walked ${c.count}, plain fetch ${p.count}`);
      runs.push({ client: c.count / c.seconds, plain: p.count / p.seconds, count: c.count });
    }
    const client = Math.max(...runs.map((r) => r.client));
    const plain = Math.max(...runs.map((r) => r.plain));
    const rate = await rateLimitedWalk();
    const achieved = rate.count / rate.seconds;
    const rows: [string, string][] = [
      ['findings walked (per run)', String(runs[0]?.count ?? 0)],
      ['page size', String(PAGE)],
      ['client findings/s (best of 2)', client.toFixed(0)],
      ['plain fetch + JSON.parse findings/s (best of 2)', plain.toFixed(0)],
      ['client / plain ratio', (client / plain).toFixed(3)],
      [
        'rate-limited: simulator 3 req/s, client governor 3 req/s',
        `${rate.count} findings in ${rate.seconds.toFixed(2)} s`,
      ],
      [
        'rate-limited findings/s',
        `${achieved.toFixed(0)} of ${rate.ceiling} (${((100 * achieved) / rate.ceiling).toFixed(1)} %)`,
      ],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log('\nWiz walk benchmark');
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  } finally {
    await sim.stop();
  }
}

// Runnable Wiz simulator for the demo and the benchmark:
//   node -r @swc-node/register tools/wiz-simulator/src/main.ts --port 8181 --seed 7 --findings 20000
// Every flag also reads from the environment (WIZ_SIM_PORT, WIZ_SIM_SEED, WIZ_SIM_FINDINGS,
// WIZ_SIM_VULNERABILITIES, WIZ_SIM_RPS, WIZ_SIM_CHURN_SECONDS, WIZ_SIM_CLIENT_ID, WIZ_SIM_CLIENT_SECRET).
// Prints one JSON line with the URLs and credentials, then serves until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startWizSimulator } from './lib/server';

function num(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`Not a number: ${value}`);
  return n;
}

async function main(): Promise<void> {
  const env = process.env;
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      findings: { type: 'string' },
      vulnerabilities: { type: 'string' },
      rps: { type: 'string' },
      'churn-seconds': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
    },
  });
  const rps = values.rps ?? env['WIZ_SIM_RPS'];
  const findingCount = num(values.findings ?? env['WIZ_SIM_FINDINGS'], 20_000);
  const sim = await startWizSimulator({
    port: num(values.port ?? env['WIZ_SIM_PORT'], 8181),
    host: values.host ?? env['WIZ_SIM_HOST'] ?? '127.0.0.1',
    seed: num(values.seed ?? env['WIZ_SIM_SEED'], 1),
    findingCount,
    vulnerabilityCount: num(
      values.vulnerabilities ?? env['WIZ_SIM_VULNERABILITIES'],
      Math.max(10, Math.ceil(findingCount / 40)),
    ),
    clientId: values['client-id'] ?? env['WIZ_SIM_CLIENT_ID'],
    clientSecret: values['client-secret'] ?? env['WIZ_SIM_CLIENT_SECRET'],
    realtime: true,
    faults: { requestsPerSecond: rps ? num(rps, 3) : null },
  });
  // Time moves in the demo: every churn interval some findings change and a few new ones appear.
  const churnSeconds = num(values['churn-seconds'] ?? env['WIZ_SIM_CHURN_SECONDS'], 60);
  const churn =
    churnSeconds > 0
      ? setInterval(() => {
          sim.mutate(Math.max(1, Math.floor(findingCount / 1000)));
          sim.addFindings(Math.max(1, Math.floor(findingCount / 5000)));
        }, churnSeconds * 1000)
      : undefined;
  process.stdout.write(
    `${JSON.stringify({ url: sim.url, authUrl: sim.authUrl, apiUrl: sim.apiUrl, clientId: sim.clientId, clientSecret: sim.clientSecret })}\n`,
  );
  const stop = (): void => {
    if (churn) clearInterval(churn);
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

// Runnable ThreatConnect simulator for the demo:
//   node -r @swc-node/register tools/tc-simulator/src/main.ts [--port 8444] [--access-id ID] [--secret-key KEY]
//     [--organization NAME] [--source NAME]... [--user NAME]... [--token T]...
// Environment fallbacks: TC_SIM_PORT, TC_SIM_ACCESS_ID, TC_SIM_SECRET_KEY, TC_SIM_ORGANIZATION, TC_SIM_SOURCES (comma list).
import { startTcSimulator } from './lib/simulator';

function args(argv: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) continue;
    const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const v = inline ?? argv[++i] ?? '';
    out.set(k, [...(out.get(k) ?? []), v]);
  }
  return out;
}

async function main(): Promise<void> {
  const a = args(process.argv.slice(2));
  const one = (k: string, env: string, dflt: string): string => a.get(k)?.[0] ?? process.env[env] ?? dflt;
  const sources =
    a.get('source') ?? (process.env['TC_SIM_SOURCES'] ?? 'Wiz Cloud Security').split(',').filter(Boolean);
  const sim = await startTcSimulator({
    port: Number(one('port', 'TC_SIM_PORT', '8444')),
    host: one('host', 'TC_SIM_HOST', '127.0.0.1'),
    accessId: one('access-id', 'TC_SIM_ACCESS_ID', 'demo-access-id'),
    secretKey: one('secret-key', 'TC_SIM_SECRET_KEY', 'demo-secret-key'),
    organization: one('organization', 'TC_SIM_ORGANIZATION', 'Demo Organization'),
    sources,
    communities: a.get('community') ?? ['Common Community'],
    users: a.get('user') ?? ['analyst@demo.example'],
    tokens: a.get('token') ?? [],
    batch: { processingDelayMs: Number(one('batch-delay-ms', 'TC_SIM_BATCH_DELAY_MS', '200')) },
  });
  console.log(`tc-simulator listening: ${sim.url} (state: ${sim.url.replace(/\/api$/, '')}/_sim/state)`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

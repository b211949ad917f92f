// A simulator in its own process, driven over the IPC channel by the benchmark (sim-process.ts), so the
// engine process's RSS and CPU are the engine's alone. `sim-child.ts wiz <findings> <vulnerabilities> <seed>`
// or `sim-child.ts tc <organization> <source> <community> <user> <accessId> <secretKey>`.
import { ATTRIBUTE_TYPES } from '@wiztc/mapping';
import { normalizeVulnerabilityName } from '@wiztc/mapping';
import { startTcSimulator, type TcSimulator } from '@wiztc/tc-simulator';
import { startWizSimulator, type WizSimulator } from '@wiztc/wiz-simulator';
import { callKind } from './call-kind';
import type { SimReply, SimRequest } from './sim-protocol';

/** Simulated "now" of the Wiz simulator: findings' updatedAt are spread over the 60 days before it. */
export const WIZ_NOW = '2026-12-01T00:00:00.000Z';

type Handler = (request: SimRequest) => unknown;

async function startWiz(
  args: string[],
): Promise<{ handle: Handler; close: () => Promise<void>; info: unknown }> {
  const [findings, vulnerabilities, seed] = args.map(Number) as [number, number, number];
  const sim: WizSimulator = await startWizSimulator({
    seed,
    findingCount: findings,
    vulnerabilityCount: vulnerabilities,
    now: WIZ_NOW,
    clientId: 'wiz-bench-client',
    clientSecret: 'wiz-bench-secret',
  });
  const handle: Handler = (request) => {
    if (request.op === 'stats') return sim.stats();
    if (request.op === 'expected') {
      const ids = sim.expectedIds({
        updatedAfter: request.start,
        updatedBefore: request.end,
        exploitFilter: 'none',
      });
      const names = new Set<string>();
      for (const id of ids) {
        const name = normalizeVulnerabilityName(sim.finding(id)?.name);
        if (name) names.add(name);
      }
      return { findings: ids.length, vulnerabilities: [...names].sort() };
    }
    throw new Error(`Unknown request ${request.op} for the Wiz simulator`);
  };
  const info = {
    authUrl: sim.authUrl,
    apiUrl: sim.apiUrl,
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    now: sim.now(),
  };
  return { handle, close: () => sim.close(), info };
}

async function startTc(
  args: string[],
): Promise<{ handle: Handler; close: () => Promise<void>; info: unknown }> {
  const [organization, source, community, user, accessId, secretKey] = args as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const sim: TcSimulator = await startTcSimulator({
    accessId,
    secretKey,
    organization,
    sources: [source],
    communities: [community],
    users: [user],
    // An instance set up per docs/attribute-types.md: wiztc's types with their sizes.
    attributeTypes: ATTRIBUTE_TYPES.map((t) => ({ name: t.name, maxSize: t.maxSize })),
    batch: { processingDelayMs: 0 },
  });
  const handle: Handler = (request) => {
    if (request.op === 'calls') {
      const byKind: Record<string, number> = {};
      const byRoute: Record<string, number> = {};
      for (const call of sim.calls()) {
        const kind = callKind(call);
        byKind[kind.kind] = (byKind[kind.kind] ?? 0) + 1;
        byRoute[kind.route] = (byRoute[kind.route] ?? 0) + 1;
      }
      return { byKind, byRoute };
    }
    if (request.op === 'seed') {
      for (const g of request.groups) sim.seedGroup(g.owner, g);
      for (const i of request.indicators) sim.seedIndicator(i.owner, i);
      return null;
    }
    throw new Error(`Unknown request ${request.op} for the ThreatConnect simulator`);
  };
  return { handle, close: () => sim.close(), info: { url: sim.url } };
}

async function main(): Promise<void> {
  const [kind, ...args] = process.argv.slice(2);
  const sim = kind === 'wiz' ? await startWiz(args) : kind === 'tc' ? await startTc(args) : null;
  if (!sim) throw new Error(`Unknown simulator ${String(kind)}`);
  const send = (reply: SimReply): void => {
    process.send?.(reply);
  };
  process.on('message', (message: SimRequest & { id: number }) => {
    try {
      const result =
        message.op === 'rss'
          ? process.memoryUsage().rss
          : message.op === 'info'
            ? sim.info
            : sim.handle(message);
      send({ id: message.id, result });
    } catch (error) {
      send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  process.on('disconnect', () => {
    void sim.close().then(() => process.exit(0));
  });
  send({ id: 0, result: 'ready' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

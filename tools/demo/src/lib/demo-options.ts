import * as net from 'node:net';
import * as path from 'node:path';

/** Everything the launcher needs, read from the environment (every variable optional). */
export interface DemoOptions {
  /** WIZTC_DATA_DIR (default ./.wiztc-data): embedded Postgres, job files, demo.json. */
  readonly dataDir: string;
  /** PORT (default 3000; 0 = a free port chosen here). */
  readonly port: number;
  /** WIZTC_HOST (default 127.0.0.1 for the demo: the simulators are on loopback too). */
  readonly host: string;
  /** WIZTC_DEMO_WIZ_PORT / WIZTC_DEMO_TC_PORT (default 0 = any free port). */
  readonly wizPort: number;
  readonly tcPort: number;
  /** WIZTC_DEMO_FINDINGS (default 6000, over 60 days: about 3,000 in the first job's 30 days). */
  readonly findings: number;
  /** WIZTC_DEMO_VULNERABILITIES (default 200). */
  readonly vulnerabilities: number;
}

function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

/** Reads the demo's options; throws one error listing every invalid variable. */
export function readDemoOptions(env: NodeJS.ProcessEnv, cwd: string): DemoOptions {
  const problems: string[] = [];
  const options: DemoOptions = {
    dataDir: path.resolve(cwd, env['WIZTC_DATA_DIR']?.trim() || '.wiztc-data'),
    port: int(env, 'PORT', 3000, 0, 65535, problems),
    host: env['WIZTC_HOST']?.trim() || '127.0.0.1',
    wizPort: int(env, 'WIZTC_DEMO_WIZ_PORT', 0, 0, 65535, problems),
    tcPort: int(env, 'WIZTC_DEMO_TC_PORT', 0, 0, 65535, problems),
    findings: int(env, 'WIZTC_DEMO_FINDINGS', 6000, 1, 2_000_000, problems),
    vulnerabilities: int(env, 'WIZTC_DEMO_VULNERABILITIES', 200, 1, 100_000, problems),
  };
  if (problems.length > 0) throw new Error(`Invalid demo configuration:\n - ${problems.join('\n - ')}`);
  return options;
}

/** A port that was free on 127.0.0.1 a moment ago. */
/**
 * A port free right now, chosen below the ephemeral range (Linux hands out 32768–60999 for `listen(0)`), so a
 * server that another process starts on port 0 meanwhile cannot take it before the engine binds it.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isFree(port)) return port;
  }
  throw new Error('no free port found between 20000 and 32000');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

const workspace = path.resolve(__dirname, '..', '..', '..');

/** A free port below the ephemeral range (32768–60999), so no concurrent `listen(0)` can take it meanwhile. */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port found between 20000 and 32000');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function select1(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one ?? 0;
  } finally {
    await client.end();
  }
}

describe('embedded Postgres', () => {
  let dataDir: string;
  const children: ChildProcess[] = [];
  const stops: Array<() => Promise<void>> = [];

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiztc-embedded-'));
  });
  afterEach(async () => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const stop of stops.splice(0)) await stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots the engine when DATABASE_URL is absent, serves readiness, and stops its Postgres on SIGTERM', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      SWC_NODE_PROJECT: 'apps/engine/tsconfig.json',
      PORT: String(port),
      WIZTC_HOST: '127.0.0.1',
      WIZTC_DATA_DIR: dataDir,
      WIZTC_EMBEDDED_PG_PORT: String(await freePort()),
      WIZTC_SCHEDULER_ENABLED: 'false',
      WIZTC_PREFLIGHT: 'false',
    };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/engine/src/main.ts'], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 25_000;
    while (!output.includes('listening on') && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain('listening on');
    expect(output).toContain('starting the embedded Postgres');
    expect(output).toMatch(/API key \(shown once, store it now\): wtc_/);
    expect(output).toContain('generated a new encryption key');
    expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);

    const ready = await fetch(`http://127.0.0.1:${port}/api/v1/health/ready`);
    expect(ready.status).toBe(200);
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(pid)).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('restarts on its data, recovers from a stale pid file and stops a leftover server', async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    stops.push(first.stop);
    expect(await select1(first.url)).toBe(1);

    // kill -9: the pid file stays behind with a dead pid
    process.kill(first.pid, 'SIGKILL');
    while (isAlive(first.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await startEmbeddedPostgres({ dataDir, port });
    stops.push(second.stop);
    expect(second.url).toBe(first.url);
    expect(await select1(second.url)).toBe(1);

    // a server still running on the directory (as after a kill -9 of Node) is stopped and replaced
    const third = await startEmbeddedPostgres({ dataDir, port });
    stops.push(third.stop);
    expect(isAlive(second.pid)).toBe(false);
    expect(await select1(third.url)).toBe(1);
    await third.stop();
    expect(isAlive(third.pid)).toBe(false);
  });
});

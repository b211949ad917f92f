import type { JobDetails, JobSummary, Page, TenantList } from '@wiztc/contracts';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './lib/demo-options';
import { DEMO_TC } from './lib/demo-simulators';
import { DEMO_STATE_FILE } from './lib/demo-state';
import { descendantsOf, isGone, waitFor } from './testing/processes';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** `npm start` as a newcomer runs it: no DATABASE_URL, only a data directory and ports of our choosing. */
function npmStart(env: NodeJS.ProcessEnv): Started {
  const { DATABASE_URL: _omitted, ...inherited } = process.env;
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return { child, output: () => output };
}

async function api<T>(url: string, key: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('npm start (the zero-setup demo)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let apiBase: string;
  const started: Started[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiztc-demo-'));
    const port = await freePort();
    env = { WIZTC_DATA_DIR: dataDir, PORT: String(port), WIZTC_EMBEDDED_PG_PORT: String(await freePort()) };
    apiBase = `http://127.0.0.1:${port}/api/v1`;
  });

  afterAll(async () => {
    for (const s of started) {
      if (s.child.exitCode === null && s.child.signalCode === null) {
        const left = s.child.pid ? descendantsOf(s.child.pid) : [];
        s.child.kill('SIGKILL');
        for (const pid of left) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts the demo and waits for its banner; returns the admin key and the tenant it reports. */
  async function startDemo(): Promise<{ s: Started; adminKey: string; tenantId: string }> {
    const s = npmStart(env);
    started.push(s);
    await waitFor(
      () => /={10,} wiztc demo ={10,}/.test(s.output()) || s.child.exitCode !== null,
      120_000,
      () => s.output(),
    );
    // On failure, show what the demo printed before it stopped.
    expect({ exitCode: s.child.exitCode, output: s.child.exitCode === null ? '' : s.output() }).toEqual({
      exitCode: null,
      output: '',
    });
    const state = JSON.parse(fs.readFileSync(path.join(dataDir, DEMO_STATE_FILE), 'utf8')) as {
      adminKey: string;
    };
    const tenants = await api<TenantList>(`${apiBase}/tenants`, state.adminKey);
    const tenant = tenants.items.find((t) => t.sourceName === DEMO_TC.source);
    expect(tenant).toBeDefined();
    // The banner tells where to look and how to authenticate.
    expect(s.output()).toContain(`Engine API     ${apiBase}`);
    expect(s.output()).toContain(`${apiBase}/openapi.json`);
    expect(s.output()).toContain(`Admin API key  ${state.adminKey}`);
    expect(s.output()).toContain(`${apiBase}/tenants/${tenant?.id}/jobs`);
    return { s, adminKey: state.adminKey, tenantId: tenant?.id ?? '' };
  }

  /** SIGTERM to npm, then every process it started (launcher, engine, embedded Postgres) must be gone. */
  async function stopDemo(s: Started): Promise<void> {
    const pid = s.child.pid as number;
    const tree = descendantsOf(pid);
    const postgres = Number(
      fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    expect(tree).toContain(postgres);
    expect(tree.length).toBeGreaterThanOrEqual(3); // launcher, engine, postgres (and its workers)
    s.child.kill('SIGTERM');
    await waitFor(
      () => s.child.exitCode !== null || s.child.signalCode !== null,
      40_000,
      () => `npm start did not exit:\n${s.output().slice(-2000)}`,
    );
    await waitFor(
      () => [pid, ...tree].every(isGone),
      10_000,
      () => `still running: ${[pid, ...tree].filter((p) => !isGone(p)).join(', ')}`,
    );
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // Postgres shut down cleanly
    expect(s.output()).toContain('SIGTERM: stopping the engine and the simulators');
  }

  it('runs a first job to completion, shows it through the API, and stops every process on SIGTERM', async () => {
    const { s, adminKey, tenantId } = await startDemo();
    expect(s.output()).toContain(`created the demo tenant ${tenantId}`);
    const jobs = `${apiBase}/tenants/${tenantId}/jobs`;

    let completed: JobSummary | undefined;
    await waitFor(
      async () => {
        const page = await api<Page<JobSummary>>(`${jobs}?status=completed,failed`, adminKey);
        completed = page.items[0];
        return completed !== undefined;
      },
      90_000,
      () => s.output().slice(-3000),
    );
    expect(completed?.status).toBe('completed');
    const details = await api<JobDetails>(`${jobs}/${completed?.id}`, adminKey);
    expect(details.type).toBe('initial');
    expect(details.counts.downloadedFindings).toBeGreaterThan(1000);
    expect(details.counts.casesCreated).toBeGreaterThan(0);
    expect(details.counts.casesCreated).toBe(details.counts.vulnerabilities);
    expect(details.counts.associations).toBeGreaterThan(0); // the seeded tagged objects were correlated
    await waitFor(
      () => s.output().includes(`job #${details.number} completed`),
      10_000,
      () => s.output().slice(-2000),
    );

    await stopDemo(s);
  });

  it('restarts on the same data directory with the same admin key and the same demo tenant', async () => {
    const before = JSON.parse(fs.readFileSync(path.join(dataDir, DEMO_STATE_FILE), 'utf8')) as {
      adminKey: string;
    };
    const { s, adminKey, tenantId } = await startDemo();
    expect(adminKey).toBe(before.adminKey);
    expect(s.output()).toContain(`found the demo tenant ${tenantId}`);
    const page = await api<Page<JobSummary>>(
      `${apiBase}/tenants/${tenantId}/jobs?status=completed`,
      adminKey,
    );
    expect(page.total).toBeGreaterThanOrEqual(1); // the first run's job is still there
    await stopDemo(s);
  });
});

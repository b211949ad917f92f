import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';

export interface EngineProcessOptions {
  /** Repository root (where apps/engine lives). */
  readonly repoRoot: string;
  /** The engine's whole environment (ordinary configuration: PORT, WIZTC_*, optionally DATABASE_URL). */
  readonly env: NodeJS.ProcessEnv;
  /** Each output line of the engine (default: prefixed on this process's stdout). */
  readonly onLine?: (line: string) => void;
}

export interface EngineProcess {
  readonly pid: number;
  /** Resolves with the exit code (or 128 + signal number) when the engine has exited. */
  readonly exited: Promise<number>;
  alive(): boolean;
  /** SIGTERM (the engine closes the API, then its embedded Postgres); SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<number>;
  /** Immediate SIGKILL (second Ctrl-C). */
  kill(): void;
}

/** Starts `node -r @swc-node/register apps/engine/src/main.ts` exactly as an operator would. */
export function startEngineProcess(options: EngineProcessOptions): EngineProcess {
  const onLine = options.onLine ?? ((line: string) => process.stdout.write(`[engine] ${line}\n`));
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join('apps', 'engine', 'src', 'main.ts')],
    {
      cwd: options.repoRoot,
      env: {
        SWC_NODE_PROJECT: path.join(options.repoRoot, 'apps', 'engine', 'tsconfig.json'),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a terminal's Ctrl-C reaches the launcher only, which stops the engine in order
      // (API first, then the embedded Postgres) instead of every process at once.
      detached: true,
    },
  );
  if (child.pid === undefined) throw new Error('could not start the engine process');
  const pid = child.pid;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) readline.createInterface({ input: stream }).on('line', onLine);
  }
  let running = true;
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
    child.once('error', () => {
      running = false;
      resolve(1);
    });
  });
  return {
    pid,
    exited,
    alive: () => running,
    stop: async (graceMs = 30_000) => {
      if (!running) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    kill: () => {
      if (running) child.kill('SIGKILL');
    },
  };
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 0;
}

// Starts the Wiz simulator in its own process (so its CPU does not share the client's event loop) and
// reads the JSON line it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface SimulatorProcess {
  url: string;
  authUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export async function startSimulatorProcess(args: string[]): Promise<SimulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'tools/wiz-simulator/src/main.ts',
      '--port',
      '0',
      '--churn-seconds',
      '0',
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' } },
  );
  if (!child.stdout) throw new Error('simulator has no stdout');
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited with ${String(code)}`)));
  });
  const info = JSON.parse(first) as Omit<SimulatorProcess, 'stop'>;
  return {
    ...info,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

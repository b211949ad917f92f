// Forks sim-child.ts and talks to it with numbered request/reply messages.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { SimReply, SimRequest } from './sim-protocol';

export interface SimProcess {
  request<T>(request: SimRequest): Promise<T>;
  stop(): Promise<void>;
}

export async function forkSimulator(args: string[]): Promise<SimProcess> {
  const child: ChildProcess = fork(path.join(__dirname, 'sim-child.ts'), args, {
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, SWC_NODE_PROJECT: process.env['SWC_NODE_PROJECT'] ?? 'tsconfig.base.json' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 1;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator ${args[0] ?? ''} exited with ${String(code)}`)));
    child.on('message', (reply: SimReply) => {
      if (reply.id === 0) return resolve();
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.result);
    });
  });
  return {
    request<T>(request: SimRequest): Promise<T> {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ ...request, id });
      });
    },
    async stop() {
      if (child.exitCode === null) child.disconnect();
      await exited;
    },
  };
}

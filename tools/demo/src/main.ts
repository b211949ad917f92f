// `npm start`: the zero-setup demo. Starts the Wiz and ThreatConnect simulators on loopback, then the engine as
// a child process with ordinary configuration (embedded Postgres unless DATABASE_URL is set), creates the demo
// tenant through the REST API, prints where to look, and runs until Ctrl-C / SIGTERM.
import * as path from 'node:path';
import { readDemoOptions } from './lib/demo-options';
import type { EngineProcess } from './lib/engine-process';
import { runDemo, type RunningDemo } from './lib/launcher';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const options = readDemoOptions(process.env, process.cwd());
  // Filled in as start-up proceeds, so a signal at any moment stops what exists.
  const current: { demo?: RunningDemo; engine?: EngineProcess } = {};
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      console.log(`[demo] ${signal} again: killing the engine now`);
      current.engine?.kill();
      process.exit(130);
    }
    console.log(`[demo] ${signal}: stopping the engine and the simulators (Ctrl-C again to force)`);
    const stopping = current.demo
      ? current.demo.stop()
      : (current.engine?.stop().then(() => undefined) ?? Promise.resolve());
    void stopping.then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A wrapper that dies without passing the signal on (a shell, a supervisor) must not leave the demo running.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && signals === 0) onSignal('SIGHUP');
  }, 1000).unref();
  // Last resort (an exception, process.exit elsewhere): never leave the engine running without its launcher.
  process.on('exit', () => current.engine?.kill());

  const demo = await runDemo({
    ...options,
    repoRoot: REPO_ROOT,
    env: process.env,
    onEngineStarted: (started) => (current.engine = started),
  });
  current.demo = demo;
  const code = await demo.engine.exited;
  if (signals === 0) {
    console.error(`[demo] the engine exited unexpectedly (code ${code}); stopping the simulators`);
    await demo.simulators.close();
    process.exit(code === 0 ? 1 : code);
  }
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// Wiz walk benchmark: `npx nx run bench:wiz`. A benchmark, not a test. It runs itself again with
// SWC_NODE_PROJECT set when needed, so the @wiztc/* path aliases resolve from the workspace root.
import { spawnSync } from 'node:child_process';

if (process.env['SWC_NODE_PROJECT']) {
  void import('./wiz-walk/run').then((m) => m.runWizWalkBench());
} else {
  const result = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
  });
  process.exit(result.status ?? 1);
}

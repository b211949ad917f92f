// `npm run wiztc -- <command>`: developer tools for wiztc. Resolve @wiztc/* first (the script runs
// under @swc-node/register without a root tsconfig), then load the program.
import { registerWorkspacePaths } from './lib/register-paths';

registerWorkspacePaths();
const { runCli } = require('./lib/program') as typeof import('./lib/program');

runCli(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wiztc: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

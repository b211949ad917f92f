// End-to-end job benchmark: `npx nx run bench:pipeline -- --findings 100000`. A benchmark, never a test.
// Runs a whole engine job on a throw-away Postgres database against the Wiz and ThreatConnect simulators (each in
// its own process) and prints per-stage wall time, findings/s, peak RSS and the API calls of a first run and an
// idempotent rerun, plus a download-only memory check. Exit 2 when no Postgres is reachable.
import { spawnSync } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number above 0');
  return n;
}

async function main(): Promise<number> {
  const program = new Command('bench:pipeline')
    .description('a whole wiztc job end to end against the simulators')
    .option('--findings <n>', 'findings in the Wiz simulator', count, 100_000)
    .option('--vulnerabilities <n>', 'vulnerabilities they spread over (default findings / 20)', count)
    .option('--memory-findings <n>', 'smaller download for the memory check (default findings / 5)', count)
    .option('--no-memory-check', 'skip the download-only memory check')
    .option('--seed <n>', 'Wiz simulator seed', count, 11)
    .parse(process.argv);
  const o = program.opts<{
    findings: number;
    vulnerabilities?: number;
    memoryFindings?: number;
    memoryCheck: boolean;
    seed: number;
  }>();
  const { runPipelineBench } = await import('./pipeline/run');
  const { NoPostgresError } = await import('./pipeline/database');
  try {
    return await runPipelineBench({
      findings: o.findings,
      vulnerabilities: o.vulnerabilities ?? Math.max(10, Math.round(o.findings / 20)),
      memoryFindings: o.memoryFindings ?? Math.max(1, Math.round(o.findings / 5)),
      memoryCheck: o.memoryCheck,
      seed: o.seed,
    });
  } catch (error) {
    if (error instanceof NoPostgresError) {
      console.error(`No database for the benchmark: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (process.env['SWC_NODE_PROJECT']) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
} else {
  // Run directly (not through nx): again with SWC_NODE_PROJECT so the @wiztc/* aliases and decorators resolve.
  const result = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' },
  });
  process.exit(result.status ?? 1);
}

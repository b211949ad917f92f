import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { mapFindings } from './map-findings';
import { readFindings } from './read-findings';

/** Exit codes: 0 ok, 1 unexpected failure or usage error, 2 bad input (some entries not read). */
export const EXIT_BAD_INPUT = 2;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0, 'utf8'),
};

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let code = 0;
  const program = new Command('wiztc')
    .description('wiztc developer tools')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program
    .command('map')
    .description('map Wiz findings (JSON array or NDJSON; "-" for stdin) to ThreatConnect groups and cases')
    .argument('<file>', 'findings file, or - for stdin')
    .option('--source <name>', 'attribute source', 'Wiz')
    .option('--max-source-links <n>', 'Source attributes per case', positiveInt, 50)
    .option('--epss-scale <scale>', 'auto | fraction | percent', 'auto')
    .action((file: string, opts: { source: string; maxSourceLinks: number; epssScale: string }) => {
      if (!['auto', 'fraction', 'percent'].includes(opts.epssScale))
        throw new InvalidArgumentError(`--epss-scale must be auto, fraction or percent`);
      let text: string;
      try {
        text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
      } catch (error) {
        io.stderr(`wiztc map: cannot read ${file}: ${(error as Error).message}\n`);
        code = EXIT_BAD_INPUT;
        return;
      }
      const { findings, errors } = readFindings(text);
      for (const error of errors)
        io.stderr(`wiztc map: ${file === '-' ? 'stdin' : file}: line ${error.line}: ${error.message}\n`);
      const output = mapFindings(findings, {
        source: opts.source,
        maxSourceLinks: opts.maxSourceLinks,
        epssScale: opts.epssScale as 'auto' | 'fraction' | 'percent',
      });
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
      if (errors.length > 0) code = EXIT_BAD_INPUT;
    });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof InvalidArgumentError) {
      io.stderr(`wiztc: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  return code;
}

// The end-to-end job benchmark: `npx nx run bench:pipeline [-- --findings N]`.
// 1. A download-only job over --memory-findings findings (default a fifth).
// 2. One whole job (download → convert → upload → cases → correlate) over --findings findings; its download
//    stage's peak RSS against the one of step 1 is the "memory stays flat" check.
// 3. The same job again (idempotent rerun: no batch and no case calls expected).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  DEFAULT_PIPELINE_SETTINGS,
  DownloadStage,
  JobFilesService,
  type PipelineSettings,
  type PipelineTenant,
} from './engine';
import { createBenchDatabase, type BenchDatabase } from './database';
import { runBenchJob, TC_CREDENTIALS, type BenchContext, type JobFigures } from './job';
import { mb } from './memory';
import { printJob, table } from './report';
import { forkSimulator, type SimProcess } from './sim-process';
import type { WizInfo } from './sim-protocol';

export interface PipelineBenchOptions {
  findings: number;
  vulnerabilities: number;
  memoryFindings: number;
  memoryCheck: boolean;
  seed: number;
}

const ORG = 'Bench Org';
const SOURCE = 'Wiz Cloud Security Threat Intelligence - Bench Org';
const COMMUNITY = 'Bench Community';
const ANALYST = 'analyst@bench.test';
const DAY = 86_400_000;

/** Default pipeline settings, but batch status polled every 100 ms (the simulator answers at once). */
const SETTINGS: PipelineSettings = { ...DEFAULT_PIPELINE_SETTINGS, batchPollIntervalMs: 100 };

function tenant(scan: boolean): PipelineTenant {
  return {
    id: randomUUID(),
    tcOrganization: ORG,
    sourceName: SOURCE,
    exploitFilter: 'none',
    ownersToScan: scan ? [ORG, COMMUNITY] : [],
    groupTypesToScan: ['Threat', 'Report'],
    indicatorTypesToScan: ['Host'],
    assignee: ANALYST,
  };
}

async function wizSimulator(findings: number, vulnerabilities: number, seed: number) {
  const sim = await forkSimulator(['wiz', String(findings), String(vulnerabilities), String(seed)]);
  const info = await sim.request<WizInfo>({ op: 'info' });
  const end = new Date(info.now);
  return { sim, info, window: { start: new Date(end.getTime() - 61 * DAY), end } };
}

/** Tag matches for the correlate stage: Threats in the Organization, Hosts in a Community. */
async function seedMatches(tc: SimProcess, names: string[]): Promise<number> {
  const step = Math.max(1, Math.floor(names.length / 40));
  const picked = names.filter((_, i) => i % step === 0).slice(0, 40);
  await tc.request({
    op: 'seed',
    groups: picked
      .filter((_, i) => i % 2 === 0)
      .map((name, i) => ({
        owner: ORG,
        type: 'Threat',
        name: `Threat ${i} tracked by the SOC`,
        tags: [name],
      })),
    indicators: picked
      .filter((_, i) => i % 2 === 1)
      .map((name, i) => ({ owner: COMMUNITY, type: 'Host', summary: `bad-${i}.bench.test`, tags: [name] })),
  });
  return picked.length;
}

/** The download stage alone over the smaller simulator (the first half of the "memory stays flat" check). */
async function smallDownload(
  base: Omit<BenchContext, 'wiz' | 'wizInfo' | 'window'>,
  o: PipelineBenchOptions,
): Promise<{ findings: number; figures: JobFigures; simRss: number }> {
  const findings = o.memoryFindings;
  const vulnerabilities = Math.max(10, Math.round((o.vulnerabilities * findings) / o.findings));
  const wiz = await wizSimulator(findings, vulnerabilities, o.seed);
  try {
    const ctx = { ...base, wiz: wiz.sim, wizInfo: wiz.info, window: wiz.window };
    const figures = await runBenchJob(ctx, tenant(false), [new DownloadStage()]);
    if (figures.status !== 'completed')
      throw new Error(`download-only job ${figures.status}: ${figures.error}`);
    return { findings, figures, simRss: await wiz.sim.request<number>({ op: 'rss' }) };
  } finally {
    await wiz.sim.stop();
  }
}

function printMemoryCheck(
  small: { findings: number; figures: JobFigures; simRss: number },
  large: { findings: number; figures: JobFigures },
): void {
  const s = small.figures.stages.find((x) => x.stage === 'download');
  const l = large.figures.stages.find((x) => x.stage === 'download');
  if (!s || !l) return;
  table('Memory stays flat: download stage (engine process)', [
    [
      `${small.findings} findings (download-only job)`,
      `${s.seconds.toFixed(2)} s, ${(small.findings / s.seconds).toFixed(0)} findings/s, peak RSS ${mb(s.peakRss)}, heap ${mb(s.peakHeapUsed)}`,
    ],
    [
      `${large.findings} findings (first run)`,
      `${l.seconds.toFixed(2)} s, ${(large.findings / l.seconds).toFixed(0)} findings/s, peak RSS ${mb(l.peakRss)}, heap ${mb(l.peakHeapUsed)}`,
    ],
    [
      'peak RSS ratio',
      `${(l.peakRss / s.peakRss).toFixed(2)} for ${(large.findings / small.findings).toFixed(1)}x the findings`,
    ],
    ['peak heap used ratio', (l.peakHeapUsed / s.peakHeapUsed).toFixed(2)],
    [`Wiz simulator process RSS at ${small.findings} findings`, mb(small.simRss)],
  ]);
}

export async function runPipelineBench(o: PipelineBenchOptions): Promise<number> {
  const filesDir = mkdtempSync(path.join(tmpdir(), 'wiztc-bench-files-'));
  let db: BenchDatabase | undefined;
  const sims: SimProcess[] = [];
  try {
    db = await createBenchDatabase();
    const tc = await forkSimulator([
      'tc',
      ORG,
      SOURCE,
      COMMUNITY,
      ANALYST,
      TC_CREDENTIALS.accessId,
      TC_CREDENTIALS.secretKey,
    ]);
    sims.push(tc);
    const { url: tcUrl } = await tc.request<{ url: string }>({ op: 'info' });
    const base = {
      dataSource: db.dataSource,
      tc,
      tcUrl,
      files: new JobFilesService(filesDir),
      settings: SETTINGS,
    };
    console.log(
      `wiztc pipeline benchmark: ${o.findings} findings over ${o.vulnerabilities} vulnerabilities, exploit filter none, ` +
        `no rate limit; database ${db.name}; simulators in child processes`,
    );
    const small = o.memoryCheck ? await smallDownload(base, o) : null;

    const wiz = await wizSimulator(o.findings, o.vulnerabilities, o.seed);
    sims.push(wiz.sim);
    const expected = await wiz.sim.request<{ findings: number; vulnerabilities: string[] }>({
      op: 'expected',
      start: wiz.window.start.toISOString(),
      end: wiz.window.end.toISOString(),
    });
    const seeded = await seedMatches(tc, expected.vulnerabilities);
    const ctx: BenchContext = { ...base, wiz: wiz.sim, wizInfo: wiz.info, window: wiz.window };
    const t = tenant(true);
    const first = await runBenchJob(ctx, t);
    printJob(
      `First run (${expected.findings} findings in the window, ${expected.vulnerabilities.length} vulnerabilities, ${seeded} seeded tag matches)`,
      first,
      expected.findings,
    );
    if (small) printMemoryCheck(small, { findings: expected.findings, figures: first });
    const rerun = await runBenchJob(ctx, t);
    printJob('Idempotent rerun (same tenant, same window)', rerun, expected.findings);

    // Counted from the engine's stage counts and the simulator's call log: the simulator's full state()
    // snapshot costs about a minute at 5,000 groups and cases (associations are scanned per object).
    const countOf = (f: JobFigures, stage: string, key: string) =>
      f.stages.find((x) => x.stage === stage)?.counts[key] ?? 0;
    const groups = countOf(first, 'upload', 'groupsSucceeded');
    const cases = first.tcByRoute['POST /v3/cases'] ?? 0;
    const writes = (rerun.tcByKind['batch'] ?? 0) + (rerun.tcByKind['cases'] ?? 0);
    const exact = groups === expected.vulnerabilities.length && cases === expected.vulnerabilities.length;
    table('Ratios and checks', [
      ['rerun / first run wall time', (rerun.seconds / first.seconds).toFixed(2)],
      ['rerun / first run ThreatConnect calls', (rerun.tcTotal / Math.max(1, first.tcTotal)).toFixed(3)],
      ['rerun batch + case calls (expected 0)', String(writes)],
      [
        'groups uploaded / cases created (first run)',
        `${groups} / ${cases} for ${expected.vulnerabilities.length} vulnerabilities`,
      ],
      ['Wiz simulator process RSS', mb(await wiz.sim.request<number>({ op: 'rss' }))],
      ['ThreatConnect simulator process RSS', mb(await tc.request<number>({ op: 'rss' }))],
    ]);
    const ok = first.status === 'completed' && rerun.status === 'completed' && writes === 0 && exact;
    return ok ? 0 : 1;
  } finally {
    for (const sim of sims) await sim.stop();
    await db?.drop();
    rmSync(filesDir, { recursive: true, force: true });
  }
}

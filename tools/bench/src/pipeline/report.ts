// Prints the benchmark's tables.
import { mb, type MemoryPeaks } from './memory';
import type { JobFigures } from './job';

const STAGE_COUNTS: Record<string, string[]> = {
  download: ['downloadedFindings', 'storedFindings', 'pages', 'wizTotalCount'],
  convert: ['vulnerabilities', 'groupsBatched', 'groupsUnchanged', 'mappingIssues'],
  upload: ['batchJobs', 'groupsSucceeded', 'groupsFailed', 'uploadErrors'],
  cases: ['casesCreated', 'casesUpdated', 'casesUnchanged', 'caseApiCalls', 'casesFailed'],
  correlate: ['tagMatches', 'associations', 'correlationsUnchanged', 'correlationsFailed'],
};

export function table(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

function countsOf(stage: string, counts: Record<string, number>): string {
  return (STAGE_COUNTS[stage] ?? Object.keys(counts))
    .filter((k) => counts[k] !== undefined)
    .map((k) => `${k}=${counts[k]}`)
    .join(' ');
}

export function memoryText(m: MemoryPeaks): string {
  return `peak RSS ${mb(m.peakRss)} (baseline ${mb(m.baselineRss)}, +${mb(m.peakRss - m.baselineRss)}), peak heap used ${mb(m.peakHeapUsed)}`;
}

export function printJob(title: string, f: JobFigures, findings: number): void {
  const rows: [string, string][] = [['status', f.error ? `${f.status}: ${f.error}` : f.status]];
  for (const s of f.stages) {
    const share = ((100 * s.seconds) / f.seconds).toFixed(0);
    rows.push([
      `stage ${s.stage}`,
      `${s.seconds.toFixed(2)} s (${share} %), peak RSS ${mb(s.peakRss)}, heap ${mb(s.peakHeapUsed)}  ${countsOf(s.stage, s.counts)}`,
    ]);
  }
  rows.push(['total wall time', `${f.seconds.toFixed(2)} s`]);
  rows.push(['findings/s (whole job)', (findings / f.seconds).toFixed(0)]);
  rows.push(['engine memory', memoryText(f.memory)]);
  rows.push(['Wiz GraphQL requests', `${f.wizGraphqlRequests} (+${f.wizTokenRequests} token)`]);
  rows.push(['  waiting for the Wiz simulator', `${f.wizWaitSeconds.toFixed(2)} s`]);
  rows.push([
    'ThreatConnect HTTP calls',
    `${f.tcTotal} (${f.tcWaitSeconds.toFixed(2)} s waiting for the simulator)`,
  ]);
  for (const [kind, n] of Object.entries(f.tcByKind).sort()) rows.push([`  ${kind}`, String(n)]);
  for (const [route, n] of Object.entries(f.tcByRoute).sort()) rows.push([`    ${route}`, String(n)]);
  table(title, rows);
}

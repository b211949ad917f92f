import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';

/** Milliseconds of an ISO date, or null when absent or unparsable. */
export function parseTime(value: unknown): number | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Canonical order of findings: most recently detected first (`lastDetectedAt`, then `updatedAt`;
 * findings without a date last), ties broken by id. "The latest finding" always means the first one.
 */
export function compareFindingsByRecency(a: WizVulnerabilityFinding, b: WizVulnerabilityFinding): number {
  for (const field of ['lastDetectedAt', 'updatedAt'] as const) {
    const ta = parseTime(a[field]);
    const tb = parseTime(b[field]);
    if (ta !== tb) {
      if (ta === null) return 1;
      if (tb === null) return -1;
      return tb - ta;
    }
  }
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}

/** A finding counts as open unless Wiz says it is RESOLVED or REJECTED (a missing status is open). */
export function isOpenFinding(finding: WizVulnerabilityFinding): boolean {
  return finding.status !== 'RESOLVED' && finding.status !== 'REJECTED';
}

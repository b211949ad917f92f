import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';

/** One finding's non-null value at a row's source path. */
export interface ReduceEntry {
  value: unknown;
  finding: WizVulnerabilityFinding;
}

/**
 * A named pure function that decides, for one table row, which findings' values reach ThreatConnect
 * when findings of one vulnerability disagree. Entries arrive most recently detected first (then id)
 * and hold only non-null values; a reducer returns the chosen entries (none = no attribute).
 */
export type Reducer = (entries: readonly ReduceEntry[]) => readonly ReduceEntry[];

import { describeValue, fail, ok, type Transform } from './transform.model';

/** Wiz severities from lowest to highest. NONE and INFORMATIONAL (both seen in Wiz data) rank equal. */
export const SEVERITY_RANK: Readonly<Record<string, number>> = {
  NONE: 0,
  INFORMATIONAL: 0,
  LOW: 1,
  MEDIUM: 2,
  HIGH: 3,
  CRITICAL: 4,
};

/** Rank of a Wiz severity, or -1 when the value is not one. */
export function severityRank(value: unknown): number {
  return typeof value === 'string' ? (SEVERITY_RANK[value.trim().toUpperCase()] ?? -1) : -1;
}

const LABEL = ['Informational', 'Low', 'Medium', 'High', 'Critical'] as const;

/**
 * A Wiz severity as a ThreatConnect reader expects it: `Critical`, `High`, `Medium`, `Low`, and
 * `Informational` for both NONE and INFORMATIONAL. An unknown word is written as given, with an issue.
 */
export const severity: Transform = (value) => {
  if (typeof value !== 'string' || value.trim() === '')
    return fail('wrong-type', `expected a severity, got ${describeValue(value)}`);
  const rank = severityRank(value);
  const label = LABEL[rank];
  return label ? ok(label) : fail('unknown-severity', `unknown severity '${value.trim()}'`);
};

/** Wiz's words for a finding status (OPEN, IN_PROGRESS, RESOLVED, REJECTED) in title case. */
export const status: Transform = (value) => {
  if (typeof value !== 'string' || value.trim() === '')
    return fail('wrong-type', `expected a status, got ${describeValue(value)}`);
  const known: Record<string, string> = {
    OPEN: 'Open',
    IN_PROGRESS: 'In Progress',
    RESOLVED: 'Resolved',
    REJECTED: 'Rejected',
  };
  const label = known[value.trim().toUpperCase()];
  return label ? ok(label) : fail('wrong-type', `unknown status '${value.trim()}'`);
};

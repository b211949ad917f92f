import { isOpenFinding, severityRank } from '@wiztc/mapping';
import type { TcCaseSeverity } from '@wiztc/tc-client/model';
import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';

const LADDER: readonly TcCaseSeverity[] = ['Low', 'Medium', 'High', 'Critical'];

/**
 * Case severity (ThreatConnect requires one):
 * 1. the highest Wiz `severity` (else `CVSSSeverity`) among open findings — among all findings when
 *    none is open: CRITICAL → Critical, HIGH → High, MEDIUM → Medium, anything else → Low;
 * 2. raised one step when any finding has a known exploit (`hasExploit`);
 * 3. Critical when any finding is in CISA KEV (`hasCisaKevExploit`).
 */
export function caseSeverity(
  findings: readonly WizVulnerabilityFinding[],
  exploited: boolean,
  kev: boolean,
): TcCaseSeverity {
  if (kev) return 'Critical';
  const open = findings.filter(isOpenFinding);
  const pool = open.length > 0 ? open : findings;
  const highest = Math.max(-1, ...pool.map((f) => severityRank(f.severity ?? f.CVSSSeverity)));
  // Wiz ranks 0..4 (NONE/INFORMATIONAL..CRITICAL) onto the 4-step case ladder (Low..Critical).
  const step = Math.max(0, highest - 1);
  return LADDER[Math.min(LADDER.length - 1, step + (exploited ? 1 : 0))] as TcCaseSeverity;
}

import type { WizExploitFilter } from '@wiztc/wiz-client/model';

/** With the exploit filter on, only exploited (or KEV-listed) vulnerabilities get cases and tag matching. */
export function isEligible(filter: WizExploitFilter, v: { exploited: boolean; kev: boolean }): boolean {
  if (filter === 'cisaKev') return v.kev;
  if (filter === 'hasExploit') return v.exploited || v.kev;
  return true;
}

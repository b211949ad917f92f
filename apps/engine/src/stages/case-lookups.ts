import type { CaseAggregate } from '@wiztc/case-aggregation';
import type { TcClient } from '@wiztc/tc-client';
import { isEligible } from './eligibility';
import type { StageContext } from './stage';

/** What wiztc knows of a vulnerability's group and case (vulnerability_sync). */
export interface SyncRow {
  name: string;
  group_xid: string;
  group_id: string | null;
  case_id: string | null;
  case_hash: string | null;
}

/** ThreatConnect ids found in bulk for a part: the xids asked about, and those found. */
export interface KnownIds {
  groups: Map<string, number>;
  cases: Map<string, number>;
  groupsAsked: Set<string>;
  casesAsked: Set<string>;
}

/**
 * For the part's vulnerabilities that need a write, looks up in bulk the group ids and case ids wiztc does not
 * know yet (a query per 100 instead of one request per vulnerability). Unchanged vulnerabilities cost nothing;
 * when the bulk look-up fails, each case falls back to its own look-up.
 */
export async function lookUpIds(
  ctx: StageContext,
  aggregates: CaseAggregate[],
  syncRows: Map<string, SyncRow>,
): Promise<{ known: KnownIds; calls: number }> {
  const known: KnownIds = {
    groups: new Map(),
    cases: new Map(),
    groupsAsked: new Set(),
    casesAsked: new Set(),
  };
  const needed = aggregates.filter((a) => {
    const sync = syncRows.get(a.vulnerability);
    return (
      sync &&
      isEligible(ctx.tenant.exploitFilter, a) &&
      !(sync.case_id && sync.group_id && sync.case_hash === a.hash)
    );
  });
  const groupsToFind = needed.filter((a) => !syncRows.get(a.vulnerability)?.group_id);
  const casesToFind = needed.filter((a) => !syncRows.get(a.vulnerability)?.case_id).map((a) => a.xid);
  if (groupsToFind.length === 0 && casesToFind.length === 0) return { known, calls: 0 };
  const tc = counting(ctx.tc());
  try {
    if (groupsToFind.length > 0) {
      const xids = new Set(groupsToFind.map((a) => syncRows.get(a.vulnerability)?.group_xid as string));
      const groups = await tc.client.groups.findByNames(
        groupsToFind.map((a) => a.vulnerability),
        { owner: ctx.tenant.sourceName, type: 'Vulnerability' },
        { signal: ctx.signal },
      );
      for (const g of groups) if (g.xid && xids.has(g.xid)) known.groups.set(g.xid, g.id);
      known.groupsAsked = xids;
    }
    if (casesToFind.length > 0) {
      const cases = await tc.client.cases.findByXids(casesToFind, { signal: ctx.signal });
      for (const c of cases) if (c.xid) known.cases.set(c.xid, c.id);
      known.casesAsked = new Set(casesToFind);
    }
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    return {
      known: { groups: new Map(), cases: new Map(), groupsAsked: new Set(), casesAsked: new Set() },
      calls: tc.calls(),
    };
  }
  return { known, calls: tc.calls() };
}

/** Counts the ThreatConnect calls one case costs (the "unchanged costs nothing" promise is measured with it). */
export function counting(client: TcClient): { client: TcClient; calls: () => number } {
  let calls = 0;
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver) as unknown;
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            calls += 1;
            return (value as (...a: unknown[]) => unknown).apply(obj, args);
          };
        }
        if (value && typeof value === 'object') return wrap(value as object);
        return value;
      },
    });
  return { client: wrap(client), calls: () => calls };
}

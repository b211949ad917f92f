import { isOpenFinding, parseTime } from '../finding-order';
import { severityRank } from '../transforms/severity.transforms';
import type { ReduceEntry, Reducer } from './reducer.model';

const first = (entries: readonly ReduceEntry[]): readonly ReduceEntry[] => entries.slice(0, 1);

/** The value of the most recently detected finding that has one (CVE-level fields). */
const latest: Reducer = first;

function pickByTime(
  entries: readonly ReduceEntry[],
  better: (a: number, b: number) => boolean,
): readonly ReduceEntry[] {
  let best: { entry: ReduceEntry; ms: number } | undefined;
  for (const entry of entries) {
    const ms = parseTime(entry.value);
    if (ms !== null && (best === undefined || better(ms, best.ms))) best = { entry, ms };
  }
  // No parsable date: hand the latest value on, so its transform reports why it is not a date.
  return best ? [best.entry] : first(entries);
}

/** The earliest date among all findings (External Date Added). */
const earliestDate: Reducer = (entries) => pickByTime(entries, (a, b) => a < b);

/** The latest date among all findings (External Last Modified, Resolved). */
const latestDate: Reducer = (entries) => pickByTime(entries, (a, b) => a > b);

/**
 * The highest severity among open findings; when none is open, the highest among all findings (a
 * resolved vulnerability keeps the severity it had). Unknown words rank below every known severity.
 */
const highestOpenSeverity: Reducer = (entries) => {
  const open = entries.filter((e) => isOpenFinding(e.finding));
  const pool = open.length > 0 ? open : entries;
  let best: ReduceEntry | undefined;
  for (const entry of pool)
    if (best === undefined || severityRank(entry.value) > severityRank(best.value)) best = entry;
  return best ? [best] : [];
};

const STATUS_RANK: Readonly<Record<string, number>> = { OPEN: 4, IN_PROGRESS: 3, RESOLVED: 2, REJECTED: 1 };

/** OPEN if any finding is open, else IN_PROGRESS, else RESOLVED, else REJECTED. */
const statusRollup: Reducer = (entries) => {
  let best: ReduceEntry | undefined;
  const rank = (e: ReduceEntry) =>
    typeof e.value === 'string' ? (STATUS_RANK[e.value.toUpperCase()] ?? 0) : 0;
  for (const entry of entries) if (best === undefined || rank(entry) > rank(best)) best = entry;
  return best ? [best] : [];
};

/** true if any finding says true; false if some say false and none true. */
const anyTrue: Reducer = (entries) => {
  const yes = entries.find(
    (e) => e.value === true || (typeof e.value === 'string' && e.value.toLowerCase() === 'true'),
  );
  return yes ? [yes] : first(entries);
};

/** The value of the finding resolved last (by `resolvedAt`), so a reason matches the Resolved date. */
const latestResolved: Reducer = (entries) => {
  let best: { entry: ReduceEntry; ms: number } | undefined;
  for (const entry of entries) {
    const ms = parseTime(entry.finding.resolvedAt) ?? Number.NEGATIVE_INFINITY;
    if (best === undefined || ms > best.ms) best = { entry, ms };
  }
  return best ? [best.entry] : [];
};

/** Every value; the table mapper keeps distinct texts, sorted, capped at the row's `limit`. */
const distinct: Reducer = (entries) => entries;

/** The reducers tables can name. */
export const BUILTIN_REDUCERS: Readonly<Record<string, Reducer>> = Object.freeze({
  latest,
  earliestDate,
  latestDate,
  highestOpenSeverity,
  statusRollup,
  anyTrue,
  distinct,
  latestResolved,
});

import type { JobStatus, JobType } from '@wiztc/contracts';

/** The schedule settings of one tenant. */
export interface SchedulePolicy {
  intervalMinutes: number;
  initialBackfillDays: number;
  runAfterDeployment: boolean;
  /** When the tenant was deployed. */
  deployedAt: Date;
}

/** What the scheduler knows of a tenant's scheduled (initial or scheduled) jobs. */
export interface ScheduleHistory {
  /** The most recent scheduled or initial job, whatever its status. */
  latest: { status: JobStatus; windowStart: Date; windowEnd: Date; completedAt: Date | null } | null;
  /** End of the window of the most recent *completed* scheduled or initial job. */
  coveredUntil: Date | null;
  /** Start of the first initial job's window (so a failed initial job's window is never lost). */
  firstWindowStart: Date | null;
}

export type ScheduleDecision =
  | { action: 'enqueue'; type: JobType; windowStart: Date; windowEnd: Date }
  | { action: 'wait'; until: Date | null; reason: string };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The schedule rules, as a pure function of the tenant's history and the time:
 * - first job: the past `initialBackfillDays`, at once when "run after deployment", else one interval after deployment;
 * - then one job per interval, counted from when the previous one *completed* (an overrun delays the next one);
 * - each window starts where the last completed window ended (a job collects up to when it started), so downtime,
 *   restarts or a failed job never leave a gap: the next window simply covers it;
 * - at most one scheduled job is queued or running at a time.
 */
export function decideNextJob(policy: SchedulePolicy, history: ScheduleHistory, now: Date): ScheduleDecision {
  const interval = policy.intervalMinutes * MINUTE;
  const latest = history.latest;
  if (!latest) {
    const due = policy.runAfterDeployment
      ? policy.deployedAt
      : new Date(policy.deployedAt.getTime() + interval);
    if (now.getTime() < due.getTime()) return { action: 'wait', until: due, reason: 'first job not due yet' };
    return {
      action: 'enqueue',
      type: 'initial',
      windowStart: new Date(now.getTime() - policy.initialBackfillDays * DAY),
      windowEnd: now,
    };
  }
  if (latest.status === 'pending' || latest.status === 'running' || latest.status === 'paused') {
    return { action: 'wait', until: null, reason: `a scheduled job is ${latest.status}` };
  }
  const endedAt = latest.completedAt ?? latest.windowEnd;
  const due = new Date(endedAt.getTime() + interval);
  if (now.getTime() < due.getTime())
    return { action: 'wait', until: due, reason: 'next interval not reached' };
  const windowStart = history.coveredUntil ?? history.firstWindowStart ?? latest.windowStart;
  if (windowStart.getTime() >= now.getTime())
    return { action: 'wait', until: due, reason: 'nothing to collect yet' };
  return {
    action: 'enqueue',
    type: history.coveredUntil ? 'scheduled' : 'initial',
    windowStart,
    windowEnd: now,
  };
}

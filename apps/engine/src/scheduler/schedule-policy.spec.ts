import { decideNextJob, type SchedulePolicy, type ScheduleHistory } from './schedule-policy';

const t = (iso: string) => new Date(iso);
const policy = (over: Partial<SchedulePolicy> = {}): SchedulePolicy => ({
  intervalMinutes: 60,
  initialBackfillDays: 30,
  runAfterDeployment: true,
  deployedAt: t('2026-12-01T00:00:00Z'),
  ...over,
});
const none: ScheduleHistory = { latest: null, coveredUntil: null, firstWindowStart: null };

describe('decideNextJob', () => {
  it('starts the first job at once over the past 30 days when "run after deployment" is set', () => {
    const d = decideNextJob(policy(), none, t('2026-12-01T00:00:05Z'));
    expect(d).toEqual({
      action: 'enqueue',
      type: 'initial',
      windowStart: t('2026-11-01T00:00:05Z'),
      windowEnd: t('2026-12-01T00:00:05Z'),
    });
  });

  it('waits one interval after deployment otherwise, and honours the backfill setting', () => {
    const p = policy({ runAfterDeployment: false, initialBackfillDays: 7 });
    expect(decideNextJob(p, none, t('2026-12-01T00:30:00Z'))).toMatchObject({
      action: 'wait',
      until: t('2026-12-01T01:00:00Z'),
    });
    expect(decideNextJob(p, none, t('2026-12-01T01:00:00Z'))).toMatchObject({
      action: 'enqueue',
      windowStart: t('2026-11-24T01:00:00Z'),
    });
  });

  it('runs hourly: the next window starts where the last completed one ended', () => {
    const history: ScheduleHistory = {
      latest: {
        status: 'completed',
        windowStart: t('2026-12-01T00:00:00Z'),
        windowEnd: t('2026-12-01T01:00:00Z'),
        completedAt: t('2026-12-01T01:05:00Z'),
      },
      coveredUntil: t('2026-12-01T01:00:00Z'),
      firstWindowStart: t('2026-11-01T00:00:00Z'),
    };
    expect(decideNextJob(policy(), history, t('2026-12-01T02:04:59Z'))).toMatchObject({ action: 'wait' });
    expect(decideNextJob(policy(), history, t('2026-12-01T02:05:00Z'))).toEqual({
      action: 'enqueue',
      type: 'scheduled',
      windowStart: t('2026-12-01T01:00:00Z'),
      windowEnd: t('2026-12-01T02:05:00Z'),
    });
  });

  it('after an overrun, starts one interval after completion and collects from when the overrun job started', () => {
    // The initial job started at 00:00 and took 3 h 20 min.
    const history: ScheduleHistory = {
      latest: {
        status: 'completed',
        windowStart: t('2026-11-01T00:00:00Z'),
        windowEnd: t('2026-12-01T00:00:00Z'),
        completedAt: t('2026-12-01T03:20:00Z'),
      },
      coveredUntil: t('2026-12-01T00:00:00Z'),
      firstWindowStart: t('2026-11-01T00:00:00Z'),
    };
    expect(decideNextJob(policy(), history, t('2026-12-01T04:19:00Z'))).toMatchObject({
      action: 'wait',
      until: t('2026-12-01T04:20:00Z'),
    });
    expect(decideNextJob(policy(), history, t('2026-12-01T04:20:00Z'))).toMatchObject({
      action: 'enqueue',
      windowStart: t('2026-12-01T00:00:00Z'),
    });
  });

  it('never runs two scheduled jobs at once', () => {
    for (const status of ['pending', 'running', 'paused'] as const) {
      const history: ScheduleHistory = {
        latest: {
          status,
          windowStart: t('2026-12-01T00:00:00Z'),
          windowEnd: t('2026-12-01T01:00:00Z'),
          completedAt: null,
        },
        coveredUntil: t('2026-12-01T00:00:00Z'),
        firstWindowStart: null,
      };
      expect(decideNextJob(policy(), history, t('2026-12-02T00:00:00Z'))).toMatchObject({
        action: 'wait',
        until: null,
      });
    }
  });

  it('covers downtime with one job and leaves no gap after a failed job', () => {
    const history: ScheduleHistory = {
      latest: {
        status: 'failed',
        windowStart: t('2026-12-01T01:00:00Z'),
        windowEnd: t('2026-12-01T02:00:00Z'),
        completedAt: t('2026-12-01T02:10:00Z'),
      },
      coveredUntil: t('2026-12-01T01:00:00Z'),
      firstWindowStart: t('2026-11-01T00:00:00Z'),
    };
    // The engine was down until 09:00: one job collects everything since the last completed window.
    expect(decideNextJob(policy(), history, t('2026-12-01T09:00:00Z'))).toEqual({
      action: 'enqueue',
      type: 'scheduled',
      windowStart: t('2026-12-01T01:00:00Z'),
      windowEnd: t('2026-12-01T09:00:00Z'),
    });
  });

  it('repeats a failed initial job over the whole backfill window', () => {
    const history: ScheduleHistory = {
      latest: {
        status: 'failed',
        windowStart: t('2026-11-01T00:00:00Z'),
        windowEnd: t('2026-12-01T00:00:00Z'),
        completedAt: t('2026-12-01T00:10:00Z'),
      },
      coveredUntil: null,
      firstWindowStart: t('2026-11-01T00:00:00Z'),
    };
    expect(decideNextJob(policy(), history, t('2026-12-01T01:10:00Z'))).toEqual({
      action: 'enqueue',
      type: 'initial',
      windowStart: t('2026-11-01T00:00:00Z'),
      windowEnd: t('2026-12-01T01:10:00Z'),
    });
  });
});

import { backoffDelayMs, resolveRetryPolicy, WIZ_RETRY_POLICIES, withRetry } from './retry';
import { WizGraphQLError, WizHttpError } from './errors';

const noLog = (): void => undefined;

describe('retry', () => {
  it('doubles the backoff, caps it and applies jitter downwards only', () => {
    const policy = { ...WIZ_RETRY_POLICIES.default, baseDelayMs: 100, maxDelayMs: 1000, jitter: 0.5 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(policy, n, () => 0))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(backoffDelayMs(policy, 3, () => 1)).toBe(200);
  });

  it('retries 5xx up to maxAttempts and never retries a non-retriable error', async () => {
    const policy = resolveRetryPolicy({ maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 });
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(new WizHttpError('HTTP 503', { status: 503 }));
        },
        { policy, log: noLog, operation: 'test' },
      ),
    ).rejects.toBeInstanceOf(WizHttpError);
    expect(calls).toBe(3);

    calls = 0;
    const badInput = new WizGraphQLError('bad', {
      errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(badInput);
        },
        { policy, log: noLog, operation: 'test' },
      ),
    ).rejects.toBe(badInput);
    expect(calls).toBe(1);
  });

  it('refuses nonsense policies', () => {
    expect(() => resolveRetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ jitter: 2 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ baseDelayMs: Number.NaN })).toThrow(RangeError);
  });
});

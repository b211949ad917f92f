// Retries with capped exponential backoff plus jitter (stripe `_getSleepTimeInMS`), honouring the wait a
// rate-limited answer asks for (slack's 429 branch). Rate limits and failures have separate budgets: a
// tenant at its request budget answers many 429s, which must not use up the attempts meant for 5xx.
import { sleep, throwIfAborted } from './abort';
import { WizAbortError, WizError, WizRateLimitError } from './errors';
import type { WizLog } from './logger';

export interface WizRetryPolicy {
  /** Attempts (first one included) for 5xx, INTERNAL, network errors and timeouts. */
  maxAttempts: number;
  /** Extra attempts allowed for 429 / RATE_LIMIT_EXCEEDED answers. */
  maxRateLimitRetries: number;
  /** First backoff; doubles on each retry. */
  baseDelayMs: number;
  /** Backoff cap. */
  maxDelayMs: number;
  /** Share (0..1) of each backoff that is randomised away, so parallel callers spread out. */
  jitter: number;
  /** Upper bound on a server-requested wait (`retryAfter` / `Retry-After`). */
  maxRetryAfterMs: number;
}

export type WizRetryPolicyName = 'default' | 'patient' | 'none';

export const WIZ_RETRY_POLICIES: Readonly<Record<WizRetryPolicyName, WizRetryPolicy>> = {
  default: {
    maxAttempts: 5,
    maxRateLimitRetries: 30,
    baseDelayMs: 500,
    maxDelayMs: 60_000,
    jitter: 0.25,
    maxRetryAfterMs: 120_000,
  },
  patient: {
    maxAttempts: 10,
    maxRateLimitRetries: 100,
    baseDelayMs: 1_000,
    maxDelayMs: 60_000,
    jitter: 0.25,
    maxRetryAfterMs: 300_000,
  },
  none: {
    maxAttempts: 1,
    maxRateLimitRetries: 0,
    baseDelayMs: 0,
    maxDelayMs: 0,
    jitter: 0,
    maxRetryAfterMs: 0,
  },
};

export function resolveRetryPolicy(partial: Partial<WizRetryPolicy> | undefined): WizRetryPolicy {
  const policy = { ...WIZ_RETRY_POLICIES.default, ...partial };
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`Wiz retry policy: ${key} must be a non-negative number`);
    }
  }
  if (policy.maxAttempts < 1) throw new RangeError('Wiz retry policy: maxAttempts must be at least 1');
  if (policy.jitter > 1) throw new RangeError('Wiz retry policy: jitter must be between 0 and 1');
  return policy;
}

/** Backoff before retry number `retry` (1-based): base·2^(retry−1), capped, minus up to `jitter` of it. */
export function backoffDelayMs(
  policy: WizRetryPolicy,
  retry: number,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exp * (1 - policy.jitter * random()));
}

export interface RetryContext {
  policy: WizRetryPolicy;
  signal?: AbortSignal;
  log: WizLog;
  /** What is being retried, for logs ("token request", "vulnerabilityFindings page"). */
  operation: string;
  random?: () => number;
}

/** Runs `attempt` until it succeeds, fails with a non-retriable error, or a budget is spent. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, ctx: RetryContext): Promise<T> {
  let failures = 0;
  let rateLimits = 0;
  for (let n = 1; ; n++) {
    throwIfAborted(ctx.signal);
    try {
      return await attempt(n);
    } catch (error) {
      if (error instanceof WizAbortError || ctx.signal?.aborted) {
        throw error instanceof WizAbortError ? error : new WizAbortError(undefined, { cause: error });
      }
      // Only classified failures are retried; anything else is a defect and surfaces as is.
      if (!(error instanceof WizError) || !error.retriable) throw error;
      const wizError = error;
      let delay: number;
      if (wizError instanceof WizRateLimitError) {
        rateLimits++;
        if (rateLimits > ctx.policy.maxRateLimitRetries) throw wizError;
        delay =
          wizError.retryAfterMs !== undefined
            ? Math.min(wizError.retryAfterMs, ctx.policy.maxRetryAfterMs)
            : backoffDelayMs(ctx.policy, rateLimits, ctx.random);
      } else {
        failures++;
        if (failures >= ctx.policy.maxAttempts) throw wizError;
        delay = backoffDelayMs(ctx.policy, failures, ctx.random);
      }
      ctx.log('warn', `Wiz ${ctx.operation} failed (${wizError.code}); retrying in ${delay} ms`, {
        attempt: n,
        code: wizError.code,
        message: wizError.message,
      });
      await sleep(delay, ctx.signal);
    }
  }
}

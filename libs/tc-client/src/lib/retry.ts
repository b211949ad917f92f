// Retry policy: capped exponential backoff with jitter, `Retry-After` honoured (threatconnect-api.md §5).
import { TcAbortError } from './errors';

export interface TcRetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  factor: number;
  /** 0..1: share of the delay that is randomised (0 = deterministic). */
  jitter: number;
  /** HTTP statuses worth another attempt. */
  retryOnStatus: number[];
  /** Longest `Retry-After` honoured; a longer one is capped to this. */
  maxRetryAfterMs: number;
}

const RETRY_ON = [429, 500, 502, 503, 504];

export const TC_RETRY_POLICIES = {
  default: {
    retries: 5,
    minDelayMs: 500,
    maxDelayMs: 30_000,
    factor: 2,
    jitter: 0.25,
    retryOnStatus: RETRY_ON,
    maxRetryAfterMs: 120_000,
  },
  patient: {
    retries: 12,
    minDelayMs: 1_000,
    maxDelayMs: 60_000,
    factor: 2,
    jitter: 0.25,
    retryOnStatus: RETRY_ON,
    maxRetryAfterMs: 300_000,
  },
  none: {
    retries: 0,
    minDelayMs: 0,
    maxDelayMs: 0,
    factor: 1,
    jitter: 0,
    retryOnStatus: [],
    maxRetryAfterMs: 0,
  },
} as const satisfies Record<string, TcRetryPolicy>;

export type TcRetryPolicyName = keyof typeof TC_RETRY_POLICIES;

export function resolveRetryPolicy(p: Partial<TcRetryPolicy> | TcRetryPolicyName | undefined): TcRetryPolicy {
  if (typeof p === 'string')
    return { ...TC_RETRY_POLICIES[p], retryOnStatus: [...TC_RETRY_POLICIES[p].retryOnStatus] };
  const base = TC_RETRY_POLICIES.default;
  return { ...base, retryOnStatus: [...base.retryOnStatus], ...(p ?? {}) };
}

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds; undefined when absent or invalid. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Delay before retry number `attempt` (1-based). */
export function backoffDelay(
  policy: TcRetryPolicy,
  attempt: number,
  retryAfterMs?: number,
  random = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const raw = Math.min(policy.maxDelayMs, policy.minDelayMs * policy.factor ** (attempt - 1));
  return Math.round(raw * (1 - policy.jitter + policy.jitter * random()));
}

/** Sleeps, or rejects with TcAbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new TcAbortError('ThreatConnect request aborted', { cause: signal.reason }));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new TcAbortError('ThreatConnect request aborted', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

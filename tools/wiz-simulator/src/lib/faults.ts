// Faults on demand: a requests/second limit (sliding one-second window) answered 429 with
// RATE_LIMIT_EXCEEDED and `retryAfter`, random 429s, 5xx, errors inside HTTP 200, slow pages.
import { prng } from './random';
import type { WizFaults } from './types';

export const NO_FAULTS: WizFaults = {
  requestsPerSecond: null,
  serverErrorRate: 0,
  graphqlErrorRate: 0,
  rateLimitRate: 0,
  pageDelayMs: 0,
  expireTokensAfterRequests: null,
  retryAfterSeconds: 1,
  retryAfterHeader: false,
  stuckCursor: false,
};

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'rateLimit'; retryAfterSeconds: number }
  | { kind: 'serverError'; status: number }
  | { kind: 'graphqlError' };

export function validateFaults(faults: Partial<WizFaults>): Partial<WizFaults> {
  for (const key of ['serverErrorRate', 'graphqlErrorRate', 'rateLimitRate'] as const) {
    const v = faults[key];
    if (v !== undefined && !(v >= 0 && v <= 1)) throw new RangeError(`${key} must be between 0 and 1`);
  }
  const rps = faults.requestsPerSecond;
  if (rps !== undefined && rps !== null && !(rps > 0))
    throw new RangeError('requestsPerSecond must be positive or null');
  if (faults.pageDelayMs !== undefined && !(faults.pageDelayMs >= 0))
    throw new RangeError('pageDelayMs must be >= 0');
  return faults;
}

export class FaultInjector {
  private faults: WizFaults;
  private readonly draw: () => number;
  private readonly window: number[] = [];

  constructor(seed: number, faults: Partial<WizFaults> = {}) {
    this.faults = { ...NO_FAULTS, ...validateFaults(faults) };
    this.draw = prng(seed ^ 0xfa17);
  }

  get current(): WizFaults {
    return this.faults;
  }

  set(faults: Partial<WizFaults>): void {
    this.faults = { ...this.faults, ...validateFaults(faults) };
  }

  /** Decides the fate of one GraphQL request (in this order: rate limit, random 429, 5xx, GraphQL error). */
  decide(now: number = Date.now()): FaultDecision {
    const f = this.faults;
    if (f.requestsPerSecond !== null) {
      while (this.window.length > 0 && (this.window[0] ?? 0) <= now - 1000) this.window.shift();
      if (this.window.length >= f.requestsPerSecond) {
        const oldest = this.window[0] ?? now;
        return { kind: 'rateLimit', retryAfterSeconds: Math.max(0.001, (oldest + 1000 - now) / 1000) };
      }
      this.window.push(now);
    }
    if (f.rateLimitRate > 0 && this.draw() < f.rateLimitRate)
      return { kind: 'rateLimit', retryAfterSeconds: f.retryAfterSeconds };
    if (f.serverErrorRate > 0 && this.draw() < f.serverErrorRate) {
      return { kind: 'serverError', status: [500, 502, 503][Math.floor(this.draw() * 3)] ?? 500 };
    }
    if (f.graphqlErrorRate > 0 && this.draw() < f.graphqlErrorRate) return { kind: 'graphqlError' };
    return { kind: 'none' };
  }
}

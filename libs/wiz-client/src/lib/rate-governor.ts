// One rate governor per Wiz client id in the process (a Wiz tenant's request budget is shared by every
// caller: wiz-api.md §5.1). Built on bottleneck: `minTime` spaces request starts 1000/rps ms apart.
// When two clients configure the same client id differently, the most recent setting applies.
import Bottleneck from 'bottleneck';
import { raceAbort, throwIfAborted } from './abort';

export interface WizRateGovernor {
  readonly clientId: string;
  /** Requests per second in force; null = unlimited. */
  readonly requestsPerSecond: number | null;
  /** Runs `task` when the budget allows. Aborting rejects at once, even while queued. */
  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

class BottleneckGovernor implements WizRateGovernor {
  private readonly limiter = new Bottleneck({ maxConcurrent: null, minTime: 0 });
  private rps: number | null = null;

  constructor(readonly clientId: string) {}

  get requestsPerSecond(): number | null {
    return this.rps;
  }

  configure(requestsPerSecond: number | null): void {
    if (requestsPerSecond === this.rps) return;
    this.rps = requestsPerSecond;
    this.limiter.updateSettings({
      minTime: requestsPerSecond === null ? 0 : Math.ceil(1000 / requestsPerSecond),
    });
  }

  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    throwIfAborted(signal);
    const run = this.limiter.schedule(() => {
      // Aborted while queued: give the slot back without sending anything.
      if (signal?.aborted) return Promise.reject(signal.reason);
      return task();
    });
    return raceAbort(run, signal);
  }
}

const governors = new Map<string, BottleneckGovernor>();

export function validateRequestsPerSecond(requestsPerSecond: number | null): number | null {
  if (requestsPerSecond === null) return null;
  if (
    typeof requestsPerSecond !== 'number' ||
    !Number.isFinite(requestsPerSecond) ||
    requestsPerSecond <= 0
  ) {
    throw new RangeError('requestsPerSecond must be a positive number, or null for unlimited');
  }
  return requestsPerSecond;
}

/** The process-wide governor of `clientId`, set to `requestsPerSecond` (null = unlimited). */
export function rateGovernorFor(clientId: string, requestsPerSecond: number | null): WizRateGovernor {
  let governor = governors.get(clientId);
  if (!governor) {
    governor = new BottleneckGovernor(clientId);
    governors.set(clientId, governor);
  }
  governor.configure(validateRequestsPerSecond(requestsPerSecond));
  return governor;
}

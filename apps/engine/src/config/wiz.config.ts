import { registerAs } from './register-as';

export interface WizEndpoints {
  readonly authUrl: string;
  readonly apiUrl: string;
}

export interface WizConfig {
  /** Trusted operator override (simulators, proxies) applied to every tenant; undefined = derive from settings. */
  readonly endpoints: WizEndpoints | undefined;
  /** Wiz API requests per second per tenant; 'unlimited' disables the limiter. */
  readonly requestsPerSecond: number | 'unlimited';
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export const wizConfig = registerAs('wiz', (env): WizConfig => {
  let endpoints: WizEndpoints | undefined;
  const rawEndpoints = env.optional('WIZTC_WIZ_ENDPOINTS');
  if (rawEndpoints !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawEndpoints);
    } catch {
      parsed = undefined;
    }
    const candidate = parsed as Partial<Record<'authUrl' | 'apiUrl', unknown>> | undefined;
    if (candidate && isHttpUrl(candidate.authUrl) && isHttpUrl(candidate.apiUrl)) {
      endpoints = { authUrl: candidate.authUrl, apiUrl: candidate.apiUrl };
    } else {
      env.problem('WIZTC_WIZ_ENDPOINTS must be JSON {"authUrl": "http(s)://…", "apiUrl": "http(s)://…"}');
    }
  }
  let requestsPerSecond: number | 'unlimited' = 1;
  const rawRate = env.optional('WIZTC_WIZ_REQUESTS_PER_SECOND');
  if (rawRate !== undefined) {
    const rate = Number(rawRate);
    if (rawRate.toLowerCase() === 'unlimited') requestsPerSecond = 'unlimited';
    else if (Number.isFinite(rate) && rate > 0 && rate <= 1000) requestsPerSecond = rate;
    else
      env.problem(
        `WIZTC_WIZ_REQUESTS_PER_SECOND must be a number in (0, 1000] or 'unlimited' (got "${rawRate}")`,
      );
  }
  return { endpoints, requestsPerSecond };
});

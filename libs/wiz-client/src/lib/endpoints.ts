// Wiz URLs are computed from one of three environments plus a validated data-center name (design §6):
// no free-form URL from tenant settings reaches the HTTP client. Facts: wiz-api.md §1.2 and §2.
import { WizConfigError } from './errors';

export type WizEnvironment = 'app.wiz.io' | 'app.wiz.us' | 'gov.wiz.io';
export const WIZ_ENVIRONMENTS: readonly WizEnvironment[] = ['app.wiz.io', 'app.wiz.us', 'gov.wiz.io'];

export interface WizEndpoints {
  /** OAuth2 token endpoint. */
  authUrl: string;
  /** GraphQL endpoint, ending in `/graphql`. */
  apiUrl: string;
}

/** Data-center names seen: us1, us17, us100, eu1, eu17, usgov1, ap2, ca1. Letters then digits, nothing else. */
const DATA_CENTER = /^[a-z]{2,6}[0-9]{1,3}$/;

export function isWizEnvironment(value: unknown): value is WizEnvironment {
  return typeof value === 'string' && (WIZ_ENVIRONMENTS as readonly string[]).includes(value);
}

/**
 * Token and API URLs for an environment and data center. Throws WizConfigError on anything else.
 * `gov.wiz.io` (commercial on AWS GovCloud) follows the `api.<dc>.gov.wiz.io` pattern; sources disagree
 * on that host (wiz-api.md §2), so deployments that differ use the trusted `endpoints` override.
 */
export function wizEndpoints(environment: WizEnvironment, dataCenter: string): WizEndpoints {
  if (!isWizEnvironment(environment)) {
    throw new WizConfigError(
      `Unknown Wiz environment ${JSON.stringify(environment)}: expected one of ${WIZ_ENVIRONMENTS.join(', ')}`,
    );
  }
  const dc = typeof dataCenter === 'string' ? dataCenter.trim().toLowerCase() : '';
  if (!DATA_CENTER.test(dc)) {
    throw new WizConfigError(
      `Invalid Wiz data center ${JSON.stringify(dataCenter)}: expected a name such as us17 or eu1 ` +
        '(letters followed by digits, as shown under Tenant Info)',
    );
  }
  return {
    authUrl: `https://auth.${environment}/oauth/token`,
    apiUrl: `https://api.${dc}.${environment}/graphql`,
  };
}

/** Validates a trusted `{ authUrl, apiUrl }` override (simulator, proxy); `/graphql` is appended when absent. */
export function normaliseEndpointOverride(endpoints: WizEndpoints): WizEndpoints {
  const check = (name: string, value: string): URL => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new WizConfigError(`Wiz ${name} ${JSON.stringify(value)} is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new WizConfigError(`Wiz ${name} must use http or https, got ${url.protocol}`);
    }
    if (url.username || url.password) throw new WizConfigError(`Wiz ${name} must not carry credentials`);
    return url;
  };
  check('authUrl', endpoints.authUrl);
  const api = check('apiUrl', endpoints.apiUrl);
  const path = api.pathname.replace(/\/+$/, '');
  api.pathname = path.endsWith('/graphql') ? path : `${path}/graphql`;
  return { authUrl: endpoints.authUrl, apiUrl: api.toString() };
}

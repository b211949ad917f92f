import { randomBytes } from 'node:crypto';

/** A complete, valid tenant payload with unique names and recognisable secrets. */
export function tenantPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const suffix = randomBytes(4).toString('hex');
  return {
    name: `Org ${suffix}`,
    tcOrganization: `Org ${suffix}`,
    sourceName: `Wiz Cloud Security Threat Intelligence - Org ${suffix}`,
    wizEnvironment: 'app.wiz.io',
    wizDataCenter: 'us17',
    wizClientId: `client-${suffix}`,
    wizClientSecret: `wiz-secret-${suffix}-PLAINTEXT`,
    tcApiUrl: 'https://app.threatconnect.com/api',
    tcAccessId: `access-${suffix}`,
    tcSecretKey: `tc-secret-${suffix}-PLAINTEXT`,
    ...overrides,
  };
}

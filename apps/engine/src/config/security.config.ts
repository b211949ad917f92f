import { registerAs } from './register-as';

export interface SecurityConfig {
  /** 32-byte AES-256-GCM key for secrets at rest; undefined → generated once in the data dir (dev only). */
  readonly secretKey: Buffer | undefined;
  /**
   * Optional API key (wtc_…) ensured as a system administrator at boot, for launchers and tests that
   * need a known credential. Never printed.
   */
  readonly bootstrapAdminKey: string | undefined;
}

/** Accepts 64 hex characters or base64/base64url of exactly 32 bytes. */
export function parseSecretKey(raw: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) {
    const decoded = Buffer.from(raw, 'base64');
    if (decoded.length === 32) return decoded;
  }
  return undefined;
}

export const API_KEY_PATTERN = /^wtc_[A-Za-z0-9_-]{32,}$/;

export const securityConfig = registerAs('security', (env): SecurityConfig => {
  const raw = env.optional('WIZTC_SECRET_KEY');
  let secretKey: Buffer | undefined;
  if (raw !== undefined) {
    secretKey = parseSecretKey(raw);
    if (!secretKey) env.problem('WIZTC_SECRET_KEY must be 32 bytes, as 64 hex characters or base64');
  } else if (env.string('NODE_ENV', 'development') === 'production') {
    env.problem('WIZTC_SECRET_KEY is required when NODE_ENV=production (32 bytes, hex or base64)');
  }
  const bootstrapAdminKey = env.optional('WIZTC_BOOTSTRAP_ADMIN_KEY');
  if (bootstrapAdminKey !== undefined && !API_KEY_PATTERN.test(bootstrapAdminKey)) {
    env.problem(
      'WIZTC_BOOTSTRAP_ADMIN_KEY must look like wtc_ followed by at least 32 characters [A-Za-z0-9_-]',
    );
  }
  return { secretKey, bootstrapAdminKey };
});

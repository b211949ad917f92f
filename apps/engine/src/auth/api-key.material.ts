import { createHash, randomBytes } from 'node:crypto';

/** A new API key: `wtc_` + 43 base64url characters (256 random bits). */
export function generateApiKey(): string {
  return `wtc_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Shown in listings to recognise a key without revealing it. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, 12);
}

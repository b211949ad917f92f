// Verifies ThreatConnect authentication the way the platform does (threatconnect-api.md §1.2–1.3):
// the HMAC covers the request target exactly as received, so a re-encoded query no longer matches.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TcSimAuthConfig {
  accessId: string;
  secretKey: string;
  tokens: Set<string>;
  now: () => number;
}

export type TcSimAuthResult = { ok: true } | { ok: false; status: number; message: string };

const WINDOW_MS = 5 * 60 * 1000;

export function verifyTcAuth(
  cfg: TcSimAuthConfig,
  method: string,
  rawTarget: string,
  headers: Record<string, string | string[] | undefined>,
): TcSimAuthResult {
  const authorization = typeof headers['authorization'] === 'string' ? headers['authorization'] : '';
  if (authorization.startsWith('TC-Token ')) {
    return cfg.tokens.has(authorization.slice('TC-Token '.length))
      ? { ok: true }
      : { ok: false, status: 401, message: 'Unauthorized' };
  }
  const m = /^TC ([^:\s]+):(\S+)$/.exec(authorization);
  if (!m) return { ok: false, status: 401, message: 'Access Denied' };
  const timestamp = typeof headers['timestamp'] === 'string' ? headers['timestamp'] : '';
  if (!/^\d+$/.test(timestamp) || Math.abs(cfg.now() - Number(timestamp) * 1000) > WINDOW_MS) {
    return { ok: false, status: 401, message: 'Timestamp out of acceptable time range' };
  }
  if (m[1] !== cfg.accessId) return { ok: false, status: 401, message: 'Access Denied' };
  const expected = createHmac('sha256', cfg.secretKey).update(`${rawTarget}:${method}:${timestamp}`).digest();
  const given = Buffer.from(m[2] ?? '', 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, message: 'Signature data did not match expected result' };
  }
  return { ok: true };
}

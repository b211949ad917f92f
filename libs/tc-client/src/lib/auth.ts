// ThreatConnect authentication headers: HMAC (Access ID + Secret Key) or a TC-Token.
// threatconnect-api.md §1.2: sign `<path with /api and the query, exactly as sent>:<METHOD>:<timestamp>`
// with HMAC-SHA256 over the secret key's UTF-8 bytes, base64 with padding. The body is not signed.
import { createHmac } from 'node:crypto';

export type TcAuth = { accessId: string; secretKey: string } | { token: string };

export interface TcSignInput {
  /** Request target as it goes on the wire: `url.pathname + url.search` (includes `/api`). */
  pathWithQuery: string;
  method: string;
  /** Unix epoch seconds. */
  timestamp: number;
  accessId: string;
  secretKey: string;
}

export interface TcSignedHeaders {
  Timestamp: string;
  Authorization: string;
}

/** The exact text ThreatConnect signs. */
export function tcStringToSign(pathWithQuery: string, method: string, timestamp: number): string {
  return `${pathWithQuery}:${method.toUpperCase()}:${timestamp}`;
}

/** HMAC-SHA256 signature headers for one request. */
export function signTcRequest(input: TcSignInput): TcSignedHeaders {
  const text = tcStringToSign(input.pathWithQuery, input.method, input.timestamp);
  const signature = createHmac('sha256', Buffer.from(input.secretKey, 'utf8'))
    .update(text, 'utf8')
    .digest('base64');
  return { Timestamp: String(input.timestamp), Authorization: `TC ${input.accessId}:${signature}` };
}

/** Headers for a request whose final URL is `url` (sign that object's path and query, send the same object). */
export function tcAuthHeaders(auth: TcAuth, url: URL, method: string, nowMs: number): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  if ('token' in auth) {
    // tcex sends Timestamp with token auth too; harmless and keeps logs comparable.
    return { Timestamp: String(timestamp), Authorization: `TC-Token ${auth.token}` };
  }
  const headers = signTcRequest({
    pathWithQuery: url.pathname + url.search,
    method,
    timestamp,
    accessId: auth.accessId,
    secretKey: auth.secretKey,
  });
  return { ...headers };
}

/** Values that must never appear in logs or error messages. */
export function authSecrets(auth: TcAuth): string[] {
  return 'token' in auth ? [auth.token] : [auth.secretKey];
}

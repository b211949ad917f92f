// The OAuth2 token endpoint (wiz-api.md §1): form-encoded client credentials, audience checked, JWT-shaped
// tokens carrying a `dc` claim, `expires_in` default 900 s. Tokens also expire after N requests on demand.
import { randomBytes } from 'node:crypto';

export interface TokenAuthorityOptions {
  clientId: string;
  clientSecret: string;
  audience: string;
  ttlSeconds: number;
  dataCenter: string;
}

interface IssuedToken {
  expiresAt: number;
  requests: number;
}

export type TokenCheck = 'ok' | 'missing' | 'unknown' | 'expired';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export class TokenAuthority {
  private readonly issued = new Map<string, IssuedToken>();

  constructor(private readonly options: TokenAuthorityOptions) {}

  /** Answers a token request body (form-encoded); `queryAudience` is the `audience` query parameter, if any. */
  issue(body: string, queryAudience: string | null): { status: number; body: unknown } {
    const form = new URLSearchParams(body);
    const o = this.options;
    const audience = form.get('audience') ?? queryAudience;
    if (form.get('grant_type') !== 'client_credentials') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' },
      };
    }
    if (form.get('client_id') !== o.clientId || form.get('client_secret') !== o.clientSecret) {
      return { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };
    }
    if (audience !== o.audience) {
      return {
        status: 403,
        body: {
          error: 'access_denied',
          error_description: `Service not enabled within domain: ${audience ?? ''}`,
        },
      };
    }
    const now = Date.now();
    const ttl = o.ttlSeconds;
    const payload = {
      dc: o.dataCenter,
      iat: Math.floor(now / 1000),
      exp: Math.floor(now / 1000 + ttl),
      sub: o.clientId,
      jti: randomBytes(8).toString('hex'),
    };
    const token = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}.${randomBytes(24).toString('base64url')}`;
    this.issued.set(token, { expiresAt: now + ttl * 1000, requests: 0 });
    if (this.issued.size > 1000) this.prune(now);
    return {
      status: 200,
      body: {
        access_token: token,
        token_type: 'Bearer',
        expires_in: ttl,
        refresh_token: randomBytes(16).toString('hex'),
      },
    };
  }

  /** Checks a bearer token and counts the request against it. */
  check(authorization: string | undefined, expireAfterRequests: number | null): TokenCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return 'missing';
    const token = this.issued.get(match[1]);
    if (!token) return 'unknown';
    if (Date.now() >= token.expiresAt) return 'expired';
    if (expireAfterRequests !== null && token.requests >= expireAfterRequests) return 'expired';
    token.requests++;
    return 'ok';
  }

  private prune(now: number): void {
    for (const [token, info] of this.issued) if (info.expiresAt <= now) this.issued.delete(token);
  }
}

// OAuth2 client-credentials token cache (wiz-api.md §1): a form-encoded POST with client_id, client_secret
// and audience; the token is reused until shortly before `expires_in` runs out (60 s early, or a tenth of
// the lifetime for short tokens), concurrent callers share one token request, and a token the API refused
// is dropped so the next call fetches a new one.
import { raceAbort } from './abort';
import { WizAbortError, WizAuthError, WizHttpError, WizNetworkError, WizRateLimitError } from './errors';
import type { WizLog } from './logger';
import { redact } from './redact';
import { withRetry, type WizRetryPolicy } from './retry';
import { retryAfterHeaderMs } from './response-errors';

export interface WizTokenProviderOptions {
  authUrl: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: WizRetryPolicy;
  log: WizLog;
  now?: () => number;
}

interface CachedToken {
  value: string;
  refreshAt: number;
}

export class WizTokenProvider {
  private current: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  private readonly issued: string[] = [];
  private readonly now: () => number;

  constructor(private readonly options: WizTokenProviderOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A valid access token: the cached one, or a new one when it is about to expire. */
  async token(signal?: AbortSignal): Promise<string> {
    const cached = this.current;
    if (cached && this.now() < cached.refreshAt) return cached.value;
    return (await this.refresh(signal)).value;
  }

  /** Fetches a new token now (shared with concurrent callers). */
  refresh(signal?: AbortSignal): Promise<CachedToken> {
    if (!this.pending) {
      this.pending = this.request().finally(() => {
        this.pending = undefined;
      });
    }
    return raceAbort(this.pending, signal);
  }

  /** Drops `token` if it is the cached one (the API answered UNAUTHENTICATED / 401 with it). */
  invalidate(token: string): void {
    if (this.current?.value === token) this.current = undefined;
  }

  /** Everything that must never appear in a log line or error: the secret and every token issued. */
  secrets(): string[] {
    return [this.options.clientSecret, ...this.issued];
  }

  private async request(): Promise<CachedToken> {
    const o = this.options;
    return withRetry(
      async () => {
        const body = new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: o.clientId,
          client_secret: o.clientSecret,
          audience: o.audience,
        });
        const timeout = AbortSignal.timeout(o.timeoutMs);
        let response: Response;
        let text: string;
        try {
          response = await o.fetch(o.authUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: body.toString(),
            signal: timeout,
          });
          text = await response.text();
        } catch (error) {
          throw new WizNetworkError(
            timeout.aborted
              ? `Wiz token request to ${o.authUrl} timed out after ${o.timeoutMs} ms`
              : `Wiz token request to ${o.authUrl} failed: ${this.safe(errorMessage(error))}`,
            { timeout: timeout.aborted, cause: error },
          );
        }
        return this.accept(response, text);
      },
      { policy: o.retry, log: o.log, operation: 'token request' },
    );
  }

  private accept(response: Response, text: string): CachedToken {
    const o = this.options;
    const where = `for client id ${o.clientId} at ${o.authUrl}`;
    if (response.status === 429) {
      throw new WizRateLimitError(`Wiz token endpoint rate-limited the request ${where}`, {
        status: 429,
        retryAfterMs: retryAfterHeaderMs(response.headers),
      });
    }
    if (response.status >= 500) {
      throw new WizHttpError(`Wiz token endpoint answered HTTP ${response.status} ${where}`, {
        status: response.status,
      });
    }
    if (!response.ok) {
      const detail = this.safe(text.slice(0, 300)).trim();
      throw new WizAuthError(
        `Wiz rejected the client credentials ${where} (HTTP ${response.status}` +
          `${detail ? `: ${detail}` : ''}). Check the client ID, client secret, audience and environment.`,
        { code: 'AUTH_FAILED', status: response.status },
      );
    }
    let parsed: { access_token?: unknown; expires_in?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch (error) {
      throw new WizAuthError(`Wiz token endpoint returned a body that is not JSON ${where}`, {
        status: response.status,
        cause: error,
      });
    }
    if (typeof parsed.access_token !== 'string' || parsed.access_token.length === 0) {
      throw new WizAuthError(`Wiz token endpoint returned no access_token ${where}`, {
        status: response.status,
      });
    }
    this.issued.push(parsed.access_token);
    if (this.issued.length > 20) this.issued.shift();
    const ttlMs =
      (typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : 900) * 1000;
    const token = {
      value: parsed.access_token,
      refreshAt: this.now() + ttlMs - Math.min(60_000, ttlMs / 10),
    };
    this.current = token;
    o.log('debug', 'Wiz access token obtained', { clientId: o.clientId, expiresInSeconds: ttlMs / 1000 });
    return token;
  }

  private safe(text: string): string {
    return redact(text, this.secrets());
  }
}

function errorMessage(error: unknown): string {
  if (error instanceof WizAbortError) return error.message;
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

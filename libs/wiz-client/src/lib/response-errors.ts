// Turns what the GraphQL endpoint answered into typed Wiz errors (wiz-api.md §5.2–5.3). GraphQL errors
// are failures whatever the HTTP status; `extensions.code` picks the class; 429 waits `extensions.retryAfter`,
// else the `Retry-After` header.
import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import {
  WizAbortError,
  WizAuthError,
  WizError,
  WizGraphQLError,
  type WizGraphQLErrorEntry,
  WizHttpError,
  WizNetworkError,
  WizRateLimitError,
} from './errors';

/** `Retry-After` as milliseconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterHeaderMs(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function normaliseEntries(raw: unknown): WizGraphQLErrorEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((e: unknown) => {
    const entry = (e ?? {}) as Partial<WizGraphQLErrorEntry>;
    return {
      message: typeof entry.message === 'string' ? entry.message : 'Unknown GraphQL error',
      path: entry.path,
      extensions: entry.extensions && typeof entry.extensions === 'object' ? entry.extensions : undefined,
    };
  });
}

export interface ErrorContext {
  status?: number;
  headers?: Headers;
  data?: unknown;
  /** Masks secrets in messages. */
  safe: (text: string) => string;
}

/** Classifies GraphQL `errors` entries into one typed error. */
export function fromGraphQLErrors(
  entries: readonly WizGraphQLErrorEntry[],
  ctx: ErrorContext,
  cause?: unknown,
): WizError {
  const codes = entries.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
  const message = ctx.safe(entries.map((e) => e.message).join('; ') || 'GraphQL request failed');
  const status = ctx.status;
  const requestId = ctx.headers?.get('x-request-id') ?? undefined;
  if (codes.includes('RATE_LIMIT_EXCEEDED') || status === 429) {
    const fromBody = entries
      .map((e) => e.extensions?.retryAfter)
      .find((r) => typeof r === 'number' && r >= 0);
    return new WizRateLimitError(`Wiz rate limit exceeded: ${message}`, {
      status,
      retryAfterMs: fromBody !== undefined ? Math.round(fromBody * 1000) : retryAfterHeaderMs(ctx.headers),
      cause,
    });
  }
  if (codes.includes('UNAUTHENTICATED') || (status === 401 && codes.length === 0)) {
    return new WizAuthError(`Wiz API refused the access token: ${message}`, {
      code: 'UNAUTHENTICATED',
      status,
      cause,
    });
  }
  if (
    codes.includes('UNAUTHORIZED') ||
    codes.includes('FORBIDDEN_IP') ||
    (status === 403 && codes.length === 0)
  ) {
    return new WizAuthError(
      `Wiz API denied the request (check the service account's read:vulnerabilities scope and IP allow-list): ${message}`,
      { code: codes.includes('FORBIDDEN_IP') ? 'FORBIDDEN_IP' : 'UNAUTHORIZED', status, cause },
    );
  }
  return new WizGraphQLError(`Wiz GraphQL error${codes[0] ? ` ${codes[0]}` : ''}: ${message}`, {
    errors: entries.map((e) => ({ ...e, message: ctx.safe(e.message) })),
    data: ctx.data,
    requestId,
    status,
    cause,
  });
}

/** Classifies a non-2xx HTTP answer (body may or may not be a GraphQL error document). */
export function fromHttpResponse(
  status: number,
  headers: Headers | undefined,
  bodyText: string,
  ctx: ErrorContext,
  cause?: unknown,
): WizError {
  let entries: WizGraphQLErrorEntry[] = [];
  let data: unknown;
  try {
    const body = JSON.parse(bodyText) as { errors?: unknown; data?: unknown };
    entries = normaliseEntries(body.errors);
    data = body.data;
  } catch {
    // Not JSON: a gateway page, classified by status alone.
  }
  if (entries.length > 0 || status === 429 || status === 401 || status === 403) {
    return fromGraphQLErrors(entries, { ...ctx, status, headers, data }, cause);
  }
  const snippet = ctx.safe(bodyText.replace(/\s+/g, ' ').slice(0, 200)).trim();
  return new WizHttpError(`Wiz API answered HTTP ${status}${snippet ? `: ${snippet}` : ''}`, {
    status,
    cause,
  });
}

/** Maps whatever Apollo rejected with. `aborted` / `timedOut` say which signal fired, if any. */
export function fromApolloError(
  error: unknown,
  ctx: ErrorContext & { aborted: boolean; timedOut: boolean; timeoutMs: number },
): WizError {
  if (error instanceof WizError) return error;
  if (ctx.aborted) return new WizAbortError(undefined, { cause: error });
  if (ctx.timedOut) {
    return new WizNetworkError(`Wiz API request timed out after ${ctx.timeoutMs} ms`, {
      timeout: true,
      cause: error,
    });
  }
  if (CombinedGraphQLErrors.is(error)) {
    return fromGraphQLErrors(normaliseEntries(error.errors), { ...ctx, data: error.data }, error);
  }
  if (ServerError.is(error)) {
    return fromHttpResponse(error.statusCode, error.response.headers, error.bodyText, ctx, error);
  }
  if (ServerParseError.is(error)) {
    const status = error.statusCode;
    if (status >= 400) return fromHttpResponse(status, error.response.headers, error.bodyText, ctx, error);
    return new WizNetworkError(`Wiz API returned a body that is not JSON (HTTP ${status})`, { cause: error });
  }
  const message = ctx.safe(error instanceof Error ? error.message : String(error));
  // fetch rejects with a TypeError (its cause carries ECONNRESET, ECONNREFUSED, ...): retriable.
  if (
    error instanceof TypeError ||
    (error instanceof Error && typeof (error as { code?: unknown }).code === 'string')
  ) {
    return new WizNetworkError(`Wiz API request failed: ${message}`, { cause: error });
  }
  // Anything else is unexpected: not retried, surfaced with its cause.
  return new WizHttpError(`Wiz API request failed unexpectedly: ${message}`, { status: 0, cause: error });
}

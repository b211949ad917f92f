// Typed errors of the Wiz client. `code` is the discriminant: the Wiz `extensions.code` when Wiz sent one
// (UNAUTHENTICATED, UNAUTHORIZED, BAD_USER_INPUT, RATE_LIMIT_EXCEEDED, INTERNAL, ...), otherwise one of
// the client's own codes below. Every error keeps its `cause`; messages are redacted before construction.

/** One entry of a GraphQL `errors` array, as Wiz sends it. */
export interface WizGraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; retryAfter?: number; [key: string]: unknown };
}

export abstract class WizError extends Error {
  abstract readonly code: string;
  /** True when repeating the same request may succeed. */
  readonly retriable: boolean = false;

  protected constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** Credentials rejected, token invalid/expired after one re-authentication, scope or IP refused. */
export class WizAuthError extends WizError {
  readonly code: 'AUTH_FAILED' | 'UNAUTHENTICATED' | 'UNAUTHORIZED' | 'FORBIDDEN_IP';
  readonly status: number | undefined;
  constructor(
    message: string,
    options: { code?: WizAuthError['code']; status?: number; cause?: unknown } = {},
  ) {
    super(message, options);
    this.code = options.code ?? 'AUTH_FAILED';
    this.status = options.status;
  }
}

/** HTTP 429 or RATE_LIMIT_EXCEEDED. `retryAfterMs` comes from `extensions.retryAfter` or `Retry-After`. */
export class WizRateLimitError extends WizError {
  readonly code = 'RATE_LIMIT_EXCEEDED';
  override readonly retriable = true;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;
  constructor(message: string, options: { retryAfterMs?: number; status?: number; cause?: unknown } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }
}

/** GraphQL `errors` in the response (HTTP 200 included): the request failed. */
export class WizGraphQLError extends WizError {
  readonly code: string;
  override readonly retriable: boolean;
  readonly errors: readonly WizGraphQLErrorEntry[];
  readonly data: unknown;
  readonly requestId: string | undefined;
  readonly status: number | undefined;
  constructor(
    message: string,
    options: {
      errors: readonly WizGraphQLErrorEntry[];
      data?: unknown;
      requestId?: string;
      status?: number;
      cause?: unknown;
    },
  ) {
    super(message, options);
    this.errors = options.errors;
    this.data = options.data ?? null;
    this.requestId = options.requestId;
    this.status = options.status;
    this.code = options.errors.find((e) => e.extensions?.code)?.extensions?.code ?? 'GRAPHQL_ERROR';
    this.retriable = this.code === 'INTERNAL' || (options.status !== undefined && options.status >= 500);
  }
}

/** A non-2xx HTTP answer without a usable GraphQL body. 5xx are retriable. */
export class WizHttpError extends WizError {
  readonly code = 'HTTP_ERROR';
  override readonly retriable: boolean;
  readonly status: number;
  constructor(message: string, options: { status: number; cause?: unknown }) {
    super(message, options);
    this.status = options.status;
    this.retriable = options.status >= 500 || options.status === 408;
  }
}

/** The connection failed or the request timed out. Retriable. */
export class WizNetworkError extends WizError {
  readonly code: 'NETWORK_ERROR' | 'TIMEOUT';
  override readonly retriable = true;
  constructor(message: string, options: { timeout?: boolean; cause?: unknown } = {}) {
    super(message, options);
    this.code = options.timeout ? 'TIMEOUT' : 'NETWORK_ERROR';
  }
}

/** The caller's AbortSignal fired. Never retried. */
export class WizAbortError extends WizError {
  readonly code = 'ABORTED';
  constructor(message = 'The Wiz request was aborted', options: { cause?: unknown } = {}) {
    super(message, options);
  }
}

/** A page said `hasNextPage` but its cursor did not advance (or repeated): the walk stops instead of looping. */
export class WizCursorError extends WizError {
  readonly code = 'CURSOR_NOT_ADVANCING';
  readonly cursor: string | null;
  constructor(message: string, options: { cursor: string | null; cause?: unknown }) {
    super(message, options);
    this.cursor = options.cursor;
  }
}

/** Invalid client options (environment, data center, URLs, page size). */
export class WizConfigError extends WizError {
  readonly code = 'INVALID_CONFIG';
  constructor(message: string) {
    super(message);
  }
}

export function isWizError(error: unknown): error is WizError {
  return error instanceof WizError;
}

// Typed errors of the ThreatConnect client. Every error carries a `code` discriminant, and its
// message is passed through `redactTc()` so no secret key, token or signature leaks into logs.

export type TcErrorCode =
  | 'http'
  | 'auth'
  | 'not_found'
  | 'conflict'
  | 'rate_limit'
  | 'tql'
  | 'envelope'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'batch_failed'
  | 'invalid_input';

const AUTH_HEADER = /\b(TC-Token|TC)\s+[^\s"',]+/g;

/** Removes secrets (given explicitly) and anything shaped like a ThreatConnect Authorization value. */
export function redactTc(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[REDACTED]');
  }
  return out.replace(AUTH_HEADER, (_m, scheme: string) => `${scheme} [REDACTED]`);
}

export interface TcErrorDetails {
  status?: number;
  errCode?: string;
  method?: string;
  path?: string;
  cause?: unknown;
}

export class TcError extends Error {
  readonly code: TcErrorCode;
  readonly status?: number;
  readonly errCode?: string;
  readonly method?: string;
  readonly path?: string;

  constructor(code: TcErrorCode, message: string, details: TcErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = details.status;
    this.errCode = details.errCode;
    this.method = details.method;
    this.path = details.path;
  }
}

/** Any non-2xx answer not covered by a more specific class. */
export class TcHttpError extends TcError {
  constructor(message: string, details: TcErrorDetails, code: TcErrorCode = 'http') {
    super(code, message, details);
  }
}
export class TcAuthError extends TcHttpError {
  constructor(message: string, details: TcErrorDetails) {
    super(message, details, 'auth');
  }
}
export class TcNotFoundError extends TcHttpError {
  constructor(message: string, details: TcErrorDetails) {
    super(message, details, 'not_found');
  }
}
export class TcConflictError extends TcHttpError {
  constructor(message: string, details: TcErrorDetails) {
    super(message, details, 'conflict');
  }
}
export class TcRateLimitError extends TcHttpError {
  constructor(message: string, details: TcErrorDetails) {
    super(message, details, 'rate_limit');
  }
}
/** ThreatConnect rejected a TQL query (errCode 0x2001). */
export class TcTqlError extends TcHttpError {
  constructor(message: string, details: TcErrorDetails) {
    super(message, details, 'tql');
  }
}
/** A 2xx answer that is not JSON or whose `status` is not "Success". */
export class TcEnvelopeError extends TcError {
  constructor(message: string, details: TcErrorDetails) {
    super('envelope', message, details);
  }
}
export class TcNetworkError extends TcError {
  constructor(message: string, details: TcErrorDetails) {
    super('network', message, details);
  }
}
export class TcTimeoutError extends TcError {
  constructor(message: string, details: TcErrorDetails) {
    super('timeout', message, details);
  }
}
export class TcAbortError extends TcError {
  constructor(message: string, details: TcErrorDetails = {}) {
    super('aborted', message, details);
  }
}
/** A batch job could not be created, uploaded or finished (not per-item errors: those are data). */
export class TcBatchFailedError extends TcError {
  readonly batchId?: number;
  constructor(message: string, details: TcErrorDetails & { batchId?: number }) {
    super('batch_failed', message, details);
    this.batchId = details.batchId;
  }
}
export class TcInvalidInputError extends TcError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

/** Builds the error for a non-2xx HTTP answer. */
export function tcErrorFromResponse(
  status: number,
  body: { errCode?: unknown; message?: unknown; description?: unknown } | undefined,
  details: { method: string; path: string; cause?: unknown },
  secrets: readonly string[],
): TcHttpError {
  const errCode = typeof body?.errCode === 'string' ? body.errCode : undefined;
  const tcMessage =
    typeof body?.message === 'string'
      ? body.message
      : typeof body?.description === 'string'
        ? body.description
        : '';
  const message = redactTc(
    `ThreatConnect ${details.method} ${details.path} failed with HTTP ${status}${errCode ? ` (${errCode})` : ''}${
      tcMessage ? `: ${tcMessage}` : ''
    }`,
    secrets,
  );
  const d: TcErrorDetails = { ...details, path: redactTc(details.path, secrets), status, errCode };
  if (status === 401 || status === 403) return new TcAuthError(message, d);
  if (status === 404) return new TcNotFoundError(message, d);
  if (status === 409) return new TcConflictError(message, d);
  if (status === 429) return new TcRateLimitError(message, d);
  if (status === 400 && (errCode === '0x2001' || /\bTQL\b/i.test(tcMessage)))
    return new TcTqlError(message, d);
  return new TcHttpError(message, d);
}

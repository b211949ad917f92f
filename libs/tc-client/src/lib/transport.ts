// One HTTP exchange with ThreatConnect: build the URL once, sign exactly that URL, send it, check the
// envelope, retry what is safe to retry, cap concurrency, honour AbortSignal and a per-attempt timeout.
import { authSecrets, tcAuthHeaders, type TcAuth } from './auth';
import { TcConcurrencyLimit } from './concurrency';
import {
  redactTc,
  TcAbortError,
  TcEnvelopeError,
  TcError,
  tcErrorFromResponse,
  TcNetworkError,
  TcTimeoutError,
} from './errors';
import { nodeGetWithBody, type TcGetWithBody, type TcRawResponse } from './get-with-body';
import { backoffDelay, parseRetryAfter, resolveRetryPolicy, sleep, type TcRetryPolicy } from './retry';

export interface TcLogger {
  debug?(message: string, meta?: Record<string, unknown>): void;
  info?(message: string, meta?: Record<string, unknown>): void;
  warn?(message: string, meta?: Record<string, unknown>): void;
  error?(message: string, meta?: Record<string, unknown>): void;
}

export type TcMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type TcQuery = [string, string | number | boolean][];

export interface TcRequest {
  method: TcMethod;
  /** Path below the base URL (`/v3/groups`), or an absolute `next` link on the same origin. */
  path: string;
  query?: TcQuery;
  json?: unknown;
  raw?: { data: string; contentType: string };
  /** Safe to send twice. Defaults: GET/PUT/DELETE yes, POST no (POSTs are then retried only on 429). */
  idempotent?: boolean;
  /** `success` (default): a 2xx body must be JSON with `status: "Success"`; `any`: any JSON or text. */
  envelope?: 'success' | 'any';
  /** Statuses handed back to the caller instead of thrown. */
  acceptStatus?: number[];
  signal?: AbortSignal;
  /** Incremented once per HTTP attempt. */
  counter?: { calls: number };
}

export interface TcResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TcTransportOptions {
  /** API root including `/api` (e.g. `https://app.threatconnect.com/api`); that prefix is signed. */
  baseUrl: string;
  auth: TcAuth;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Per attempt (default 60 s). */
  timeoutMs?: number;
  retry?: Partial<TcRetryPolicy>;
  logger?: TcLogger;
  fetch?: typeof fetch;
  /** Clock for the HMAC timestamp, in ms (tests). */
  now?: () => number;
  /** Query strings at least this long are sent as a GET with a JSON body. Default 2,000. */
  longQueryThreshold?: number;
  getWithBody?: TcGetWithBody;
}

export class TcTransport {
  readonly policy: TcRetryPolicy;
  private readonly base: URL;
  private readonly limit: TcConcurrencyLimit;
  private readonly secrets: string[];
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly longQueryThreshold: number;
  private readonly getWithBody: TcGetWithBody;

  constructor(private readonly options: TcTransportOptions) {
    let base: URL;
    try {
      base = new URL(options.baseUrl);
    } catch (cause) {
      throw new TcError('invalid_input', `baseUrl is not a valid URL`, { cause });
    }
    if (base.protocol !== 'https:' && base.protocol !== 'http:')
      throw new TcError('invalid_input', 'baseUrl must be http(s)');
    base.pathname = base.pathname.replace(/\/+$/, '');
    this.base = base;
    this.secrets = authSecrets(options.auth);
    this.policy = resolveRetryPolicy(options.retry);
    this.limit = new TcConcurrencyLimit(options.concurrency ?? 4);
    this.fetchFn = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.longQueryThreshold = options.longQueryThreshold ?? 2_000;
    this.getWithBody = options.getWithBody ?? nodeGetWithBody;
  }

  redact(text: string): string {
    return redactTc(text, this.secrets);
  }

  /** The final URL of a request: built once; what is signed is what is sent. */
  buildUrl(path: string, query: TcQuery = []): URL {
    let url: URL;
    if (/^https?:\/\//i.test(path)) {
      url = new URL(path);
      if (url.origin !== this.base.origin)
        throw new TcError('invalid_input', `refusing to follow a link to another origin (${url.origin})`);
    } else {
      const qs = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
      url = new URL(`${this.base.origin}${this.base.pathname}${path}${qs ? `?${qs}` : ''}`);
    }
    return url;
  }

  async request<T = unknown>(req: TcRequest): Promise<TcResponse<T>> {
    const url = this.buildUrl(req.path, req.query);
    const idempotent = req.idempotent ?? req.method !== 'POST';
    const label = this.redact(`${req.method} ${url.pathname}`);
    for (let attempt = 1; ; attempt++) {
      if (req.signal?.aborted)
        throw new TcAbortError(`ThreatConnect ${label} aborted`, { cause: req.signal.reason });
      let retryAfterMs: number | undefined;
      let failure: TcError;
      try {
        const raw = await this.limit.run(() => this.attempt(url, req), req.signal);
        const result = this.interpret<T>(raw, req, url);
        if (!(result instanceof TcError)) return result;
        failure = result;
        retryAfterMs = parseRetryAfter(raw.headers.get('retry-after'), this.now());
        const retryable =
          failure.status !== undefined &&
          this.policy.retryOnStatus.includes(failure.status) &&
          (idempotent || failure.status === 429);
        if (!retryable || attempt > this.policy.retries) throw failure;
      } catch (err) {
        if (!(err instanceof TcError) || err.status !== undefined || err instanceof TcAbortError) throw err;
        failure = err;
        const beforeSend =
          (err.cause as { cause?: { code?: string } } | undefined)?.cause?.code === 'ECONNREFUSED';
        if (!(idempotent || beforeSend) || attempt > this.policy.retries) throw err;
      }
      const delay = backoffDelay(this.policy, attempt, retryAfterMs);
      this.options.logger?.warn?.(
        this.redact(`ThreatConnect ${label}: ${failure.message}; retry ${attempt} in ${delay} ms`),
        {
          code: failure.code,
          status: failure.status,
        },
      );
      await sleep(delay, req.signal);
    }
  }

  private async attempt(url: URL, req: TcRequest): Promise<TcRawResponse> {
    const started = this.now();
    if (req.counter) req.counter.calls += 1;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const useBodyGet = req.method === 'GET' && url.search.length >= this.longQueryThreshold;
    const target = useBodyGet ? new URL(url.origin + url.pathname) : url;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...tcAuthHeaders(this.options.auth, target, req.method, this.now()),
    };
    try {
      let raw: TcRawResponse;
      if (useBodyGet) {
        raw = await this.getWithBody(
          target,
          headers,
          JSON.stringify({ data: queryToObject(url.searchParams) }),
          signal,
        );
      } else {
        let body: string | undefined;
        if (req.raw) {
          body = req.raw.data;
          headers['Content-Type'] = req.raw.contentType;
        } else if (req.json !== undefined) {
          body = JSON.stringify(req.json);
          headers['Content-Type'] = 'application/json';
        }
        const res = await this.fetchFn(target.href, { method: req.method, headers, body, signal });
        raw = { status: res.status, headers: res.headers, text: await res.text() };
      }
      this.options.logger?.debug?.(
        this.redact(`ThreatConnect ${req.method} ${target.pathname} -> ${raw.status}`),
        {
          ms: this.now() - started,
        },
      );
      return raw;
    } catch (cause) {
      const where = { method: req.method, path: this.redact(target.pathname), cause };
      if (req.signal?.aborted)
        throw new TcAbortError(`ThreatConnect ${req.method} ${where.path} aborted`, where);
      if (timeout.aborted)
        throw new TcTimeoutError(
          `ThreatConnect ${req.method} ${where.path} timed out after ${this.timeoutMs} ms`,
          where,
        );
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new TcNetworkError(
        this.redact(`ThreatConnect ${req.method} ${where.path} network error: ${detail}`),
        where,
      );
    }
  }

  private interpret<T>(raw: TcRawResponse, req: TcRequest, url: URL): TcResponse<T> | TcError {
    const body = parseBody(raw.text);
    const path = this.redact(url.pathname);
    if (raw.status >= 200 && raw.status < 300) {
      if ((req.envelope ?? 'success') === 'success') {
        const status = (body as { status?: unknown } | undefined)?.status;
        if (typeof body !== 'object' || body === null || status !== 'Success') {
          return new TcEnvelopeError(
            this.redact(
              `ThreatConnect ${req.method} ${path}: expected status "Success", got ${JSON.stringify(status ?? raw.text.slice(0, 200))}`,
            ),
            { method: req.method, path, status: raw.status },
          );
        }
      }
      return { status: raw.status, headers: raw.headers, body: body as T };
    }
    if (req.acceptStatus?.includes(raw.status))
      return { status: raw.status, headers: raw.headers, body: body as T };
    const errBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
    return tcErrorFromResponse(raw.status, errBody, { method: req.method, path }, this.secrets);
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function queryToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

// The simulator's internal request/response shapes (independent of node:http).

export interface SimRequest {
  method: string;
  /** Path below `/api` (e.g. `/v3/groups/12`). */
  path: string;
  /** Query parameters, or for a GET with a JSON body, that body's `data`. */
  params: URLSearchParams;
  body: unknown;
  rawBody: Buffer;
  contentType: string;
  /** `http://host:port` as the client reached us (for absolute `next` links). */
  origin: string;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Pre-encoded body (batch errors are gzip). */
  raw?: Buffer;
}

export const ok = (body: unknown, status = 200): SimResponse => ({ status, body });

// A fake `fetch` that answers from a script and records every request (octokit's injected fetch idea).
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export type ScriptedReply =
  | { status?: number; headers?: Record<string, string>; body: unknown }
  | ((
      request: RecordedRequest,
    ) => { status?: number; headers?: Record<string, string>; body: unknown } | Promise<never>);

export interface ScriptedFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/**
 * Answers requests to URLs containing `/oauth/token` with `token` replies and everything else with
 * `graphql` replies, in order (the last reply repeats). Honours the request's AbortSignal.
 */
export function scriptedFetch(script: { token?: ScriptedReply[]; graphql?: ScriptedReply[] }): ScriptedFetch {
  const requests: RecordedRequest[] = [];
  const queues = { token: [...(script.token ?? [tokenResponse()])], graphql: [...(script.graphql ?? [])] };
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const request: RecordedRequest = {
      url,
      method: init?.method ?? 'GET',
      headers: headersOf(init),
      body: typeof init?.body === 'string' ? init.body : '',
    };
    requests.push(request);
    if (init?.signal?.aborted) throw init.signal.reason;
    const queue = url.includes('/oauth/token') ? queues.token : queues.graphql;
    const next = queue.length > 1 ? queue.shift() : queue[0];
    if (!next) throw new Error(`scriptedFetch: no reply scripted for ${url}`);
    const reply = typeof next === 'function' ? await next(request) : next;
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(text, {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return { fetch: fake as typeof fetch, requests };
}

export function tokenResponse(accessToken = 'test-access-token-0001', expiresIn = 900): ScriptedReply {
  return { body: { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn } };
}

export function graphqlResponse(data: unknown, status = 200): ScriptedReply {
  return { status, body: { data } };
}

export function graphqlErrorResponse(
  code: string,
  options: { status?: number; message?: string; retryAfter?: number; headers?: Record<string, string> } = {},
): ScriptedReply {
  const extensions: Record<string, unknown> = { code };
  if (options.retryAfter !== undefined) extensions['retryAfter'] = options.retryAfter;
  return {
    status: options.status ?? 200,
    headers: options.headers,
    body: { errors: [{ message: options.message ?? code, extensions }], data: null },
  };
}

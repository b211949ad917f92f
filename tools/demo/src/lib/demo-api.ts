/** A minimal client of the engine's REST API for the launcher (fetch, bearer API key, JSON errors). */
export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DemoApiError';
  }
}

export class DemoApi {
  /** @param baseUrl e.g. http://127.0.0.1:3000/api/v1 (no trailing slash) */
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  get<T>(route: string): Promise<T> {
    return this.call<T>('GET', route);
  }

  post<T>(route: string, body: unknown): Promise<T> {
    return this.call<T>('POST', route, body);
  }

  patch<T>(route: string, body: unknown): Promise<T> {
    return this.call<T>('PATCH', route, body);
  }

  private async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (!response.ok) {
      let reason = text.slice(0, 500);
      try {
        const parsed = JSON.parse(text) as { message?: unknown };
        if (typeof parsed.message === 'string') reason = parsed.message;
      } catch {
        // not JSON: keep the text
      }
      throw new DemoApiError(response.status, `${method} ${route} answered ${response.status}: ${reason}`);
    }
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}

/** Polls `GET <origin>/api/v1/health/ready` until it answers 200, the deadline passes, or `alive()` turns false. */
export async function waitUntilReady(
  readyUrl: string,
  options: { timeoutMs: number; alive: () => boolean; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!options.alive()) throw new Error('the engine exited before it was ready (its log is above)');
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
  throw new Error(
    `the engine was not ready within ${Math.round(options.timeoutMs / 1000)} s (${readyUrl}: ${last})`,
  );
}

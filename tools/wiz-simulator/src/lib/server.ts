// `startWizSimulator`: a real HTTP server on loopback with the token endpoint (POST /oauth/token) and the
// GraphQL endpoint (POST /graphql, bearer token required), generated data, movable time and faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { FaultInjector } from './faults';
import { GraphQLEndpoint, toStoreFilter } from './graphql-endpoint';
import { FindingStore } from './store';
import { TokenAuthority } from './tokens';
import type { WizSimulator, WizSimulatorOptions, WizSimulatorStats } from './types';

const MAX_BODY = 1_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/html' : 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}): unknown => ({
  errors: [{ message, extensions: { code, ...extra } }],
  data: null,
});

export async function startWizSimulator(options: WizSimulatorOptions): Promise<WizSimulator> {
  const seed = options.seed ?? 1;
  const clientId = options.clientId ?? 'wiztc-simulator-client-id-0000000000000000000000000000'.slice(0, 53);
  const clientSecret = options.clientSecret ?? 'wiztc-simulator-secret-'.padEnd(64, 'x');
  const epochMs = options.now ? Date.parse(options.now) : Math.floor(Date.now() / 1000) * 1000;
  if (Number.isNaN(epochMs)) throw new RangeError(`now must be an ISO date-time, got ${options.now}`);
  const store = new FindingStore({
    seed,
    findingCount: options.findingCount,
    vulnerabilityCount: options.vulnerabilityCount,
    epochMs,
    exploitShare: options.exploitShare ?? 0.3,
    kevShare: options.kevShare ?? 0.05,
    portalHost: 'app.wiz.io',
    realtime: options.realtime ?? false,
  });
  const faults = new FaultInjector(seed, options.faults);
  const tokens = new TokenAuthority({
    clientId,
    clientSecret,
    audience: options.audience ?? 'wiz-api',
    ttlSeconds: options.tokenTtlSeconds ?? 900,
    dataCenter: options.dataCenter ?? 'us17',
  });
  const endpoint = new GraphQLEndpoint(store, {
    maxPageSize: options.maxPageSize ?? 5000,
    defaultPageSize: 50,
    stuckCursor: () => faults.current.stuckCursor,
  });
  const stats: WizSimulatorStats = { graphqlRequests: 0, tokenRequests: 0, rateLimited: 0, serverErrors: 0 };

  async function graphql(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    stats.graphqlRequests++;
    const auth = tokens.check(req.headers.authorization, faults.current.expireTokensAfterRequests);
    if (auth !== 'ok') {
      const message =
        auth === 'missing' ? 'Missing bearer token' : auth === 'expired' ? 'Token expired' : 'Invalid token';
      send(res, 401, errorBody('UNAUTHENTICATED', message));
      return;
    }
    const fault = faults.decide();
    if (fault.kind === 'rateLimit') {
      stats.rateLimited++;
      const headers: Record<string, string> = faults.current.retryAfterHeader
        ? { 'retry-after': String(Math.ceil(fault.retryAfterSeconds)) }
        : {};
      send(
        res,
        429,
        errorBody('RATE_LIMIT_EXCEEDED', 'Rate limit exceeded', { retryAfter: fault.retryAfterSeconds }),
        headers,
      );
      return;
    }
    if (fault.kind === 'serverError') {
      stats.serverErrors++;
      send(
        res,
        fault.status,
        fault.status === 500
          ? errorBody('INTERNAL', 'Internal server error')
          : '<html><body>Bad gateway</body></html>',
      );
      return;
    }
    if (faults.current.pageDelayMs > 0) await delay(faults.current.pageDelayMs);
    if (fault.kind === 'graphqlError') {
      send(
        res,
        200,
        errorBody('INTERNAL', 'An internal error occurred while resolving vulnerabilityFindings'),
      );
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      send(res, 400, errorBody('BAD_USER_INPUT', 'Body must be JSON'));
      return;
    }
    const answer = await endpoint.handle(parsed);
    send(res, answer.status, answer.body, { 'x-request-id': `sim-${stats.graphqlRequests}` });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    void (async () => {
      try {
        if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, { ok: true });
        if (req.method !== 'POST') return send(res, 405, { error: 'method_not_allowed' });
        const body = await readBody(req);
        if (url.pathname === '/oauth/token') {
          stats.tokenRequests++;
          const answer = tokens.issue(body, url.searchParams.get('audience'));
          return send(res, answer.status, answer.body);
        }
        if (url.pathname === '/graphql') return await graphql(req, res, body);
        return send(res, 404, { error: 'not_found' });
      } catch (error) {
        if (!res.headersSent)
          send(res, 500, errorBody('INTERNAL', error instanceof Error ? error.message : 'error'));
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url,
    authUrl: `${url}/oauth/token`,
    apiUrl: `${url}/graphql`,
    clientId,
    clientSecret,
    setFaults: (f) => faults.set(f),
    now: () => new Date(store.nowMs()).toISOString(),
    advance: (ms) => store.advance(ms),
    resolve: (ids) => store.resolve(ids),
    mutate: (count) => store.mutate(count),
    addFindings: (count, name) => store.addFindings(count, name),
    expectedIds: (query) => {
      const filter = toStoreFilter({
        status: query.statuses ?? ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'],
        updatedAt: { after: query.updatedAfter, before: query.updatedBefore },
        hasExploit: query.exploitFilter === 'hasExploit' ? true : undefined,
        hasCisaKevExploit: query.exploitFilter === 'cisaKev' ? true : undefined,
      });
      return store.ids(filter);
    },
    finding: (id) => {
      const index = store.indexOf(id);
      return index === undefined ? undefined : store.build(index);
    },
    stats: () => ({ ...stats }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// `startTcSimulator`: a real HTTP server standing in for ThreatConnect's REST API under `/api`, plus a
// test-only surface under `/_sim` (state, calls, faults, reset) that needs no authentication.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_TC_SIM_ATTRIBUTE_TYPES } from './attribute-types';
import { verifyTcAuth } from './hmac';
import type { SimRequest, SimResponse } from './http-types';
import { BatchRunner } from './routes-v2';
import { routeV3Objects } from './routes-v3';
import { routeV3Misc } from './routes-v3-misc';
import { SimHttpError, SimStore } from './store';
import { TqlError } from './tql';
import type { TcFaults, TcSimCall, TcSimulator, TcSimulatorOptions } from './types';

const NO_FAULTS: TcFaults = {
  rateLimitRate: 0,
  rateLimitNext: 0,
  retryAfterSeconds: 0,
  serverErrorRate: 0,
  serverErrorNext: 0,
  slowBatchMs: 0,
  batchErrorRate: 0,
  latencyMs: 0,
};

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const envelopeError = (status: number, message: string, errCode?: string): SimResponse => ({
  status,
  body: { ...(errCode ? { errCode } : {}), message, status: 'Error' },
});

export async function startTcSimulator(options: TcSimulatorOptions): Promise<TcSimulator> {
  const now = options.now ?? Date.now;
  const makeStore = (): SimStore =>
    new SimStore(
      now,
      options.organization,
      options.sources ?? [],
      options.communities ?? [],
      options.users ?? [],
      options.attributeTypes ?? DEFAULT_TC_SIM_ATTRIBUTE_TYPES,
    );
  const store = makeStore();
  let faults: TcFaults = { ...NO_FAULTS, ...options.faults };
  let random = mulberry32(options.seed ?? 1);
  let calls: TcSimCall[] = [];
  const auth = {
    accessId: options.accessId,
    secretKey: options.secretKey,
    tokens: new Set(options.tokens ?? []),
    now,
  };
  const batch = new BatchRunner(store, {
    processingDelayMs: options.batch?.processingDelayMs ?? 0,
    maxUploadBytes: options.batch?.maxUploadBytes ?? 75_000_000,
    faults: () => faults,
    random: () => random(),
  });

  const sim: TcSimulator = {
    url: '',
    port: 0,
    setFaults: (f) => {
      faults = { ...faults, ...f };
    },
    seedGroup(owner, g) {
      const grp = store.newGroup(store.owner(owner), g.type, g.name, g.xid);
      store.setTags(grp, g.tags, 'replace');
      return grp.id;
    },
    seedIndicator(owner, i) {
      const ind = store.newIndicator(store.owner(owner), i.type, i.summary);
      store.setTags(ind, i.tags, 'replace');
      return ind.id;
    },
    state: () => store.snapshot(),
    calls: () => calls.map((c) => ({ ...c })),
    reset() {
      batch.stop();
      store.clearObjects();
      calls = [];
      faults = { ...NO_FAULTS, ...options.faults };
      random = mulberry32(options.seed ?? 1);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        batch.stop();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };

  const injectFault = (): SimResponse | undefined => {
    if (faults.rateLimitNext > 0 || (faults.rateLimitRate > 0 && random() < faults.rateLimitRate)) {
      if (faults.rateLimitNext > 0) faults.rateLimitNext -= 1;
      return {
        ...envelopeError(429, 'Too Many Requests'),
        headers: { 'Retry-After': String(faults.retryAfterSeconds) },
      };
    }
    if (faults.serverErrorNext > 0 || (faults.serverErrorRate > 0 && random() < faults.serverErrorRate)) {
      if (faults.serverErrorNext > 0) {
        faults.serverErrorNext -= 1;
        return envelopeError(503, 'Service Unavailable');
      }
      const statuses = [500, 502, 503, 504];
      return envelopeError(
        statuses[Math.floor(random() * statuses.length)] as number,
        'Internal Server Error',
        '0x1007',
      );
    }
    return undefined;
  };

  const handleSim = (method: string, path: string, body: unknown): SimResponse => {
    if (method === 'GET' && path === '/_sim/state') return { status: 200, body: store.snapshot() };
    if (method === 'GET' && path === '/_sim/calls') return { status: 200, body: calls };
    if (method === 'POST' && path === '/_sim/reset') {
      sim.reset();
      return { status: 200, body: { status: 'Success' } };
    }
    if (method === 'POST' && path === '/_sim/faults') {
      sim.setFaults((body ?? {}) as Partial<TcFaults>);
      return { status: 200, body: faults };
    }
    return envelopeError(404, `No simulator route ${method} ${path}`);
  };

  const handleApi = (req: SimRequest): SimResponse => {
    try {
      const res = batch.route(req) ?? routeV3Misc(store, req) ?? routeV3Objects(store, req);
      return res ?? envelopeError(404, `No route for ${req.method} /api${req.path}`, '0x1004');
    } catch (err) {
      if (err instanceof SimHttpError) return envelopeError(err.status, err.message, err.errCode);
      if (err instanceof TqlError) return envelopeError(400, `Invalid TQL: ${err.message}`, '0x2001');
      return envelopeError(500, `Simulator error: ${(err as Error).message}`, '0x1007');
    }
  };

  const handle = async (hreq: IncomingMessage, hres: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const c of hreq) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks);
    const rawTarget = hreq.url ?? '/';
    const method = hreq.method ?? 'GET';
    const url = new URL(rawTarget, 'http://sim.invalid');
    const contentType = String(hreq.headers['content-type'] ?? '');
    let body: unknown;
    if (rawBody.length > 0 && contentType.includes('json')) {
      try {
        body = JSON.parse(rawBody.toString('utf8')) as unknown;
      } catch {
        body = undefined;
      }
    }
    let res: SimResponse;
    if (url.pathname.startsWith('/_sim/')) {
      res = handleSim(method, url.pathname, body);
    } else if (!url.pathname.startsWith('/api/')) {
      res = envelopeError(404, 'Not Found');
    } else {
      const verdict = verifyTcAuth(auth, method, rawTarget, hreq.headers);
      res = !verdict.ok
        ? envelopeError(verdict.status, verdict.message)
        : (injectFault() ??
          (() => {
            let params = url.searchParams;
            const data = (body as { data?: unknown } | undefined)?.data;
            if (method === 'GET' && url.search === '' && typeof data === 'object' && data !== null) {
              params = new URLSearchParams();
              for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
                for (const one of Array.isArray(v) ? v : [v]) params.append(k, String(one));
              }
            }
            const host = hreq.headers.host ?? `127.0.0.1:${sim.port}`;
            return handleApi({
              method,
              path: url.pathname.slice(4),
              params,
              body,
              rawBody,
              contentType,
              origin: `http://${host}`,
            });
          })());
      calls.push({ method, path: url.pathname, query: url.search, status: res.status });
    }
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    const headers: Record<string, string> = { ...(res.headers ?? {}) };
    let payload: Buffer;
    if (res.raw) payload = res.raw;
    else {
      payload = Buffer.from(res.body === undefined ? '' : JSON.stringify(res.body));
      headers['Content-Type'] ??= 'application/json';
    }
    headers['Content-Length'] = String(payload.length);
    hres.writeHead(res.status, headers);
    hres.end(payload);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'Error', message: String(err) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  sim.port = addr.port;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  sim.url = `http://${host}:${addr.port}/api`;
  return sim;
}

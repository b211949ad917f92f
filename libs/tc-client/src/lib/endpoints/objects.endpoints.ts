// Groups and indicators through v3: lookup by id or by xid within an owner, create, update with nested `mode`.
import { TcInvalidInputError } from '../errors';
import type {
  TcGroup,
  TcGroupCreate,
  TcGroupUpdate,
  TcIndicator,
  TcIndicatorUpdate,
} from '../model/object.model';
import { fieldsQuery } from '../pagination';
import type { TcQuery, TcTransport } from '../transport';
import { isIdempotentUpdate } from './idempotency';

export interface TcGetOptions {
  fields?: string[];
  signal?: AbortSignal;
}

interface One<T> {
  data: T;
}

function checkId(id: number, what: string): void {
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new TcInvalidInputError(`${what} id must be a positive integer, got ${id}`);
}

export function groupEndpoints(t: TcTransport) {
  return {
    /** `GET /v3/groups/{xid}?owner=` (xid is unique per owner); null when absent. */
    async getByXid(xid: string, owner: string, opts: TcGetOptions = {}): Promise<TcGroup | null> {
      if (!xid) throw new TcInvalidInputError('xid must not be empty');
      const query: TcQuery = [['owner', owner], ...fieldsQuery(opts.fields)];
      const res = await t.request<One<TcGroup>>({
        method: 'GET',
        path: `/v3/groups/${encodeURIComponent(xid)}`,
        query,
        acceptStatus: [404],
        signal: opts.signal,
      });
      return res.status === 404 ? null : res.body.data;
    },
    async get(id: number, opts: TcGetOptions = {}): Promise<TcGroup> {
      checkId(id, 'group');
      const res = await t.request<One<TcGroup>>({
        method: 'GET',
        path: `/v3/groups/${id}`,
        query: fieldsQuery(opts.fields),
        signal: opts.signal,
      });
      return res.body.data;
    },
    /** `POST /v3/groups?owner=`; not retried except on 429 (a duplicate xid would answer 409). */
    async create(owner: string, body: TcGroupCreate, signal?: AbortSignal): Promise<TcGroup> {
      const res = await t.request<One<TcGroup>>({
        method: 'POST',
        path: '/v3/groups',
        query: [['owner', owner]],
        json: body,
        signal,
      });
      return res.body.data;
    },
    async update(id: number, body: TcGroupUpdate, signal?: AbortSignal): Promise<TcGroup> {
      checkId(id, 'group');
      const res = await t.request<One<TcGroup>>({
        method: 'PUT',
        path: `/v3/groups/${id}`,
        json: body,
        idempotent: isIdempotentUpdate(body),
        signal,
      });
      return res.body.data;
    },
  };
}

export function indicatorEndpoints(t: TcTransport) {
  return {
    async get(id: number, opts: TcGetOptions = {}): Promise<TcIndicator> {
      checkId(id, 'indicator');
      const res = await t.request<One<TcIndicator>>({
        method: 'GET',
        path: `/v3/indicators/${id}`,
        query: fieldsQuery(opts.fields),
        signal: opts.signal,
      });
      return res.body.data;
    },
    async update(id: number, body: TcIndicatorUpdate, signal?: AbortSignal): Promise<TcIndicator> {
      checkId(id, 'indicator');
      const res = await t.request<One<TcIndicator>>({
        method: 'PUT',
        path: `/v3/indicators/${id}`,
        json: body,
        idempotent: isIdempotentUpdate(body),
        signal,
      });
      return res.body.data;
    },
  };
}

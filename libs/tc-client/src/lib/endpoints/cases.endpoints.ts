// Workflow cases: idempotent lookup by xid through TQL, create with xid, update.
import { TcConflictError, TcInvalidInputError } from '../errors';
import type { TcCase, TcCasePayload } from '../model/case.model';
import { fieldsQuery } from '../pagination';
import type { TcTransport } from '../transport';
import { isIdempotentUpdate } from './idempotency';
import { tqlString } from './tql';

interface One<T> {
  data: T;
}

export function caseEndpoints(t: TcTransport) {
  const findByXid = async (
    xid: string,
    opts: { fields?: string[]; signal?: AbortSignal } = {},
  ): Promise<TcCase | null> => {
    if (!xid) throw new TcInvalidInputError('xid must not be empty');
    const res = await t.request<{ data?: TcCase[] }>({
      method: 'GET',
      path: '/v3/cases',
      query: [['tql', `xid = ${tqlString(xid)}`], ...fieldsQuery(opts.fields), ['resultLimit', 2]],
      signal: opts.signal,
    });
    const found = res.body.data ?? [];
    if (found.length > 1)
      throw new TcConflictError(`more than one case has xid ${xid}`, { method: 'GET', path: '/v3/cases' });
    return found[0] ?? null;
  };

  return {
    findByXid,
    /**
     * `POST /v3/cases`. With an xid the create is safe to retry: a retry that meets 409 (the first
     * attempt did land) resolves to the case found by that xid.
     */
    async create(payload: TcCasePayload, signal?: AbortSignal): Promise<TcCase> {
      try {
        const res = await t.request<One<TcCase>>({
          method: 'POST',
          path: '/v3/cases',
          query: [
            ['fields', 'tags'],
            ['fields', 'attributes'],
          ],
          json: payload,
          idempotent: payload.xid !== undefined,
          signal,
        });
        return res.body.data;
      } catch (err) {
        if (err instanceof TcConflictError && payload.xid !== undefined) {
          const existing = await findByXid(payload.xid, { fields: ['tags', 'attributes'], signal });
          if (existing) return existing;
        }
        throw err;
      }
    },
    async update(id: number, payload: Partial<TcCasePayload>, signal?: AbortSignal): Promise<TcCase> {
      if (!Number.isSafeInteger(id) || id <= 0)
        throw new TcInvalidInputError(`case id must be a positive integer, got ${id}`);
      if (payload.xid !== undefined)
        throw new TcInvalidInputError('a case xid can only be set when the case is created');
      const res = await t.request<One<TcCase>>({
        method: 'PUT',
        path: `/v3/cases/${id}`,
        json: payload,
        idempotent: isIdempotentUpdate(payload),
        signal,
      });
      return res.body.data;
    },
  };
}

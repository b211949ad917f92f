// Attributes of cases, groups and indicators, addressed by their own id (`/v3/{case,group,indicator}Attributes`).
import { TcInvalidInputError } from '../errors';
import type { TcAttribute } from '../model/case.model';
import type { TcAttributeRecord } from '../model/object.model';
import type { TcTransport } from '../transport';

interface One<T> {
  data: T;
}

export interface TcAttributeEndpoints {
  /** Every attribute of the parent object (read through the parent with `fields=attributes`). */
  list(parentId: number, signal?: AbortSignal): Promise<TcAttributeRecord[]>;
  /** Adds one attribute. Not retried except on 429: ThreatConnect does not de-duplicate attributes. */
  create(parentId: number, attribute: TcAttribute, signal?: AbortSignal): Promise<TcAttributeRecord>;
  update(
    id: number,
    change: { value: string; source?: string },
    signal?: AbortSignal,
  ): Promise<TcAttributeRecord>;
  /** Deletes one attribute; one already gone (404) counts as deleted. */
  delete(id: number, signal?: AbortSignal): Promise<void>;
}

type Parent = 'case' | 'group' | 'indicator';

const PARENT_PATH: Record<Parent, string> = {
  case: '/v3/cases',
  group: '/v3/groups',
  indicator: '/v3/indicators',
};

function checkId(id: number, what: string): void {
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new TcInvalidInputError(`${what} id must be a positive integer, got ${id}`);
}

export function attributeEndpoints(t: TcTransport, parent: Parent): TcAttributeEndpoints {
  const path = `/v3/${parent}Attributes`;
  return {
    async list(parentId, signal) {
      checkId(parentId, parent);
      const res = await t.request<One<{ attributes?: { data?: TcAttributeRecord[] } }>>({
        method: 'GET',
        path: `${PARENT_PATH[parent]}/${parentId}`,
        query: [['fields', 'attributes']],
        signal,
      });
      return res.body.data.attributes?.data ?? [];
    },
    async create(parentId, attribute, signal) {
      checkId(parentId, parent);
      if (!attribute.type || typeof attribute.value !== 'string')
        throw new TcInvalidInputError('an attribute needs a type and a string value');
      // default/pinned do not apply to case attributes (threatconnect-api.md §3).
      const body: Record<string, unknown> = {
        [`${parent}Id`]: parentId,
        type: attribute.type,
        value: attribute.value,
      };
      if (attribute.source !== undefined) body['source'] = attribute.source;
      if (attribute.default !== undefined && parent !== 'case') body['default'] = attribute.default;
      const res = await t.request<One<TcAttributeRecord>>({ method: 'POST', path, json: body, signal });
      return res.body.data;
    },
    async update(id, change, signal) {
      checkId(id, 'attribute');
      const res = await t.request<One<TcAttributeRecord>>({
        method: 'PUT',
        path: `${path}/${id}`,
        json: change,
        signal,
      });
      return res.body.data;
    },
    async delete(id, signal) {
      checkId(id, 'attribute');
      await t.request({ method: 'DELETE', path: `${path}/${id}`, acceptStatus: [404], signal });
    },
  };
}

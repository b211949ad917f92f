// `createTcClient`: the ThreatConnect facade the engine uses. Transport concerns live in transport.ts;
// each endpoint family in endpoints/.
import { TcKeyedMutex } from './concurrency';
import { TcInvalidInputError } from './errors';
import { associationEndpoints, type TcObjectRef } from './endpoints/associations.endpoints';
import { attributeEndpoints, type TcAttributeEndpoints } from './endpoints/attributes.endpoints';
import { submitBatch, type TcBatchSubmitInput } from './endpoints/batch.endpoints';
import { caseEndpoints } from './endpoints/cases.endpoints';
import { groupEndpoints, indicatorEndpoints, type TcGetOptions } from './endpoints/objects.endpoints';
import { casesByXids, groupsByNames, type TcLookupOptions } from './endpoints/lookup.endpoints';
import { searchByTags, type TcTagSearch } from './endpoints/search.endpoints';
import { securityEndpoints } from './endpoints/security.endpoints';
import type { TcBatchSubmitResult } from './model/batch.model';
import type { TcCase, TcCasePayload } from './model/case.model';
import type {
  TcGroup,
  TcGroupCreate,
  TcGroupUpdate,
  TcIndicator,
  TcIndicatorUpdate,
  TcTaggedObject,
} from './model/object.model';
import type { TcAttributeType, TcOwner, TcUser } from './model/security.model';
import { TcTransport, type TcTransportOptions } from './transport';

/** How to reach ThreatConnect: see TcTransportOptions (base URL including `/api`, auth, limits, clock). */
export type TcClientOptions = Omit<TcTransportOptions, 'getWithBody'>;

export interface TcClient {
  owners(signal?: AbortSignal): Promise<TcOwner[]>;
  users(signal?: AbortSignal): Promise<TcUser[]>;
  attributeTypes(signal?: AbortSignal): Promise<TcAttributeType[]>;
  /** Uploads groups/indicators through v2 Batch; jobs for one owner run one at a time. */
  submitBatch(input: TcBatchSubmitInput): Promise<TcBatchSubmitResult>;
  groups: {
    getByXid(xid: string, owner: string, opts?: TcGetOptions): Promise<TcGroup | null>;
    get(id: number, opts?: TcGetOptions): Promise<TcGroup>;
    create(owner: string, body: TcGroupCreate, signal?: AbortSignal): Promise<TcGroup>;
    update(id: number, body: TcGroupUpdate, signal?: AbortSignal): Promise<TcGroup>;
    /** Groups of one type in one owner by name, a query per chunk of names (xid included in each group). */
    findByNames(
      names: readonly string[],
      where: { owner: string; type: string },
      opts?: TcLookupOptions,
    ): Promise<TcGroup[]>;
  };
  indicators: {
    get(id: number, opts?: TcGetOptions): Promise<TcIndicator>;
    update(id: number, body: TcIndicatorUpdate, signal?: AbortSignal): Promise<TcIndicator>;
  };
  cases: {
    findByXid(xid: string, opts?: TcGetOptions): Promise<TcCase | null>;
    /** Cases by xid, a query per chunk of xids. */
    findByXids(xids: readonly string[], opts?: TcLookupOptions): Promise<TcCase[]>;
    create(payload: TcCasePayload, signal?: AbortSignal): Promise<TcCase>;
    update(id: number, payload: Partial<TcCasePayload>, signal?: AbortSignal): Promise<TcCase>;
  };
  caseAttributes: TcAttributeEndpoints;
  groupAttributes: TcAttributeEndpoints;
  indicatorAttributes: TcAttributeEndpoints;
  associations: {
    add(from: TcObjectRef, to: TcObjectRef[], signal?: AbortSignal): Promise<void>;
    remove(from: TcObjectRef, to: TcObjectRef[], signal?: AbortSignal): Promise<void>;
  };
  searchByTags(query: TcTagSearch): AsyncIterable<TcTaggedObject>;
}

export function createTcClient(options: TcClientOptions): TcClient {
  const auth = options.auth as Partial<{ accessId: string; secretKey: string; token: string }>;
  if (auth.token === undefined && (!auth.accessId || !auth.secretKey)) {
    throw new TcInvalidInputError('auth needs either { accessId, secretKey } or { token }');
  }
  if (auth.token !== undefined && auth.token === '')
    throw new TcInvalidInputError('auth token must not be empty');
  return buildClient(new TcTransport(options));
}

function buildClient(t: TcTransport): TcClient {
  const security = securityEndpoints(t);
  const ownerLock = new TcKeyedMutex();
  const caseAttributes: TcAttributeEndpoints = attributeEndpoints(t, 'case');
  const groupAttributes: TcAttributeEndpoints = attributeEndpoints(t, 'group');
  const indicatorAttributes: TcAttributeEndpoints = attributeEndpoints(t, 'indicator');
  return {
    owners: security.owners,
    users: security.users,
    attributeTypes: security.attributeTypes,
    submitBatch: (input: TcBatchSubmitInput): Promise<TcBatchSubmitResult> =>
      ownerLock.run(input.owner, () => submitBatch(t, input)),
    groups: {
      ...groupEndpoints(t),
      findByNames: (names, where, opts) => groupsByNames(t, names, where, opts),
    },
    indicators: indicatorEndpoints(t),
    cases: { ...caseEndpoints(t), findByXids: (xids, opts) => casesByXids(t, xids, opts) },
    caseAttributes,
    groupAttributes,
    indicatorAttributes,
    associations: associationEndpoints(t),
    searchByTags: (query: TcTagSearch): AsyncIterable<TcTaggedObject> => searchByTags(t, query),
  };
}

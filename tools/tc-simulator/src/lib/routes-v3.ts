// v3 groups, indicators and cases: list with TQL, read by id (groups also by xid + owner), create, update.
import { ok, type SimRequest, type SimResponse } from './http-types';
import { applyNested } from './nested';
import { fieldsOf, page, render, TQL_KEYWORDS, tqlContext } from './render';
import { badRequest, notFound, SimHttpError, type SimStore } from './store';
import { compileTql } from './tql';
import type { TcSimCase, TcSimKind, TcSimObject } from './types';

type Item = Record<string, unknown>;
const SEVERITIES = ['Low', 'Medium', 'High', 'Critical'];
const STATUSES = ['Open', 'Closed'];

const collection = (store: SimStore, kind: TcSimKind): TcSimObject[] => [
  ...(kind === 'group' ? store.groups : kind === 'indicator' ? store.indicators : store.cases).values(),
];

function body(req: SimRequest): Item {
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))
    throw badRequest('A JSON object body is required');
  return req.body as Item;
}

function list(store: SimStore, req: SimRequest, kind: TcSimKind): SimResponse {
  let items = collection(store, kind);
  const owner = req.params.get('owner');
  if (owner !== null && kind !== 'case') {
    const o = store.owner(owner);
    items = items.filter((x) => x.ownerId === o.id);
  }
  const tql = req.params.get('tql');
  if (tql !== null && tql.trim() !== '') {
    const pred = compileTql(tql, TQL_KEYWORDS[kind]);
    items = items.filter((x) => pred(tqlContext(store, x)));
  }
  const fields = fieldsOf(req);
  return ok(
    page(
      req,
      items.map((x) => render(store, x, fields)),
    ),
  );
}

function find(store: SimStore, req: SimRequest, kind: TcSimKind, ref: string): TcSimObject {
  if (/^\d+$/.test(ref)) {
    const o = store.object(kind, Number(ref));
    if (o) return o;
    throw notFound(`${kind} ${ref} not found`);
  }
  if (kind === 'group') {
    const g = store.groupByXid(store.owner(req.params.get('owner') ?? undefined).id, ref);
    if (g) return g;
  }
  if (kind === 'case') {
    const c = store.caseByXid(ref);
    if (c) return c;
  }
  throw notFound(`${kind} ${ref} not found`);
}

function createGroup(store: SimStore, req: SimRequest): SimResponse {
  const b = body(req);
  const owner = store.owner(
    req.params.get('owner') ?? (typeof b['ownerName'] === 'string' ? b['ownerName'] : undefined),
  );
  if (typeof b['name'] !== 'string' || b['name'] === '') throw badRequest('name is required');
  if (typeof b['type'] !== 'string') throw badRequest('type is required');
  const xid = typeof b['xid'] === 'string' ? b['xid'] : undefined;
  if (xid !== undefined && store.groupByXid(owner.id, xid)) {
    throw new SimHttpError(409, '0x1006', 'An item already exists with the same unique information');
  }
  applyNested(store, probe(store, 'group'), b, true);
  const g = store.newGroup(owner, b['type'], b['name'], xid);
  setGroupDates(g, b);
  applyNested(store, g, b);
  return ok({ data: render(store, g, fieldsOf(req)), message: 'Created', status: 'Success' }, 201);
}

function setGroupDates(g: TcSimObject, b: Item): void {
  if (g.kind !== 'group') return;
  for (const f of [
    'externalDateAdded',
    'externalLastModified',
    'externalDateExpires',
    'firstSeen',
    'lastSeen',
  ] as const) {
    if (typeof b[f] === 'string') g[f] = b[f] as string;
  }
}

/** A throw-away object used to validate nested collections before creating the real one. */
function probe(store: SimStore, kind: TcSimKind): TcSimObject {
  const now = store.iso();
  const base = {
    id: -1,
    ownerId: 0,
    ownerName: '',
    tags: [],
    attributes: [],
    dateAdded: now,
    lastModified: now,
  };
  if (kind === 'case')
    return { ...base, kind, name: '', status: 'Open', severity: 'Low', resolution: 'Not Specified' };
  return { ...base, kind: 'group', type: 'Vulnerability', name: '', securityLabels: [] };
}

function checkCaseFields(store: SimStore, b: Item, creating: boolean): void {
  if (creating || b['severity'] !== undefined) {
    if (!SEVERITIES.includes(String(b['severity'])))
      throw badRequest(`severity must be one of ${SEVERITIES.join(', ')}`);
  }
  if (creating || b['status'] !== undefined) {
    if (!STATUSES.includes(String(b['status'])))
      throw badRequest(`status must be one of ${STATUSES.join(', ')}`);
  }
  if (creating && (typeof b['name'] !== 'string' || b['name'] === '')) throw badRequest('name is required');
  const a = b['assignee'] as { type?: unknown; data?: { userName?: unknown; id?: unknown } } | undefined;
  if (a !== undefined) {
    if (a.type === 'User') {
      const u = store.users.find((x) => x.userName === a.data?.userName || x.id === a.data?.id);
      if (!u) throw badRequest(`Assignee user ${JSON.stringify(a.data)} does not exist`);
    } else if (a.type !== 'Group' && a.type !== 'None') {
      throw badRequest('assignee.type must be User, Group or None');
    }
  }
}

function assignCase(c: TcSimCase, b: Item): void {
  if (typeof b['name'] === 'string') c.name = b['name'];
  if (typeof b['severity'] === 'string') c.severity = b['severity'];
  if (typeof b['status'] === 'string') c.status = b['status'];
  if (typeof b['resolution'] === 'string') c.resolution = b['resolution'];
  if (typeof b['description'] === 'string') c.description = b['description'];
  if (b['assignee'] !== undefined)
    c.assignee = (b['assignee'] as { type?: string }).type === 'None' ? undefined : b['assignee'];
}

function createCase(store: SimStore, req: SimRequest): SimResponse {
  const b = body(req);
  checkCaseFields(store, b, true);
  const xid = typeof b['xid'] === 'string' ? b['xid'] : undefined;
  if (xid !== undefined && store.caseByXid(xid))
    throw new SimHttpError(409, '0x1006', 'An item already exists with the same unique information');
  applyNested(store, probe(store, 'case'), b, true);
  const org = store.organization();
  const now = store.iso();
  const c: TcSimCase = {
    kind: 'case',
    id: store.id(),
    ownerId: org.id,
    ownerName: org.name,
    ...(xid === undefined ? {} : { xid }),
    name: '',
    status: 'Open',
    severity: 'Low',
    resolution: 'Not Specified',
    tags: [],
    attributes: [],
    dateAdded: now,
    lastModified: now,
  };
  assignCase(c, b);
  store.cases.set(c.id, c);
  applyNested(store, c, b);
  return ok({ data: render(store, c, fieldsOf(req)), message: 'Created', status: 'Success' }, 201);
}

function update(store: SimStore, req: SimRequest, kind: TcSimKind, ref: string): SimResponse {
  const obj = find(store, req, kind, ref);
  const b = body(req);
  if (obj.kind === 'case') {
    if (b['xid'] !== undefined) throw badRequest('xid cannot be updated on a case');
    checkCaseFields(store, b, false);
  }
  applyNested(store, obj, b);
  if (obj.kind === 'case') assignCase(obj, b);
  if (obj.kind === 'group') {
    if (typeof b['name'] === 'string' && b['name'] !== '') obj.name = b['name'];
    setGroupDates(obj, b);
  }
  if (obj.kind === 'indicator') {
    if (typeof b['rating'] === 'number') obj.rating = b['rating'];
    if (typeof b['confidence'] === 'number') obj.confidence = b['confidence'];
  }
  return ok({ data: render(store, obj, fieldsOf(req)), message: 'Updated', status: 'Success' });
}

const KINDS: Record<string, TcSimKind> = { groups: 'group', indicators: 'indicator', cases: 'case' };

export function routeV3Objects(store: SimStore, req: SimRequest): SimResponse | undefined {
  const m = /^\/v3\/(groups|indicators|cases)(?:\/([^/]+))?$/.exec(req.path);
  if (!m) return undefined;
  const kind = KINDS[m[1] as string] as TcSimKind;
  const ref = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
  if (ref === undefined) {
    if (req.method === 'GET') return list(store, req, kind);
    if (req.method === 'POST' && kind === 'group') return createGroup(store, req);
    if (req.method === 'POST' && kind === 'case') return createCase(store, req);
  } else {
    if (req.method === 'GET')
      return ok({ data: render(store, find(store, req, kind, ref), fieldsOf(req)), status: 'Success' });
    if (req.method === 'PUT') return update(store, req, kind, ref);
    if (req.method === 'DELETE') {
      store.deleteObject(find(store, req, kind, ref));
      return ok({ message: 'Deleted', status: 'Success' });
    }
  }
  throw new SimHttpError(405, '0x1005', `${req.method} not allowed on ${req.path}`);
}

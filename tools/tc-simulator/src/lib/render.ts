// v3 representations of stored objects, with the nested collections asked for through `fields`,
// the TQL view of each object, and list pagination (`resultStart`/`resultLimit`/`next`).
import type { SimRequest } from './http-types';
import { badRequest, type SimStore } from './store';
import type { TqlContext } from './tql';
import type { TcSimCase, TcSimGroup, TcSimIndicator, TcSimKind, TcSimObject } from './types';

export function render(store: SimStore, obj: TcSimObject, fields: string[]): Record<string, unknown> {
  let out: Record<string, unknown>;
  if (obj.kind === 'group') {
    out = {
      id: obj.id,
      type: obj.type,
      name: obj.name,
      xid: obj.xid,
      ownerId: obj.ownerId,
      ownerName: obj.ownerName,
      dateAdded: obj.dateAdded,
      lastModified: obj.lastModified,
    };
    if (fields.includes('externalDates')) {
      Object.assign(out, {
        externalDateAdded: obj.externalDateAdded,
        externalLastModified: obj.externalLastModified,
        externalDateExpires: obj.externalDateExpires,
      });
    }
  } else if (obj.kind === 'indicator') {
    out = {
      id: obj.id,
      type: obj.type,
      summary: obj.summary,
      xid: obj.xid,
      ownerId: obj.ownerId,
      ownerName: obj.ownerName,
      rating: obj.rating,
      confidence: obj.confidence,
      dateAdded: obj.dateAdded,
      lastModified: obj.lastModified,
    };
  } else {
    out = {
      id: obj.id,
      xid: obj.xid,
      name: obj.name,
      status: obj.status,
      severity: obj.severity,
      resolution: obj.resolution,
      description: obj.description,
      ownerId: obj.ownerId,
      ownerName: obj.ownerName,
      assignee: obj.assignee,
      dateAdded: obj.dateAdded,
      lastUpdated: obj.lastModified,
    };
  }
  if (fields.includes('tags')) out['tags'] = { data: obj.tags.map((name) => ({ name })) };
  if (fields.includes('attributes')) out['attributes'] = { data: obj.attributes.map((a) => ({ ...a })) };
  if (fields.includes('associatedGroups')) {
    out['associatedGroups'] = { data: store.associated(obj, 'group').map((id) => brief(store, 'group', id)) };
  }
  if (fields.includes('associatedIndicators')) {
    out['associatedIndicators'] = {
      data: store.associated(obj, 'indicator').map((id) => brief(store, 'indicator', id)),
    };
  }
  if (fields.includes('associatedCases')) {
    out['associatedCases'] = { data: store.associated(obj, 'case').map((id) => brief(store, 'case', id)) };
  }
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

function brief(store: SimStore, kind: TcSimKind, id: number): Record<string, unknown> {
  const o = store.object(kind, id);
  if (!o) return { id };
  if (o.kind === 'group') return { id, type: o.type, name: o.name, xid: o.xid, ownerName: o.ownerName };
  if (o.kind === 'indicator') return { id, type: o.type, summary: o.summary, ownerName: o.ownerName };
  return { id, name: o.name, xid: o.xid, status: o.status, severity: o.severity };
}

/** TQL keywords groups and indicators share. */
const OBJECT_KEYWORDS = [
  'id',
  'typename',
  'summary',
  'tag',
  'ownername',
  'owner',
  'xid',
  'hastag.name',
  'hascase.id',
  'hasgroup.id',
];

export const TQL_KEYWORDS: Record<TcSimKind, ReadonlySet<string>> = {
  group: new Set([...OBJECT_KEYWORDS, 'hasindicator.id']),
  indicator: new Set(OBJECT_KEYWORDS),
  case: new Set([
    'id',
    'xid',
    'name',
    'status',
    'severity',
    'tag',
    'ownername',
    'description',
    'hastag.name',
    'hasgroup.id',
    'hasindicator.id',
  ]),
};

const idCtx = (id: number): TqlContext => ({
  get: (k) => (k === 'id' ? [id] : undefined),
  sub: () => undefined,
});

export function tqlContext(store: SimStore, obj: TcSimObject): TqlContext {
  const g = obj as TcSimGroup;
  const i = obj as TcSimIndicator;
  const c = obj as TcSimCase;
  return {
    get(k) {
      switch (k) {
        case 'id':
          return [obj.id];
        case 'typename':
          return obj.kind === 'case' ? undefined : [g.type];
        case 'summary':
          return obj.kind === 'group' ? [g.name] : obj.kind === 'indicator' ? [i.summary] : undefined;
        case 'name':
          return obj.kind === 'case' ? [c.name] : undefined;
        case 'status':
          return obj.kind === 'case' ? [c.status] : undefined;
        case 'severity':
          return obj.kind === 'case' ? [c.severity] : undefined;
        case 'description':
          return obj.kind === 'case' ? [c.description ?? ''] : undefined;
        case 'tag':
          return obj.tags;
        case 'ownername':
          return [obj.ownerName];
        case 'owner':
          return [obj.ownerId];
        case 'xid':
          return [obj.xid ?? ''];
        default:
          return undefined;
      }
    },
    sub(fn) {
      if (fn === 'hastag')
        return obj.tags.map((t) => ({ get: (k) => (k === 'name' ? [t] : undefined), sub: () => undefined }));
      if (fn === 'hascase') return store.associated(obj, 'case').map(idCtx);
      if (fn === 'hasgroup') return store.associated(obj, 'group').map(idCtx);
      if (fn === 'hasindicator') return store.associated(obj, 'indicator').map(idCtx);
      return undefined;
    },
  };
}

/** A v3 list envelope for `items`, paged by `resultStart`/`resultLimit`, with an absolute `next`. */
export function page(req: SimRequest, items: unknown[]): Record<string, unknown> {
  const start = intParam(req, 'resultStart', 0);
  const limit = intParam(req, 'resultLimit', 100);
  if (limit < 1 || limit > 10_000) throw badRequest('resultLimit must be between 1 and 10000');
  const out: Record<string, unknown> = { data: items.slice(start, start + limit) };
  const link = (at: number): string => {
    const p = new URLSearchParams(req.params);
    p.set('resultStart', String(at));
    p.set('resultLimit', String(limit));
    return `${req.origin}/api${req.path}?${p.toString()}`;
  };
  if (start + limit < items.length) out['next'] = link(start + limit);
  if (start > 0) out['prev'] = link(Math.max(0, start - limit));
  if (req.params.get('count') === 'true' && start === 0) out['count'] = items.length;
  out['status'] = 'Success';
  return out;
}

function intParam(req: SimRequest, name: string, dflt: number): number {
  const raw = req.params.get(name);
  if (raw === null) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`${name} must be a non-negative integer`);
  return n;
}

export function fieldsOf(req: SimRequest): string[] {
  return req.params.getAll('fields').flatMap((f) => f.split(','));
}

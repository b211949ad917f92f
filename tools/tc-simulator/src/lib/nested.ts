// v3 nested collections with `mode` (append | replace | delete) on tags, attributes and associations
// (threatconnect-api.md §2.5). Everything is validated before anything changes.
import { badRequest, notFound, type SimStore } from './store';
import type { TcSimKind, TcSimObject } from './types';

type Nested = { data?: unknown; mode?: unknown } | undefined;
type Item = Record<string, unknown>;

const ASSOC: [string, TcSimKind][] = [
  ['associatedGroups', 'group'],
  ['associatedIndicators', 'indicator'],
  ['associatedCases', 'case'],
];

function mode(n: Nested, field: string): 'append' | 'replace' | 'delete' {
  const m = n?.mode ?? 'append';
  if (m !== 'append' && m !== 'replace' && m !== 'delete')
    throw badRequest(`Invalid mode "${String(m)}" for ${field}`);
  return m;
}

function items(n: Nested, field: string): Item[] {
  if (n === undefined) return [];
  if (typeof n !== 'object' || !Array.isArray(n.data)) throw badRequest(`${field} must be {"data": [...]}`);
  return n.data.filter((x): x is Item => typeof x === 'object' && x !== null);
}

/** With `validateOnly`, checks the body and changes nothing. */
export function applyNested(store: SimStore, obj: TcSimObject, body: Item, validateOnly = false): void {
  const plan: (() => void)[] = [];

  const tagsN = body['tags'] as Nested;
  if (tagsN !== undefined) {
    const m = mode(tagsN, 'tags');
    const names = items(tagsN, 'tags').map((t) => t['name']);
    if (names.some((n) => typeof n !== 'string' || n === '')) throw badRequest('Every tag needs a name');
    plan.push(() => store.setTags(obj, names as string[], m));
  }

  const attrsN = body['attributes'] as Nested;
  if (attrsN !== undefined) {
    const m = mode(attrsN, 'attributes');
    const list = items(attrsN, 'attributes');
    if (m === 'delete') {
      const ids = list.map((a) => a['id']);
      for (const id of ids) {
        if (typeof id !== 'number' || !obj.attributes.some((a) => a.id === id))
          throw badRequest(`Attribute ${String(id)} is not on this object`);
      }
      plan.push(() => ids.forEach((id) => store.removeAttribute(id as number)));
    } else {
      for (const a of list) {
        const problem = store.attributeProblem(a['type'], a['value']);
        if (problem) throw badRequest(problem);
      }
      plan.push(() => {
        if (m === 'replace') store.clearAttributes(obj);
        for (const a of list) store.addAttribute(obj, a);
      });
    }
  }

  for (const [field, kind] of ASSOC) {
    const n = body[field] as Nested;
    if (n === undefined) continue;
    const m = mode(n, field);
    const ids = items(n, field).map((x) => x['id']);
    for (const id of ids) {
      if (typeof id !== 'number') throw badRequest(`${field} items must reference an existing object by id`);
      if (m !== 'delete' && !store.object(kind, id)) throw notFound(`${kind} ${id} not found`);
    }
    plan.push(() => {
      if (m === 'replace') for (const id of store.associated(obj, kind)) store.dissociate(obj, kind, id);
      for (const id of ids as number[]) {
        if (m === 'delete') store.dissociate(obj, kind, id);
        else store.associate(obj, kind, id);
      }
    });
  }

  if (validateOnly) return;
  for (const step of plan) step();
  obj.lastModified = store.iso();
}

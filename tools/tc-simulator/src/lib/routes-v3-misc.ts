// v3 attribute endpoints (`/v3/{case,group,indicator}Attributes`), owners, users and attribute types.
import { ok, type SimRequest, type SimResponse } from './http-types';
import { page } from './render';
import { badRequest, notFound, SimHttpError, type SimStore } from './store';
import type { TcSimKind } from './types';

const PARENTS: Record<string, TcSimKind> = {
  caseAttributes: 'case',
  groupAttributes: 'group',
  indicatorAttributes: 'indicator',
};

export function routeV3Misc(store: SimStore, req: SimRequest): SimResponse | undefined {
  if (req.method === 'GET' && req.path === '/v3/security/owners') return ok(page(req, store.owners));
  if (req.method === 'GET' && req.path === '/v3/security/users') return ok(page(req, store.users));
  if (req.method === 'GET' && req.path === '/v3/attributeTypes') {
    return ok(
      page(
        req,
        store.attributeTypes.map((t) => ({ ...t, description: t.name, allowMarkdown: false })),
      ),
    );
  }
  const m = /^\/v3\/(caseAttributes|groupAttributes|indicatorAttributes)(?:\/(\d+))?$/.exec(req.path);
  if (!m) return undefined;
  const parentKind = PARENTS[m[1] as string] as TcSimKind;
  const id = m[2] === undefined ? undefined : Number(m[2]);
  const b = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;

  if (id === undefined && req.method === 'POST') {
    const parentId = b[`${parentKind}Id`];
    const parent = typeof parentId === 'number' ? store.object(parentKind, parentId) : undefined;
    if (!parent) throw badRequest(`${parentKind}Id must reference an existing ${parentKind}`);
    if (parentKind === 'case' && (b['default'] !== undefined || b['pinned'] !== undefined)) {
      throw badRequest('default and pinned do not apply to case attributes');
    }
    const attr = store.addAttribute(parent, b);
    return ok(
      { data: { ...attr, [`${parentKind}Id`]: parent.id }, message: 'Created', status: 'Success' },
      201,
    );
  }
  if (id === undefined) throw new SimHttpError(405, '0x1005', `${req.method} not allowed on ${req.path}`);

  const found = store.attribute(id);
  if (!found || found.obj.kind !== parentKind) throw notFound(`Attribute ${id} not found`);
  if (req.method === 'GET') return ok({ data: { ...found.attr }, status: 'Success' });
  if (req.method === 'DELETE') {
    store.removeAttribute(id);
    return ok({ message: 'Deleted', status: 'Success' });
  }
  if (req.method === 'PUT') {
    if (b['type'] !== undefined && b['type'] !== found.attr.type)
      throw badRequest('The type of an attribute cannot be changed');
    if (b['value'] !== undefined) {
      const problem = store.attributeProblem(found.attr.type, b['value']);
      if (problem) throw badRequest(problem);
      found.attr.value = b['value'] as string;
    }
    if (typeof b['source'] === 'string') found.attr.source = b['source'];
    found.attr.lastModified = store.iso();
    return ok({ data: { ...found.attr }, message: 'Updated', status: 'Success' });
  }
  throw new SimHttpError(405, '0x1005', `${req.method} not allowed on ${req.path}`);
}

// Associations between groups, indicators and cases. Only v3 associates across owners (a Source's
// group with the Organization's case), so this writes the nested `associated*` collection of one side.
import { TcInvalidInputError } from '../errors';
import type { TcTransport } from '../transport';

export type TcObjectKind = 'group' | 'indicator' | 'case';
export interface TcObjectRef {
  kind: TcObjectKind;
  id: number;
}

const PATH: Record<TcObjectKind, string> = {
  group: '/v3/groups',
  indicator: '/v3/indicators',
  case: '/v3/cases',
};
const FIELD: Record<TcObjectKind, string> = {
  group: 'associatedGroups',
  indicator: 'associatedIndicators',
  case: 'associatedCases',
};

export function associationEndpoints(t: TcTransport) {
  const write = async (
    from: TcObjectRef,
    to: TcObjectRef[],
    mode: 'append' | 'delete',
    signal?: AbortSignal,
  ): Promise<void> => {
    if (!Number.isSafeInteger(from.id) || from.id <= 0)
      throw new TcInvalidInputError(`bad ${from.kind} id ${from.id}`);
    if (from.kind === 'indicator' && to.some((x) => x.kind === 'indicator')) {
      throw new TcInvalidInputError(
        'indicator-to-indicator associations need a custom association type; not supported',
      );
    }
    const body: Record<string, { data: { id: number }[]; mode: string }> = {};
    for (const ref of to) {
      const field = FIELD[ref.kind];
      (body[field] ??= { data: [], mode }).data.push({ id: ref.id });
    }
    if (Object.keys(body).length === 0) return;
    // Set semantics: adding or removing the same association twice changes nothing, so retries are safe.
    await t.request({
      method: 'PUT',
      path: `${PATH[from.kind]}/${from.id}`,
      json: body,
      idempotent: true,
      signal,
    });
  };
  return {
    add: (from: TcObjectRef, to: TcObjectRef[], signal?: AbortSignal) => write(from, to, 'append', signal),
    remove: (from: TcObjectRef, to: TcObjectRef[], signal?: AbortSignal) => write(from, to, 'delete', signal),
  };
}

// Whether a v3 update may be sent twice: everything in ThreatConnect's nested `mode` model is a set
// operation except appending attributes, which does no de-duplication (threatconnect-api.md §2.5).
interface NestedLike {
  mode?: string;
  data?: unknown[];
}

export function isIdempotentUpdate(body: object): boolean {
  const attrs = (body as { attributes?: NestedLike }).attributes;
  if (attrs === undefined || (attrs.data ?? []).length === 0) return true;
  return attrs.mode === 'replace' || attrs.mode === 'delete';
}

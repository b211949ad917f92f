// Names a ThreatConnect HTTP call as the report counts it: a kind (batch, cases, attributes, search, …) and a
// route with ids folded (`POST /v3/cases`, `GET /v2/batch/:id`). A TQL `xid = …` lookup counts with its
// resource (a case found again by xid is a case call); a TQL over tags is a search. Ids and xids are folded.
export function callKind(call: { method: string; path: string; query: string }): {
  kind: string;
  route: string;
} {
  const path = call.path.replace(/^\/api/, '');
  const route = `${call.method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\/[^/]*%3A[^/]*(?=\/|$)/gi, '/:xid')}`;
  const resource = /^\/v[23]\/([A-Za-z]+)/.exec(path)?.[1] ?? 'other';
  if (resource === 'batch') return { kind: 'batch', route };
  const tql = new URLSearchParams(call.query).get('tql');
  if (tql !== null) {
    return /\bxid\s*=/.test(tql)
      ? { kind: resource, route: `${route} (tql xid)` }
      : { kind: 'search', route: `${route} (tql tags)` };
  }
  // A long TQL goes as a GET with a JSON body (no query string): only the tag search does that.
  if (call.method === 'GET' && call.query === '' && (resource === 'groups' || resource === 'indicators')) {
    return { kind: 'search', route: `${route} (tql tags in body)` };
  }
  if (/Attributes$/.test(resource)) return { kind: 'attributes', route };
  return { kind: resource, route };
}

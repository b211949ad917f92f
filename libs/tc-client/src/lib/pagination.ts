// v3 list pagination: follow the absolute `next` link until it is absent (tcex does the same).
import type { TcQuery, TcTransport } from './transport';

interface TcListPage<T> {
  data?: T[];
  next?: string;
}

export async function* tcPages<T>(
  transport: TcTransport,
  path: string,
  query: TcQuery,
  signal?: AbortSignal,
): AsyncGenerator<T[]> {
  let target: string | undefined = path;
  let q: TcQuery | undefined = query;
  const seen = new Set<string>();
  while (target !== undefined) {
    const res: { body: TcListPage<T> } = await transport.request<TcListPage<T>>({
      method: 'GET',
      path: target,
      query: q,
      signal,
    });
    yield res.body.data ?? [];
    const next: string | undefined = res.body.next;
    if (next === undefined || next === '') return;
    if (seen.has(next))
      throw new Error(
        `ThreatConnect pagination did not advance (${transport.redact(new URL(next).pathname)})`,
      );
    seen.add(next);
    target = next;
    q = undefined;
  }
}

export async function tcListAll<T>(
  transport: TcTransport,
  path: string,
  query: TcQuery,
  signal?: AbortSignal,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of tcPages<T>(transport, path, query, signal)) out.push(...page);
  return out;
}

/** `fields=a&fields=b` pairs. */
export function fieldsQuery(fields: readonly string[] | undefined): TcQuery {
  return (fields ?? []).map((f) => ['fields', f]);
}

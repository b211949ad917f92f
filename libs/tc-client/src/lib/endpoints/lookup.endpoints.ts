// Bulk look-ups that spare one request per object: groups of one owner and type by name, cases by xid. One
// TQL query per chunk, pages followed through `next`; long queries go out as a GET with a JSON body.
import { TcInvalidInputError } from '../errors';
import type { TcCase } from '../model/case.model';
import type { TcGroup } from '../model/object.model';
import { tcPages } from '../pagination';
import type { TcTransport } from '../transport';
import { tqlIn, tqlString } from './tql';

export interface TcLookupOptions {
  /** Values per query (default 100). */
  chunkSize?: number;
  signal?: AbortSignal;
}

async function collect<T>(
  t: TcTransport,
  path: string,
  values: readonly string[],
  tqlFor: (chunk: string[]) => string,
  opts: TcLookupOptions,
): Promise<T[]> {
  const chunkSize = opts.chunkSize ?? 100;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new TcInvalidInputError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const unique = [...new Set(values.filter((v) => v !== ''))];
  const found: T[] = [];
  for (let i = 0; i < unique.length; i += chunkSize) {
    const query: [string, string | number][] = [
      ['tql', tqlFor(unique.slice(i, i + chunkSize))],
      ['resultLimit', 1_000],
    ];
    for await (const page of tcPages<T>(t, path, query, opts.signal)) found.push(...page);
  }
  return found;
}

/** Groups of one type in one owner whose name is one of `names` (`summary in (...)`). */
export function groupsByNames(
  t: TcTransport,
  names: readonly string[],
  where: { owner: string; type: string },
  opts: TcLookupOptions = {},
): Promise<TcGroup[]> {
  return collect<TcGroup>(
    t,
    '/v3/groups',
    names,
    (chunk) =>
      `ownerName = ${tqlString(where.owner)} and typeName = ${tqlString(where.type)} and ${tqlIn('summary', chunk)}`,
    opts,
  );
}

/** Cases whose xid is one of `xids` (`xid in (...)`). */
export function casesByXids(
  t: TcTransport,
  xids: readonly string[],
  opts: TcLookupOptions = {},
): Promise<TcCase[]> {
  return collect<TcCase>(t, '/v3/cases', xids, (chunk) => tqlIn('xid', chunk), opts);
}

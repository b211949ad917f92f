// Tag search over groups and indicators in chosen owners: one TQL query per chunk of tags, pages
// followed through `next`; long queries go out as a GET with a JSON body (the transport decides).
import { TcInvalidInputError } from '../errors';
import type { TcTaggedObject, TcTagRecord } from '../model/object.model';
import { tcPages } from '../pagination';
import type { TcTransport } from '../transport';
import { tqlIn } from './tql';

export interface TcTagSearch {
  tags: string[];
  owners: string[];
  /** Group types to search; omitted = every type, `[]` = no groups. */
  groupTypes?: string[];
  /** Indicator types to search; omitted = every type, `[]` = no indicators. */
  indicatorTypes?: string[];
  /** Tags per query (default 100). */
  chunkSize?: number;
  /** Results per page (default 1,000; ThreatConnect allows up to 10,000). */
  pageSize?: number;
  /** `tag in (...)` (default) or `hasTag(name in (...))`. */
  tagKeyword?: 'tag' | 'hasTag';
  signal?: AbortSignal;
}

interface Found {
  id: number;
  type: string;
  name?: string;
  summary?: string;
  ownerName: string;
  tags?: { data?: TcTagRecord[] };
}

export function buildTagTql(
  owners: string[],
  types: string[] | undefined,
  tags: string[],
  keyword: 'tag' | 'hasTag',
): string {
  const parts = [tqlIn('ownerName', owners)];
  if (types !== undefined) parts.push(tqlIn('typeName', types));
  parts.push(keyword === 'tag' ? tqlIn('tag', tags) : `hasTag(${tqlIn('name', tags)})`);
  return parts.join(' and ');
}

export async function* searchByTags(t: TcTransport, q: TcTagSearch): AsyncGenerator<TcTaggedObject> {
  if (q.owners.length === 0) throw new TcInvalidInputError('searchByTags needs at least one owner');
  const chunkSize = q.chunkSize ?? 100;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new TcInvalidInputError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const pageSize = Math.min(q.pageSize ?? 1_000, 10_000);
  const tags = [...new Set(q.tags.filter((x) => x !== ''))];
  const seen = new Set<string>();
  const kinds: { kind: 'group' | 'indicator'; path: string; types?: string[] }[] = [
    { kind: 'group', path: '/v3/groups', types: q.groupTypes },
    { kind: 'indicator', path: '/v3/indicators', types: q.indicatorTypes },
  ];
  for (let i = 0; i < tags.length; i += chunkSize) {
    const chunk = tags.slice(i, i + chunkSize);
    for (const k of kinds) {
      if (k.types !== undefined && k.types.length === 0) continue;
      const tql = buildTagTql(q.owners, k.types, chunk, q.tagKeyword ?? 'tag');
      const query: [string, string | number][] = [
        ['tql', tql],
        ['fields', 'tags'],
        ['resultLimit', pageSize],
      ];
      for await (const page of tcPages<Found>(t, k.path, query, q.signal)) {
        for (const item of page) {
          const key = `${k.kind}:${item.id}`;
          if (seen.has(key)) continue;
          seen.add(key);
          yield {
            kind: k.kind,
            id: item.id,
            type: item.type,
            name: (k.kind === 'group' ? item.name : item.summary) ?? '',
            ownerName: item.ownerName,
            tags: (item.tags?.data ?? []).map((x) => x.name),
          };
        }
      }
    }
  }
}

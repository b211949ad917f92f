// Cursor pagination as an async iterator of pages (octokit plugin-paginate-graphql `iterator.ts`): each
// page exposes its cursor for checkpointing; `hasNextPage` is the only stop signal; a cursor that is null,
// unchanged or seen before while `hasNextPage` is true throws WizCursorError instead of looping forever.
import { throwIfAborted } from './abort';
import { WizCursorError } from './errors';

export interface RawPage<TNode> {
  nodes: TNode[] | null | undefined;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | null | undefined;
  totalCount?: number | null;
}

export interface Page<TNode> {
  nodes: TNode[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount?: number | null;
}

/** Walks from `start` (null = beginning), calling `fetchPage(after, isFirstRequest)` once per page. */
export async function* paginate<TNode>(
  fetchPage: (after: string | null, first: boolean) => Promise<RawPage<TNode>>,
  start: string | null,
  signal?: AbortSignal,
): AsyncGenerator<Page<TNode>, void, undefined> {
  const seen = new Set<string>();
  if (start !== null) seen.add(start);
  let after = start;
  for (let first = true; ; first = false) {
    throwIfAborted(signal);
    const raw = await fetchPage(after, first);
    const hasNextPage = raw.pageInfo?.hasNextPage === true;
    const endCursor = raw.pageInfo?.endCursor ?? null;
    if (hasNextPage) {
      if (endCursor === null) {
        throw new WizCursorError('Wiz said hasNextPage but sent no endCursor; the walk cannot continue', {
          cursor: after,
        });
      }
      if (seen.has(endCursor)) {
        throw new WizCursorError(
          `Wiz returned cursor ${JSON.stringify(endCursor)} again; stopping instead of looping`,
          { cursor: endCursor },
        );
      }
      seen.add(endCursor);
    }
    const page: Page<TNode> = { nodes: raw.nodes ?? [], endCursor, hasNextPage };
    if (first && raw.totalCount !== undefined) page.totalCount = raw.totalCount;
    yield page;
    if (!hasNextPage) return;
    after = endCursor;
  }
}

/** Collects at most `max` nodes (stripe `autoPagingToArray`); throws when there are more. */
export async function collectNodes<TNode>(pages: AsyncIterable<Page<TNode>>, max: number): Promise<TNode[]> {
  const out: TNode[] = [];
  for await (const page of pages) {
    if (out.length + page.nodes.length > max) {
      throw new RangeError(`More than ${max} findings; raise the limit or process page by page`);
    }
    out.push(...page.nodes);
  }
  return out;
}

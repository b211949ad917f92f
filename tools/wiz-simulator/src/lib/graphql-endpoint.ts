// Executes GraphQL requests with graphql-js against the store: honours the selection set and variables,
// defaults to OPEN-only without a status filter (as Wiz does), filters by updatedAt / hasExploit /
// hasCisaKevExploit / status / vulnerabilityExternalId, and pages with opaque cursors.
import type { WizFindingStatus } from '@wiztc/wiz-client/model';
import { execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { wizSchema } from './schema';
import type { FindingStore, StoreFilter } from './store';

export interface GraphQLAnswer {
  status: number;
  body: unknown;
}

interface FilterInput {
  status?: WizFindingStatus[] | null;
  updatedAt?: { after?: string | null; before?: string | null } | null;
  hasExploit?: boolean | null;
  hasCisaKevExploit?: boolean | null;
  vulnerabilityExternalId?: string[] | null;
}

export interface EndpointOptions {
  maxPageSize: number;
  defaultPageSize: number;
  stuckCursor: () => boolean;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export function encodeCursor(index: number): string {
  return Buffer.from(JSON.stringify({ fields: [{ Field: 'CreationOrder', Value: index }] })).toString(
    'base64',
  );
}

export function decodeCursor(cursor: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as {
      fields?: { Value?: unknown }[];
    };
    const value = parsed.fields?.[0]?.Value;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  } catch {
    // fall through
  }
  throw badInput(`Invalid cursor ${JSON.stringify(cursor)}`);
}

function dateMs(name: string, value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw badInput(`Invalid ${name} date ${JSON.stringify(value)}`);
  return ms;
}

export function toStoreFilter(input: FilterInput | null | undefined): StoreFilter {
  const statuses = input?.status && input.status.length > 0 ? input.status : (['OPEN'] as WizFindingStatus[]);
  const filter: StoreFilter = { statuses: new Set(statuses) };
  const afterMs = dateMs('updatedAt.after', input?.updatedAt?.after);
  const beforeMs = dateMs('updatedAt.before', input?.updatedAt?.before);
  if (afterMs !== undefined) filter.afterMs = afterMs;
  if (beforeMs !== undefined) filter.beforeMs = beforeMs;
  if (typeof input?.hasExploit === 'boolean') filter.hasExploit = input.hasExploit;
  if (typeof input?.hasCisaKevExploit === 'boolean') filter.hasCisaKevExploit = input.hasCisaKevExploit;
  if (input?.vulnerabilityExternalId && input.vulnerabilityExternalId.length > 0) {
    filter.externalIds = new Set(input.vulnerabilityExternalId);
  }
  return filter;
}

export class GraphQLEndpoint {
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  private readonly root: Record<string, unknown>;

  constructor(
    private readonly store: FindingStore,
    private readonly options: EndpointOptions,
  ) {
    this.root = {
      vulnerabilityFindings: (args: {
        filterBy?: FilterInput | null;
        first?: number | null;
        after?: string | null;
      }) => this.findings(args),
      vulnerabilityFinding: (args: { id: string }) => {
        const index = this.store.indexOf(args.id);
        return index === undefined ? null : this.store.build(index);
      },
    };
  }

  async handle(body: unknown): Promise<GraphQLAnswer> {
    const request = (body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
    if (typeof request.query !== 'string') {
      return {
        status: 400,
        body: { errors: [{ message: 'Missing query', extensions: { code: 'BAD_USER_INPUT' } }] },
      };
    }
    const document = this.document(request.query);
    if (!('kind' in document)) {
      return {
        status: 400,
        body: {
          errors: document.map((e) => ({
            message: e.message,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          })),
        },
      };
    }
    const result = await execute({
      schema: wizSchema(),
      document,
      rootValue: this.root,
      variableValues: (request.variables ?? {}) as Record<string, unknown>,
      operationName: typeof request.operationName === 'string' ? request.operationName : undefined,
    });
    if (result.errors?.length) {
      const errors = result.errors.map((e) => ({
        message: e.message,
        path: e.path,
        extensions: { code: 'INTERNAL', ...e.extensions },
      }));
      // Invalid variables never reach a resolver: Wiz reports them as validation failures.
      const invalidVariables = !result.data;
      return {
        status: invalidVariables ? 400 : 200,
        body: {
          errors: invalidVariables
            ? errors.map((e) => ({
                ...e,
                extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
              }))
            : errors,
          data: result.data ?? null,
        },
      };
    }
    return { status: 200, body: result };
  }

  private document(query: string): DocumentNode | readonly GraphQLError[] {
    let document = this.documents.get(query);
    if (!document) {
      try {
        const parsed = parse(query);
        const errors = validate(wizSchema(), parsed);
        document = errors.length > 0 ? errors : parsed;
      } catch (error) {
        document = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      if (this.documents.size > 100) this.documents.clear();
      this.documents.set(query, document);
    }
    return document;
  }

  private findings(args: {
    filterBy?: FilterInput | null;
    first?: number | null;
    after?: string | null;
  }): unknown {
    const first = args.first ?? this.options.defaultPageSize;
    if (first < 0) throw badInput('first must not be negative');
    if (first > this.options.maxPageSize) {
      throw badInput(`first (${first}) exceeds the maximum page size of ${this.options.maxPageSize}`);
    }
    const filter = toStoreFilter(args.filterBy);
    const afterIndex = args.after ? decodeCursor(args.after) : -1;
    const { indexes, hasNextPage } = this.store.page(filter, first, afterIndex);
    const last = indexes[indexes.length - 1];
    const endCursor =
      this.options.stuckCursor() && args.after ? args.after : last === undefined ? null : encodeCursor(last);
    const store = this.store;
    const key = JSON.stringify(args.filterBy ?? {});
    return {
      nodes: indexes.map((i) => store.build(i)),
      pageInfo: { hasNextPage: this.options.stuckCursor() ? true : hasNextPage, endCursor },
      // Computed only when selected (it scans the whole tenant, as it is expensive for Wiz too).
      totalCount: () => store.count(filter, key),
    };
  }
}

// `createWizClient`: the facade the engine uses. Factory, not singleton (style §2.5); URLs come from a
// validated environment + data center, or from a trusted override (simulator, proxy).
import { WizTokenProvider } from './auth';
import { normaliseEndpointOverride, wizEndpoints, type WizEndpoints, type WizEnvironment } from './endpoints';
import { WizAuthError, WizConfigError } from './errors';
import { redactingLog, type WizLogger } from './logger';
import type { WizExploitFilter, WizFindingStatus } from './model/finding.model';
import { WIZ_FINDING_STATUSES } from './model/finding.model';
import type { WizFindingsPageResult, WizFindingsQuery } from './model/findings-query.model';
import { paginate } from './pagination';
import {
  VULNERABILITY_FINDINGS_QUERY,
  type VulnerabilityFindingsVariables,
  type WizVulnerabilityFindingFilters,
} from './queries/vulnerability-findings.query';
import { rateGovernorFor, validateRequestsPerSecond } from './rate-governor';
import { resolveRetryPolicy, type WizRetryPolicy } from './retry';
import { WizTransport } from './transport';

export interface WizClientOptions {
  environment: WizEnvironment;
  dataCenter: string;
  clientId: string;
  clientSecret: string;
  /** OAuth audience; default 'wiz-api' ('beyond-api' for legacy Auth0 tenants). */
  audience?: string;
  /** Trusted server configuration only (simulator, proxy): replaces the computed URLs. */
  endpoints?: WizEndpoints;
  /** Shared by every client of this client id in the process; default 1, null = unlimited. */
  requestsPerSecond?: number | null;
  /** Per HTTP request; default 115 000 ms (Wiz's gateway cuts at about 120 s). */
  timeoutMs?: number;
  retry?: Partial<WizRetryPolicy>;
  logger?: WizLogger;
  fetch?: typeof fetch;
  /** Sent as User-Agent; default 'wiztc'. */
  userAgent?: string;
}

export interface WizClient {
  /** Pages of findings for the query, first to last; resumable from any page's `endCursor`. */
  vulnerabilityFindings(query: WizFindingsQuery): AsyncIterable<WizFindingsPageResult>;
  /** Fetches a token; rejects with WizAuthError (clear message, no secret) when the credentials are refused. */
  verifyCredentials(signal?: AbortSignal): Promise<void>;
}

export const DEFAULT_PAGE_SIZE = 500;
export const DEFAULT_TIMEOUT_MS = 115_000;

function requireText(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new WizConfigError(`Wiz ${name} is required`);
  }
  return value;
}

function isoOrThrow(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw new WizConfigError(`${name} must be an ISO-8601 date-time, got ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}

/** Validates a query and turns it into the Wiz `filterBy` input. */
export function findingsFilter(query: WizFindingsQuery): WizVulnerabilityFindingFilters {
  const after = isoOrThrow('updatedAfter', query.updatedAfter);
  const before = isoOrThrow('updatedBefore', query.updatedBefore);
  if (after && before && Date.parse(after) >= Date.parse(before)) {
    throw new WizConfigError(`updatedAfter (${after}) must be earlier than updatedBefore (${before})`);
  }
  const statuses = query.statuses ?? [...WIZ_FINDING_STATUSES];
  if (statuses.length === 0 || statuses.some((s) => !WIZ_FINDING_STATUSES.includes(s))) {
    throw new WizConfigError(`statuses must be a non-empty subset of ${WIZ_FINDING_STATUSES.join(', ')}`);
  }
  const exploit: WizExploitFilter = query.exploitFilter ?? 'none';
  const filter: WizVulnerabilityFindingFilters = { status: [...new Set<WizFindingStatus>(statuses)] };
  if (after || before) filter.updatedAt = { ...(after ? { after } : {}), ...(before ? { before } : {}) };
  if (exploit === 'hasExploit') filter.hasExploit = true;
  else if (exploit === 'cisaKev') filter.hasCisaKevExploit = true;
  else if (exploit !== 'none') throw new WizConfigError(`Unknown exploitFilter ${JSON.stringify(exploit)}`);
  return filter;
}

export function createWizClient(options: WizClientOptions): WizClient {
  const clientId = requireText('clientId', options.clientId);
  const clientSecret = requireText('clientSecret', options.clientSecret);
  const endpoints = options.endpoints
    ? normaliseEndpointOverride(options.endpoints)
    : wizEndpoints(options.environment, options.dataCenter);
  const retry = resolveRetryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new WizConfigError('timeoutMs must be positive');
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const rps = validateRequestsPerSecond(
    options.requestsPerSecond === undefined ? 1 : options.requestsPerSecond,
  );

  const secrets: { provider?: WizTokenProvider } = {};
  const log = redactingLog(options.logger, () => secrets.provider?.secrets() ?? [clientSecret]);
  const tokens = new WizTokenProvider({
    authUrl: endpoints.authUrl,
    clientId,
    clientSecret,
    audience: options.audience ?? 'wiz-api',
    fetch: fetchImpl,
    timeoutMs,
    retry,
    log,
  });
  secrets.provider = tokens;
  const transport = new WizTransport({
    apiUrl: endpoints.apiUrl,
    fetch: fetchImpl,
    tokens,
    governor: rateGovernorFor(clientId, rps),
    timeoutMs,
    retry,
    log,
    userAgent: options.userAgent ?? 'wiztc',
  });

  return {
    vulnerabilityFindings(query: WizFindingsQuery): AsyncIterable<WizFindingsPageResult> {
      const filterBy = findingsFilter(query);
      const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
      if (!Number.isInteger(pageSize) || pageSize < 1) {
        throw new WizConfigError(`pageSize must be a positive integer, got ${String(pageSize)}`);
      }
      const includeTotalCount = query.includeTotalCount ?? true;
      const signal = query.signal;
      return paginate(
        async (after, first) => {
          const variables: VulnerabilityFindingsVariables = {
            filterBy,
            first: pageSize,
            after,
            includeTotalCount: includeTotalCount && first,
          };
          const data = await transport.query(
            VULNERABILITY_FINDINGS_QUERY,
            variables,
            'vulnerabilityFindings page',
            signal,
          );
          log('debug', 'Wiz findings page received', {
            count: data.vulnerabilityFindings.nodes?.length ?? 0,
          });
          return data.vulnerabilityFindings;
        },
        query.after ?? null,
        signal,
      );
    },

    async verifyCredentials(signal?: AbortSignal): Promise<void> {
      try {
        await tokens.refresh(signal);
      } catch (error) {
        if (error instanceof WizAuthError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new WizAuthError(`Could not verify the Wiz credentials for client id ${clientId}: ${reason}`, {
          code: 'AUTH_FAILED',
          cause: error,
        });
      }
    },
  };
}

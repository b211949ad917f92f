// Public types of the Wiz simulator.
import type { WizExploitFilter, WizFindingStatus, WizVulnerabilityFinding } from '@wiztc/wiz-client/model';

export interface WizFaults {
  /** Above this many GraphQL requests per second: 429 + RATE_LIMIT_EXCEEDED + retryAfter. null = no limit. */
  requestsPerSecond: number | null;
  /** Share of GraphQL requests answered 500/502/503. */
  serverErrorRate: number;
  /** Share answered HTTP 200 with `errors` (INTERNAL) and no data. */
  graphqlErrorRate: number;
  /** Share answered 429 regardless of the rate. */
  rateLimitRate: number;
  /** Delay before every GraphQL answer. */
  pageDelayMs: number;
  /** A token stops working after serving this many GraphQL requests (401 UNAUTHENTICATED). */
  expireTokensAfterRequests: number | null;
  /** `extensions.retryAfter` (seconds) sent with random 429s. */
  retryAfterSeconds: number;
  /** Also send a `Retry-After` header with 429s. */
  retryAfterHeader: boolean;
  /** Pages repeat the incoming cursor as endCursor while saying hasNextPage (a broken server). */
  stuckCursor: boolean;
}

export interface WizSimulatorOptions {
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: number;
  findingCount: number;
  vulnerabilityCount: number;
  clientId?: string;
  clientSecret?: string;
  /** Required audience; default 'wiz-api'. */
  audience?: string;
  /** Default 900. */
  tokenTtlSeconds?: number;
  /** Simulated "now" (ISO); base updatedAt values are spread over the 60 days before it. Default: wall clock. */
  now?: string;
  /** Simulated time also follows the wall clock (for the demo). Default false: it moves on advance() only. */
  realtime?: boolean;
  /** `first` above this -> BAD_USER_INPUT. Default 5000. */
  maxPageSize?: number;
  /** Share of vulnerabilities with a known exploit (default 0.3) and in CISA KEV (default 0.05). */
  exploitShare?: number;
  kevShare?: number;
  /** Data-center claim in tokens; default 'us17'. */
  dataCenter?: string;
  faults?: Partial<WizFaults>;
}

export interface WizExpectedQuery {
  updatedAfter?: string;
  updatedBefore?: string;
  exploitFilter?: WizExploitFilter;
  /** Default all four (what the client asks for). */
  statuses?: WizFindingStatus[];
}

export interface WizSimulatorStats {
  graphqlRequests: number;
  tokenRequests: number;
  rateLimited: number;
  serverErrors: number;
}

export interface WizSimulator {
  /** Base URL, e.g. http://127.0.0.1:43123 */
  url: string;
  authUrl: string;
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  setFaults(faults: Partial<WizFaults>): void;
  now(): string;
  advance(ms: number): void;
  resolve(findingIds: string[]): void;
  mutate(count: number): string[];
  addFindings(count: number, vulnerabilityName?: string): string[];
  expectedIds(query: WizExpectedQuery): string[];
  finding(id: string): WizVulnerabilityFinding | undefined;
  stats(): WizSimulatorStats;
  close(): Promise<void>;
}

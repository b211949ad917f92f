// Public types of the ThreatConnect simulator. It depends on nothing in the workspace (the client's
// specs start it, so importing the client here would make a dependency cycle).

export interface TcSimAttributeTypeSpec {
  name: string;
  maxSize: number;
}

export interface TcFaults {
  /** Share (0..1) of API requests answered 429. */
  rateLimitRate: number;
  /** The next N API requests are answered 429 (counts down). */
  rateLimitNext: number;
  /** `Retry-After` seconds sent with a 429 (default 0). */
  retryAfterSeconds: number;
  /** Share (0..1) of API requests answered 500/502/503/504. */
  serverErrorRate: number;
  /** The next N API requests are answered 503 (counts down). */
  serverErrorNext: number;
  /** Extra time a batch job stays Running, in ms. */
  slowBatchMs: number;
  /** Share (0..1) of batch items that fail with a General (0x1001) error. */
  batchErrorRate: number;
  /** Delay added to every API answer, in ms. */
  latencyMs: number;
}

export interface TcSimulatorOptions {
  port?: number;
  host?: string;
  accessId: string;
  secretKey: string;
  tokens?: string[];
  /** Name of the Organization owner (the API user's own). */
  organization: string;
  sources?: string[];
  communities?: string[];
  /** User names. */
  users?: string[];
  /** Attribute types known to the instance; default: every type wiztc writes. */
  attributeTypes?: TcSimAttributeTypeSpec[];
  batch?: { processingDelayMs?: number; maxUploadBytes?: number };
  faults?: Partial<TcFaults>;
  /** Seed of the fault dice (default 1). */
  seed?: number;
  /** Clock (ms) for the 5-minute HMAC window and timestamps. */
  now?: () => number;
}

export interface TcSimAttribute {
  id: number;
  type: string;
  value: string;
  source?: string;
  default: boolean;
  pinned: boolean;
  dateAdded: string;
  lastModified: string;
}

export type TcSimKind = 'group' | 'indicator' | 'case';

export interface TcSimAssociations {
  groups: number[];
  indicators: number[];
  cases: number[];
}

interface TcSimObjectBase {
  id: number;
  ownerId: number;
  ownerName: string;
  xid?: string;
  tags: string[];
  attributes: TcSimAttribute[];
  dateAdded: string;
  lastModified: string;
}

export interface TcSimGroup extends TcSimObjectBase {
  kind: 'group';
  type: string;
  name: string;
  externalDateAdded?: string;
  externalLastModified?: string;
  externalDateExpires?: string;
  firstSeen?: string;
  lastSeen?: string;
  securityLabels: string[];
}

export interface TcSimIndicator extends TcSimObjectBase {
  kind: 'indicator';
  type: string;
  summary: string;
  rating?: number;
  confidence?: number;
}

export interface TcSimCase extends TcSimObjectBase {
  kind: 'case';
  name: string;
  status: string;
  severity: string;
  resolution: string;
  description?: string;
  assignee?: unknown;
}

export type TcSimObject = TcSimGroup | TcSimIndicator | TcSimCase;

export interface TcSimBatchJob {
  id: number;
  owner: string;
  settings: Record<string, unknown>;
  status: 'Created' | 'Queued' | 'Running' | 'Completed';
  itemCount: number;
  successCount: number;
  errorCount: number;
  unprocessCount: number;
  successGroupCount: number;
  errorGroupCount: number;
  successIndicatorCount: number;
  errorIndicatorCount: number;
  errors: { errorReason: string; errorSource: string }[];
}

export interface TcSimOwner {
  id: number;
  name: string;
  type: 'Organization' | 'Source' | 'Community';
}

export interface TcSimState {
  owners: TcSimOwner[];
  users: { id: number; userName: string }[];
  attributeTypes: { id: number; name: string; maxSize: number }[];
  groups: (TcSimGroup & { associations: TcSimAssociations })[];
  indicators: (TcSimIndicator & { associations: TcSimAssociations })[];
  cases: (TcSimCase & { associations: TcSimAssociations })[];
  batchJobs: TcSimBatchJob[];
}

export interface TcSimCall {
  method: string;
  path: string;
  query: string;
  status: number;
}

export interface TcSimulator {
  /** Base URL including `/api`; give it to `createTcClient` as `baseUrl`. */
  url: string;
  port: number;
  setFaults(f: Partial<TcFaults>): void;
  seedGroup(owner: string, g: { type: string; name: string; tags: string[]; xid?: string }): number;
  seedIndicator(owner: string, i: { type: string; summary: string; tags: string[] }): number;
  state(): TcSimState;
  calls(): TcSimCall[];
  reset(): void;
  close(): Promise<void>;
}

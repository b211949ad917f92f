// ThreatConnect payload shapes wiztc writes. Source: shared reference threatconnect-api.md §2–4.

/** An attribute in a v2 batch file (`displayed` marks the default Description/Source). */
export interface TcBatchAttribute {
  type: string;
  value: string;
  displayed?: boolean;
  pinned?: boolean;
  source?: string;
}

export interface TcTag {
  name: string;
}

export interface TcSecurityLabel {
  name: string;
  color?: string;
  description?: string;
}

/** A group in a v2 batch file; `xid` is the upsert key within the owner. */
export interface TcBatchGroup {
  type: string;
  name: string;
  xid: string;
  attribute: TcBatchAttribute[];
  tag: TcTag[];
  securityLabel?: TcSecurityLabel[];
  associatedGroupXid?: string[];
  externalDateAdded?: string;
  externalLastModified?: string;
  externalDateExpires?: string;
  firstSeen?: string;
  lastSeen?: string;
}

export interface TcBatchIndicator {
  type: string;
  summary: string;
  xid?: string;
  rating?: number;
  confidence?: number;
  attribute?: TcBatchAttribute[];
  tag?: TcTag[];
  associatedGroups?: { groupXid: string }[];
}

/** The body uploaded to `POST /v2/batch/{id}`. */
export interface TcBatchData {
  group?: TcBatchGroup[];
  indicator?: TcBatchIndicator[];
}

export type TcAttributeWriteType = 'Append' | 'Replace' | 'Singleton' | 'Static';
export type TcTagWriteType = 'Append' | 'Replace';

/** Settings of `POST /v2/batch`. */
export interface TcBatchJobSettings {
  version: 'V2';
  owner: string;
  haltOnError: boolean;
  action: 'Create' | 'Delete';
  attributeWriteType: TcAttributeWriteType;
  tagWriteType?: TcTagWriteType;
  securityLabelWriteType?: TcTagWriteType;
  playbookTriggersEnabled?: boolean;
}

export type TcBatchStatusName = 'Created' | 'Queued' | 'Running' | 'Completed';

export interface TcBatchStatus {
  id: number;
  status: TcBatchStatusName;
  errorCount: number;
  successCount: number;
  unprocessCount: number;
  errorGroupCount?: number;
  successGroupCount?: number;
  errorIndicatorCount?: number;
  successIndicatorCount?: number;
}

/** One row of `GET /v2/batch/{id}/errors`. */
export interface TcBatchError {
  errorCode: string;
  errorReason: string;
  errorMessage?: string;
  /** The job that reported the error (set by `submitBatch`). */
  batchId?: number;
  /** ThreatConnect's `errorSource` (the offending item, as text). */
  errorSource?: string;
}

/** One row of `GET /v2/batch/{id}/errors`, parsed: `errorCode`/`errorMessage` come from the reason text. */
export interface TcBatchErrorRow extends TcBatchError {
  batchId: number;
}

/** What one batch job ended with. */
export interface TcBatchJobResult {
  batchId: number;
  status: TcBatchStatusName;
  successCount: number;
  errorCount: number;
  unprocessCount: number;
  successGroupCount?: number;
  errorGroupCount?: number;
  successIndicatorCount?: number;
  errorIndicatorCount?: number;
  /** Items (groups + indicators) uploaded in this job, and the size of its file in bytes. */
  itemCount: number;
  bytes: number;
}

export interface TcBatchSubmitResult {
  jobs: TcBatchJobResult[];
  errors: TcBatchErrorRow[];
  /** HTTP requests sent for this submission, retries included. */
  httpCalls: number;
}

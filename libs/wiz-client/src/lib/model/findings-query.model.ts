// What a caller asks of `vulnerabilityFindings`, and what each page gives back.
import type { WizExploitFilter, WizFindingStatus, WizVulnerabilityFinding } from './finding.model';

export interface WizFindingsQuery {
  /** ISO-8601 UTC lower bound on `updatedAt` (Wiz `updatedAt.after`). */
  updatedAfter?: string;
  /** ISO-8601 UTC upper bound on `updatedAt` (Wiz `updatedAt.before`). */
  updatedBefore?: string;
  /** 'none' (default), 'hasExploit' or 'cisaKev'. */
  exploitFilter?: WizExploitFilter;
  /** Default: all four. Wiz alone would return OPEN only, and resolutions would be missed. */
  statuses?: WizFindingStatus[];
  /** Default 500. */
  pageSize?: number;
  /** Resume after a saved `endCursor`. */
  after?: string | null;
  /** Ask for `totalCount` on the first page of this walk (default true). */
  includeTotalCount?: boolean;
  signal?: AbortSignal;
}

export interface WizFindingsPageResult {
  nodes: WizVulnerabilityFinding[];
  /** Save it to resume the walk after this page. */
  endCursor: string | null;
  hasNextPage: boolean;
  /** Present on the first page of a walk when requested. */
  totalCount?: number | null;
}

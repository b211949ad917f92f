// Workflow Case payloads (v3). Source: shared reference threatconnect-api.md §3.

export type TcCaseSeverity = 'Low' | 'Medium' | 'High' | 'Critical';
export type TcCaseStatus = 'Open' | 'Closed';

/** An attribute of a case or group as written through v3. */
export interface TcAttribute {
  type: string;
  value: string;
  source?: string;
  default?: boolean;
}

export type TcAssignee =
  | { type: 'User'; data: { userName: string } | { id: number } }
  | { type: 'Group'; data: { name: string } | { id: number } }
  | { type: 'None' };

export type TcNestedMode = 'append' | 'replace' | 'delete';

export interface TcNested<T> {
  data: T[];
  mode?: TcNestedMode;
}

/** Body of `POST /v3/cases` (xid is accepted on create only). */
export interface TcCasePayload {
  name: string;
  severity: TcCaseSeverity;
  status: TcCaseStatus;
  xid?: string;
  description?: string;
  assignee?: TcAssignee;
  tags?: TcNested<{ name: string }>;
  attributes?: TcNested<TcAttribute>;
  associatedGroups?: TcNested<{ id: number }>;
  associatedIndicators?: TcNested<{ id: number }>;
  associatedCases?: TcNested<{ id: number }>;
  resolution?: string;
}

/** A case as returned by `/v3/cases` (nested collections only when asked for with `fields`). */
export interface TcCase {
  id: number;
  name: string;
  severity: TcCaseSeverity;
  status: TcCaseStatus;
  xid?: string;
  description?: string;
  resolution?: string;
  ownerName?: string;
  assignee?: TcAssignee;
  dateAdded?: string;
  lastUpdated?: string;
  tags?: { data: { name: string; id?: number }[] };
  attributes?: { data: (TcAttribute & { id: number })[] };
  associatedGroups?: { data: { id: number }[] };
  associatedIndicators?: { data: { id: number }[] };
  associatedCases?: { data: { id: number }[] };
}

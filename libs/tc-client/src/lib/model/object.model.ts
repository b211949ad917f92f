// Groups, indicators and their attributes as read and written through v3. Source: threatconnect-api.md §2.4–2.7.
import type { TcAttribute, TcNested } from './case.model';

/** An attribute as stored by ThreatConnect (it has an id once written). */
export interface TcAttributeRecord {
  id: number;
  type: string;
  value: string;
  source?: string;
  default?: boolean;
  dateAdded?: string;
  lastModified?: string;
}

export interface TcTagRecord {
  name: string;
  id?: number;
}

/** A reference to an existing object; the only form ThreatConnect accepts for `mode: 'delete'`. */
export interface TcIdRef {
  id: number;
}

export interface TcGroup {
  id: number;
  type: string;
  name: string;
  xid?: string;
  ownerId?: number;
  ownerName: string;
  dateAdded?: string;
  lastModified?: string;
  externalDateAdded?: string;
  externalLastModified?: string;
  tags?: { data: TcTagRecord[] };
  attributes?: { data: TcAttributeRecord[] };
  associatedGroups?: { data: TcIdRef[] };
  associatedIndicators?: { data: TcIdRef[] };
  associatedCases?: { data: TcIdRef[] };
}

/** Body of `PUT /v3/groups/{id}`; nested collections default to `mode: 'append'`. */
export interface TcGroupUpdate {
  name?: string;
  externalDateAdded?: string;
  externalLastModified?: string;
  firstSeen?: string;
  lastSeen?: string;
  tags?: TcNested<{ name: string }>;
  attributes?: TcNested<TcAttribute | TcIdRef>;
  securityLabels?: TcNested<{ name: string }>;
  associatedGroups?: TcNested<TcIdRef>;
  associatedIndicators?: TcNested<TcIdRef>;
  associatedCases?: TcNested<TcIdRef>;
}

/** Body of `POST /v3/groups` (the owner is given separately). */
export interface TcGroupCreate extends TcGroupUpdate {
  type: string;
  name: string;
  xid?: string;
}

export interface TcIndicator {
  id: number;
  type: string;
  summary: string;
  xid?: string;
  ownerId?: number;
  ownerName: string;
  dateAdded?: string;
  lastModified?: string;
  tags?: { data: TcTagRecord[] };
  attributes?: { data: TcAttributeRecord[] };
  associatedGroups?: { data: TcIdRef[] };
  associatedIndicators?: { data: TcIdRef[] };
  associatedCases?: { data: TcIdRef[] };
}

export interface TcIndicatorUpdate {
  rating?: number;
  confidence?: number;
  tags?: TcNested<{ name: string }>;
  attributes?: TcNested<TcAttribute | TcIdRef>;
  associatedGroups?: TcNested<TcIdRef>;
  associatedIndicators?: TcNested<TcIdRef>;
  associatedCases?: TcNested<TcIdRef>;
}

/** A group or indicator found by a tag search. `name` is the summary for indicators. */
export interface TcTaggedObject {
  kind: 'group' | 'indicator';
  id: number;
  type: string;
  name: string;
  ownerName: string;
  tags: string[];
}

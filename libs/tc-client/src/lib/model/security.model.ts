// Owners, users and attribute types (v3 security + attributeTypes). Source: threatconnect-api.md §2.2, §2.8.

export type TcOwnerType = 'Organization' | 'Source' | 'Community';

export interface TcOwner {
  id: number;
  name: string;
  type: TcOwnerType;
}

export interface TcUser {
  id: number;
  userName: string;
  firstName?: string;
  lastName?: string;
}

export interface TcAttributeType {
  id: number;
  name: string;
  /** Longest value ThreatConnect accepts for this type, in characters. */
  maxSize: number;
  description?: string;
  allowMarkdown?: boolean;
}

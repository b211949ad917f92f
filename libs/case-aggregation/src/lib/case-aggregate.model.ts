import type { MappingIssue } from '@wiztc/mapping';
import type { TcCaseSeverity } from '@wiztc/tc-client/model';

export interface CaseOptions {
  /** How many Source attributes (one per asset, most recently detected first); default 50. */
  maxSourceLinks?: number;
  /** Max size per attribute type as ThreatConnect reports it (wins over the catalogue). */
  maxSizes?: Readonly<Record<string, number>>;
}

/** Everything wiztc writes on the Workflow Case of one vulnerability. */
export interface CaseAggregate {
  /** Normalized vulnerability name ('' when no finding had a name: nothing to write). */
  vulnerability: string;
  /** `Wiz - Finding - <name>`. */
  name: string;
  /** `wiztc:case:<name or hash>`, distinct from the group xid. */
  xid: string;
  severity: TcCaseSeverity;
  tags: string[];
  /** Table 3 attributes, then one `Source` per asset (at most maxSourceLinks). */
  attributes: { type: string; value: string }[];
  /** Attribute types wiztc owns on the case: it replaces only these and leaves the rest to analysts. */
  ownedAttributeTypes: string[];
  openFindingCount: number;
  /** Distinct assets with an open finding. */
  assetCount: number;
  exploited: boolean;
  kev: boolean;
  /** No finding is open (every one RESOLVED or REJECTED). The case stays Open; see README. */
  resolved: boolean;
  /** sha256 of everything above that would be written (name, xid, severity, tags, attributes, owned types). */
  hash: string;
  issues: MappingIssue[];
}

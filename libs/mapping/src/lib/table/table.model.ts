/** Group fields a row can fill besides attributes. */
export type GroupFieldTarget = 'externalDateAdded' | 'externalLastModified';
export const GROUP_FIELD_TARGETS: readonly GroupFieldTarget[] = ['externalDateAdded', 'externalLastModified'];

/**
 * One row of a mapping table: plain, serialisable data (no functions), shown read-only on the
 * console's Mapping screen and validated when the registry is built.
 */
export interface MappingRow {
  /** `attribute` (then `type` names the attribute type) or a group date field. */
  target: 'attribute' | GroupFieldTarget;
  /** Attribute type name, exactly as in ThreatConnect (target `attribute` only). */
  type?: string;
  /** Dotted path in a Wiz finding (`cvssv3.attackVector`); with several, the first non-null one per finding. */
  from: string | readonly string[];
  /** Named reducer: how disagreeing findings of one vulnerability combine (see reducers.ts). */
  reduce: string;
  /** Named transform: Wiz value -> attribute text (see transforms/). */
  via: string;
  /** `none-open`: written only when no finding is open (Resolved, Resolution Reason). */
  when?: 'always' | 'none-open';
  /** For multi-value reducers: how many distinct values to list before "… and N more". */
  limit?: number;
  /** Mark as the displayed (default) attribute of its type (Description). */
  displayed?: boolean;
  /** When no finding has a value: report `missing-required` (and write `default` if given). */
  required?: boolean;
  default?: string;
  /** Max size the administrator creates the attribute type with (ThreatConnect's own max size wins). */
  maxSize?: number;
  /** What the attribute holds, for docs/attribute-types.md and the console. */
  description?: string;
}

export interface MappingTable {
  id: string;
  /** ThreatConnect group type the table produces. */
  groupType: 'Vulnerability';
  rows: readonly MappingRow[];
}

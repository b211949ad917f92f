// What could not be mapped cleanly. Mapping never throws on data: every problem becomes an issue,
// which the engine stores as a batch-error row (grouped by `code` on the Batch Errors screen).

export type MappingIssueCode =
  | 'missing-name'
  | 'name-mismatch'
  | 'duplicate-finding'
  | 'wrong-type'
  | 'invalid-date'
  | 'unknown-severity'
  | 'out-of-range'
  | 'missing-required'
  | 'truncated'
  | 'unknown-attribute-type'
  | 'mapper-failed';

export interface MappingIssue {
  code: MappingIssueCode | string;
  reason: string;
  vulnerability?: string;
  findingId?: string;
  attributeType?: string;
}

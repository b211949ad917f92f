import { FINDING_TO_VULNERABILITY_GROUP_TABLE } from './table/finding-to-vulnerability-group.table';
import type { MappingTable } from './table/table.model';

/** An attribute type wiztc writes; an administrator creates each one (except built-ins) in ThreatConnect. */
export interface AttributeTypeSpec {
  name: string;
  maxSize: number;
  target: 'Vulnerability' | 'Case';
  description: string;
  /** Built into ThreatConnect (Description, Source): nothing to create. */
  builtIn?: boolean;
  /** Create the type with "Allow Markdown". */
  allowMarkdown?: boolean;
}

/** Names of the Table 3 (Workflow Case) attribute types. */
export const CASE_ATTRIBUTE = {
  source: 'Source',
  severityCountSummary: 'Severity Count Summary',
  totalAssetCount: 'Total Asset Count',
  totalIssuesCount: 'Total Issues Count',
} as const;

export const CASE_SEVERITY_LEVELS = ['Critical', 'High', 'Medium', 'Low', 'Informational'] as const;
export type CaseSeverityLevel = (typeof CASE_SEVERITY_LEVELS)[number];

export const averageCountType = (level: CaseSeverityLevel): string => `Average ${level} Severity Count`;
export const maxCountType = (level: CaseSeverityLevel): string => `Max ${level} Severity Count`;

/** Table 3 of the product guide: the attribute types of the Workflow Case. */
export const CASE_ATTRIBUTE_TYPES: readonly AttributeTypeSpec[] = [
  {
    name: CASE_ATTRIBUTE.source,
    maxSize: 2000,
    target: 'Case',
    builtIn: true,
    description:
      'One per asset (the 50 most recently detected): asset, Wiz portal link, per-severity issue counts',
  },
  {
    name: CASE_ATTRIBUTE.severityCountSummary,
    maxSize: 2000,
    target: 'Case',
    allowMarkdown: true,
    description: 'Markdown table: Max, Average and Total issue counts per severity over open assets',
  },
  {
    name: CASE_ATTRIBUTE.totalAssetCount,
    maxSize: 20,
    target: 'Case',
    description: 'Distinct assets with an open finding',
  },
  {
    name: CASE_ATTRIBUTE.totalIssuesCount,
    maxSize: 20,
    target: 'Case',
    description: 'Wiz issues over those assets',
  },
  ...CASE_SEVERITY_LEVELS.map((level) => ({
    name: averageCountType(level),
    maxSize: 20,
    target: 'Case' as const,
    description: `Average ${level.toLowerCase()} issue count per asset (2 decimals)`,
  })),
  ...CASE_SEVERITY_LEVELS.map((level) => ({
    name: maxCountType(level),
    maxSize: 20,
    target: 'Case' as const,
    description: `Highest ${level.toLowerCase()} issue count on one asset`,
  })),
];

/** Default max size of attribute types a table does not size. */
export const DEFAULT_MAX_SIZE = 500;

/** The attribute types a table writes. */
export function tableAttributeTypes(table: MappingTable): AttributeTypeSpec[] {
  return table.rows
    .filter((row) => row.target === 'attribute' && row.type)
    .map((row) => ({
      name: row.type as string,
      maxSize: row.maxSize ?? DEFAULT_MAX_SIZE,
      target: 'Vulnerability' as const,
      description: row.description ?? '',
      ...(row.type === 'Description' ? { builtIn: true } : {}),
    }));
}

/** Every attribute type wiztc writes: Table 2 (Vulnerability Group) then Table 3 (Workflow Case). */
export const ATTRIBUTE_TYPES: readonly AttributeTypeSpec[] = Object.freeze([
  ...tableAttributeTypes(FINDING_TO_VULNERABILITY_GROUP_TABLE),
  ...CASE_ATTRIBUTE_TYPES,
]);

/** The catalogue as JSON, for administrators and the console (same content as docs/attribute-types.md). */
export function attributeTypesJson(): string {
  return JSON.stringify(ATTRIBUTE_TYPES, null, 2);
}

/** Max size of a type: ThreatConnect's figure (options) first, then the catalogue, then the default. */
export function resolveMaxSize(
  type: string,
  maxSizes: Readonly<Record<string, number>> | undefined,
  catalogue: readonly AttributeTypeSpec[] = ATTRIBUTE_TYPES,
): number {
  const given = maxSizes?.[type];
  if (typeof given === 'number' && Number.isInteger(given) && given > 0) return given;
  return catalogue.find((spec) => spec.name === type)?.maxSize ?? DEFAULT_MAX_SIZE;
}

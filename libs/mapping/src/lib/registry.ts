import {
  ATTRIBUTE_TYPES,
  CASE_ATTRIBUTE_TYPES,
  tableAttributeTypes,
  type AttributeTypeSpec,
} from './attribute-types';
import type { GroupMapper } from './mappers/mapper.model';
import { createTableMapper } from './mappers/table.mapper';
import { BUILTIN_REDUCERS } from './reducers/reducers';
import type { Reducer } from './reducers/reducer.model';
import { FINDING_TO_VULNERABILITY_GROUP_TABLE } from './table/finding-to-vulnerability-group.table';
import type { MappingTable } from './table/table.model';
import { MappingConfigError, validateTable } from './table/validate-table';
import { BUILTIN_TRANSFORMS } from './transforms/transform-registry';
import type { Transform } from './transforms/transform.model';

export interface MappingRegistryOptions {
  /** Replaces the default Table 2 table (one table per group type). */
  tables?: readonly MappingTable[];
  /** Extra named transforms (a name already taken throws). */
  transforms?: Readonly<Record<string, Transform>>;
  /** Extra named reducers (a name already taken throws). */
  reducers?: Readonly<Record<string, Reducer>>;
  /** Custom mappers (a duplicate id throws). */
  mappers?: readonly GroupMapper[];
  /** Attribute types custom mappers write, so their sizes are known and they are not reported unknown. */
  attributeTypes?: readonly AttributeTypeSpec[];
}

/** An immutable, validated set of tables, transforms, reducers and mappers. */
export interface MappingRegistry {
  readonly table: MappingTable;
  readonly transforms: readonly string[];
  readonly reducers: readonly string[];
  /** Custom mappers, in resolution order, then the table mapper last. */
  readonly mappers: readonly GroupMapper[];
  /** Every attribute type this registry can write (groups and cases). */
  readonly attributeTypes: readonly AttributeTypeSpec[];
}

function merge<T>(
  kind: string,
  base: Readonly<Record<string, T>>,
  extra: Readonly<Record<string, T>> = {},
): Record<string, T> {
  const taken = Object.keys(extra).filter((name) => name in base);
  if (taken.length > 0)
    throw new MappingConfigError(taken.map((name) => `${kind} '${name}' is already registered`));
  return { ...base, ...extra };
}

/**
 * Builds a registry (style.md §2.6). Every table is validated here, and every problem is reported at
 * once with its row index; a bad configuration throws `MappingConfigError` (data never does).
 */
export function createMappingRegistry(options: MappingRegistryOptions = {}): MappingRegistry {
  const transforms = merge('transform', BUILTIN_TRANSFORMS, options.transforms);
  const reducers = merge('reducer', BUILTIN_REDUCERS, options.reducers);
  const tables = options.tables ?? [FINDING_TO_VULNERABILITY_GROUP_TABLE];
  const problems: string[] = [];
  if (tables.length !== 1)
    problems.push(`exactly one table is needed for group type Vulnerability, got ${tables.length}`);
  const table = tables[0] ?? FINDING_TO_VULNERABILITY_GROUP_TABLE;
  for (const t of tables)
    problems.push(
      ...validateTable(t, { transforms: Object.keys(transforms), reducers: Object.keys(reducers) }),
    );
  const ids = new Set<string>();
  for (const mapper of options.mappers ?? []) {
    if (!mapper.id) problems.push('a mapper has no id');
    else if (ids.has(mapper.id)) problems.push(`mapper id '${mapper.id}' is registered twice`);
    ids.add(mapper.id);
  }
  if (problems.length > 0) throw new MappingConfigError(problems);

  const custom = [...(options.mappers ?? [])].sort(
    (a, b) => (b.priority ?? 0) - (a.priority ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const attributeTypes =
    options.tables === undefined
      ? [...ATTRIBUTE_TYPES]
      : [...tableAttributeTypes(table), ...CASE_ATTRIBUTE_TYPES];
  for (const spec of options.attributeTypes ?? []) {
    if (!attributeTypes.some((known) => known.name === spec.name)) attributeTypes.push(spec);
  }
  return Object.freeze({
    table,
    transforms: Object.freeze(Object.keys(transforms)),
    reducers: Object.freeze(Object.keys(reducers)),
    mappers: Object.freeze([...custom, createTableMapper(table, transforms, reducers)]),
    attributeTypes: Object.freeze(attributeTypes),
  });
}

/** The registry used when none is given: Table 2, built-in transforms, no custom mapper. */
export const DEFAULT_MAPPING_REGISTRY: MappingRegistry = createMappingRegistry();

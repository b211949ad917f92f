import {
  createMappingRegistry,
  FINDING_TO_VULNERABILITY_GROUP_TABLE,
  MappingConfigError,
  mapVulnerabilityGroup,
  type GroupMapper,
  type MapperContext,
  type MapResult,
  type MappingTable,
} from '../src';
import { checkMapperConformance, findingFactory } from '../src/testing';

const base = (ctx: MapperContext): MapResult => {
  if (!ctx.base) throw new Error('no base result');
  return ctx.base;
};

const withRows = (rows: MappingTable['rows']): MappingTable => ({
  ...FINDING_TO_VULNERABILITY_GROUP_TABLE,
  rows,
});

describe('createMappingRegistry', () => {
  it('validates tables when built, naming every bad row by index', () => {
    const build = () =>
      createMappingRegistry({
        tables: [
          withRows([
            { target: 'attribute', type: 'Severity', from: 'severity', reduce: 'latest', via: 'sev' },
            { target: 'attribute', type: 'Severity', from: 'severity', reduce: 'nope', via: 'text' },
            { target: 'attribute', type: 'Fix', from: 'fixedVersion.', reduce: 'latest', via: 'text' },
            { target: 'attribute', type: 'Owner', from: 'owner', reduce: 'latest', via: 'text' },
          ]),
        ],
      });
    expect(build).toThrow(MappingConfigError);
    try {
      build();
    } catch (error) {
      expect((error as MappingConfigError).problems).toEqual([
        "table finding-to-vulnerability-group row 0 (Severity): unknown transform 'sev'",
        'table finding-to-vulnerability-group row 1 (Severity): same target as row 0',
        "table finding-to-vulnerability-group row 1 (Severity): unknown reducer 'nope'",
        "table finding-to-vulnerability-group row 2 (Fix): bad source path 'fixedVersion.'",
        "table finding-to-vulnerability-group row 3 (Owner): 'owner' is not a Wiz finding field",
      ]);
    }
  });

  it('refuses a duplicate mapper id and a transform name already taken', () => {
    const mapper: GroupMapper = { id: 'm', version: 1, supports: () => true, map: (_f, ctx) => base(ctx) };
    expect(() => createMappingRegistry({ mappers: [mapper, { ...mapper }] })).toThrow(/registered twice/);
    expect(() => createMappingRegistry({ transforms: { text: () => ({ ok: true, value: '' }) } })).toThrow(
      /already registered/,
    );
  });

  it('adds a field with one table row (and a new named transform)', () => {
    const registry = createMappingRegistry({
      tables: [
        withRows([
          ...FINDING_TO_VULNERABILITY_GROUP_TABLE.rows,
          {
            target: 'attribute',
            type: 'Fixed Version',
            from: 'fixedVersion',
            reduce: 'distinct',
            via: 'upper',
            maxSize: 100,
          },
        ]),
      ],
      transforms: { upper: (v) => ({ ok: true, value: String(v).toUpperCase() }) },
    });
    const { group, issues } = mapVulnerabilityGroup([findingFactory({ fixedVersion: '1.2.3-rc1' })], {
      registry,
    });
    expect(group?.attribute.find((a) => a.type === 'Fixed Version')?.value).toBe('1.2.3-RC1');
    expect(issues).toEqual([]);
    expect(registry.attributeTypes.find((t) => t.name === 'Fixed Version')).toMatchObject({ maxSize: 100 });
  });

  it('lets a custom mapper post-process the table output, stamping its id and version', () => {
    const mapper: GroupMapper = {
      id: 'kev-label',
      version: 2,
      supports: (findings) => findings.some((f) => f.hasCisaKevExploit === true),
      map: (_findings, ctx) => ({
        group: { ...base(ctx).group, tag: [...base(ctx).group.tag, { name: 'CISA KEV' }], xid: 'hijacked' },
        issues: base(ctx).issues,
      }),
    };
    const registry = createMappingRegistry({ mappers: [mapper] });
    const kev = mapVulnerabilityGroup([findingFactory({ hasCisaKevExploit: true })], { registry });
    expect(kev.mapper).toBe('kev-label@2');
    expect(kev.group?.tag).toEqual([{ name: 'Vulnerability: CVE-2023-44487' }, { name: 'CISA KEV' }]);
    expect(kev.group?.xid).toBe('wiztc:vulnerability:CVE-2023-44487');
    const plain = mapVulnerabilityGroup([findingFactory({ hasCisaKevExploit: false })], { registry });
    expect(plain.mapper).toBe('table:finding-to-vulnerability-group@1');
    expect(checkMapperConformance(mapper, [findingFactory(), findingFactory()])).toEqual([]);
  });

  it('turns a failing mapper into an issue and falls back to the table', () => {
    const broken: GroupMapper = {
      id: 'broken',
      version: 1,
      supports: () => true,
      map: () => {
        throw new Error('boom');
      },
    };
    const registry = createMappingRegistry({ mappers: [broken] });
    const result = mapVulnerabilityGroup([findingFactory()], { registry });
    expect(result.group?.attribute.length).toBeGreaterThan(20);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'mapper-failed' })]);
    expect(checkMapperConformance(broken, [findingFactory()])).toEqual([expect.stringContaining('boom')]);
  });

  it('reports attribute types missing from the catalogue and truncates to max sizes', () => {
    const extra: GroupMapper = {
      id: 'extra',
      version: 1,
      supports: () => true,
      map: (_f, ctx) => ({
        group: { ...base(ctx).group, attribute: [{ type: 'Team', value: 'payments-squad' }] },
        issues: [],
      }),
    };
    const result = mapVulnerabilityGroup([findingFactory()], {
      registry: createMappingRegistry({ mappers: [extra] }),
      maxSizes: { Team: 5 },
    });
    expect(result.group?.attribute).toEqual([{ type: 'Team', value: 'paym…', source: 'Wiz' }]);
    expect(result.issues.map((i) => i.code)).toEqual(['truncated', 'unknown-attribute-type']);
  });
});

// Every row of the guide's Table 3, asserted by attribute name.
import { aggregateCase, average } from '../src';
import { assetFactory, findingFactory } from '@wiztc/mapping/testing';
import type { WizRelatedIssueAnalytics } from '@wiztc/wiz-client/model';

const on = (assetId: string, analytics: WizRelatedIssueAnalytics, extra = {}) =>
  findingFactory({
    name: 'CVE-2024-3094',
    vulnerableAsset: assetFactory('VulnerableAssetContainerImage', { id: assetId, name: `image-${assetId}` }),
    relatedIssueAnalytics: analytics,
    hasExploit: false,
    hasCisaKevExploit: false,
    severity: 'HIGH',
    ...extra,
  });

const findings = [
  on(
    'a',
    {
      issueCount: 4,
      criticalSeverityCount: 2,
      highSeverityCount: 1,
      mediumSeverityCount: 1,
      lowSeverityCount: 0,
      informationalSeverityCount: 0,
    },
    { lastDetectedAt: '2024-05-03T00:00:00Z' },
  ),
  on(
    'b',
    {
      issueCount: 1,
      criticalSeverityCount: 1,
      highSeverityCount: 0,
      mediumSeverityCount: 0,
      lowSeverityCount: 0,
      informationalSeverityCount: 0,
    },
    { lastDetectedAt: '2024-05-02T00:00:00Z' },
  ),
  on(
    'c',
    {
      issueCount: 3,
      criticalSeverityCount: 0,
      highSeverityCount: 0,
      mediumSeverityCount: 0,
      lowSeverityCount: 1,
      informationalSeverityCount: 2,
    },
    { lastDetectedAt: '2024-05-01T00:00:00Z' },
  ),
];
const aggregate = aggregateCase(findings);
const attr = (type: string) => aggregate.attributes.filter((a) => a.type === type).map((a) => a.value);

describe('Table 3: findings of one vulnerability -> Workflow Case', () => {
  it('names, tags and identifies the case from the vulnerability name', () => {
    expect(aggregate.name).toBe('Wiz - Finding - CVE-2024-3094');
    expect(aggregate.tags).toEqual(['Vulnerability: CVE-2024-3094']);
    expect(aggregate.xid).toBe('wiztc:case:CVE-2024-3094');
    expect(aggregate.severity).toBe('High');
  });

  it.each([
    ['Total Asset Count', '3'],
    ['Total Issues Count', '8'],
    ['Average Critical Severity Count', '1.00'],
    ['Average High Severity Count', '0.33'],
    ['Average Medium Severity Count', '0.33'],
    ['Average Low Severity Count', '0.33'],
    ['Average Informational Severity Count', '0.67'],
    ['Max Critical Severity Count', '2'],
    ['Max High Severity Count', '1'],
    ['Max Medium Severity Count', '1'],
    ['Max Low Severity Count', '1'],
    ['Max Informational Severity Count', '2'],
  ])('writes "%s"', (type, value) => {
    expect(attr(type)).toEqual([value]);
  });

  it('writes the "Severity Count Summary" as a Markdown table', () => {
    expect(attr('Severity Count Summary')).toEqual([
      [
        '| Severity | Max | Average | Total |',
        '| --- | --- | --- | --- |',
        '| Critical | 2 | 1.00 | 3 |',
        '| High | 1 | 0.33 | 1 |',
        '| Medium | 1 | 0.33 | 1 |',
        '| Low | 1 | 0.33 | 1 |',
        '| Informational | 2 | 0.67 | 2 |',
      ].join('\n'),
    ]);
  });

  it('writes one "Source" per asset (portalUrl), most recent first, searchable by count', () => {
    const sources = attr('Source');
    expect(sources).toHaveLength(3);
    expect(sources[0]).toContain('Asset: image-a (CONTAINER_IMAGE)');
    expect(sources[0]).toContain(`Wiz: ${findings[0]?.portalUrl}`);
    expect(sources[0]).toContain('\nCritical Severity Count: 2\n');
    expect(sources.filter((s) => s.includes('Critical Severity Count: 2'))).toHaveLength(1);
    expect(sources[2]).toContain('Asset: image-c');
    expect(
      aggregateCase(findings, { maxSourceLinks: 2 }).attributes.filter((a) => a.type === 'Source'),
    ).toHaveLength(2);
  });

  it('owns exactly the Table 3 types', () => {
    expect([...aggregate.ownedAttributeTypes].sort()).toEqual(
      [...new Set(aggregate.attributes.map((a) => a.type))].sort(),
    );
  });

  it('rounds averages half-up to 2 decimals exactly', () => {
    expect(average(1, 3)).toBe('0.33');
    expect(average(2, 3)).toBe('0.67');
    expect(average(1, 8)).toBe('0.13');
    expect(average(5, 2)).toBe('2.50');
    expect(average(0, 0)).toBe('0.00');
  });
});

describe('case severity', () => {
  it.each([
    ['CRITICAL', false, false, 'Critical'],
    ['HIGH', false, false, 'High'],
    ['MEDIUM', false, false, 'Medium'],
    ['LOW', false, false, 'Low'],
    ['NONE', false, false, 'Low'],
    ['MEDIUM', true, false, 'High'],
    ['HIGH', true, false, 'Critical'],
    ['LOW', false, true, 'Critical'],
  ] as const)('%s, exploit %s, KEV %s -> %s', (severity, hasExploit, hasCisaKevExploit, expected) => {
    expect(aggregateCase([findingFactory({ severity, hasExploit, hasCisaKevExploit })]).severity).toBe(
      expected,
    );
  });

  it('uses open findings only while one is open', () => {
    const open = findingFactory({ severity: 'LOW', hasExploit: false, hasCisaKevExploit: false });
    const closed = findingFactory({
      severity: 'CRITICAL',
      status: 'RESOLVED',
      hasExploit: false,
      hasCisaKevExploit: false,
    });
    expect(aggregateCase([open, closed]).severity).toBe('Low');
    expect(aggregateCase([closed]).severity).toBe('Critical');
  });
});

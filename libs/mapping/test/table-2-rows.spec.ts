// Every row of the guide's Table 2, asserted by attribute name from a finding whose fields all differ.
import { mapVulnerabilityGroup } from '../src';
import { findingFactory } from '../src/testing';

const finding = findingFactory({
  id: 'row-check-1',
  name: 'CVE-2024-3094',
  CVEDescription: 'xz backdoor.',
  firstDetectedAt: '2024-03-29T10:11:12.999999Z',
  lastDetectedAt: '2024-04-02T01:02:03Z',
  severity: 'CRITICAL',
  nvdSeverity: 'HIGH',
  weightedSeverity: 'MEDIUM',
  vendorSeverity: 'LOW',
  impactScore: 5.9,
  cnaScore: 10,
  dataSourceName: 'NVD',
  hasExploit: false,
  hasCisaKevExploit: true,
  isHighProfileThreat: false,
  validatedInRuntime: true,
  status: 'IN_PROGRESS',
  detectionMethod: 'PACKAGE',
  locationPath: '/usr/lib/liblzma.so.5',
  epssSeverity: 'CRITICAL',
  epssPercentile: 0.951,
  epssProbability: 0.5,
  layerMetadata: { id: 'L1', isBaseLayer: true, details: null },
  cvssv2: {
    attackVector: 'ADJACENT_NETWORK',
    attackComplexity: 'HIGH',
    confidentialityImpact: 'PARTIAL',
    integrityImpact: 'COMPLETE',
    privilegesRequired: 'SINGLE',
    userInteractionRequired: true,
  },
  cvssv3: {
    attackVector: 'NETWORK',
    attackComplexity: 'LOW',
    confidentialityImpact: 'HIGH',
    integrityImpact: 'LOW',
    privilegesRequired: 'NONE',
    userInteractionRequired: false,
  },
});

const { group, issues } = mapVulnerabilityGroup([finding]);
const attr = (type: string) => group?.attribute.filter((a) => a.type === type).map((a) => a.value);

describe('Table 2: Vulnerability Finding -> Vulnerability Group', () => {
  it('maps name to the group name, the tag and a deterministic xid', () => {
    expect(issues).toEqual([]);
    expect(group?.type).toBe('Vulnerability');
    expect(group?.name).toBe('CVE-2024-3094');
    expect(group?.tag).toEqual([{ name: 'Vulnerability: CVE-2024-3094' }]);
    expect(group?.xid).toBe('wiztc:vulnerability:CVE-2024-3094');
  });

  it('maps firstDetectedAt / lastDetectedAt to the external dates (UTC, seconds)', () => {
    expect(group?.externalDateAdded).toBe('2024-03-29T10:11:12Z');
    expect(group?.externalLastModified).toBe('2024-04-02T01:02:03Z');
  });

  it('maps CVEDescription to a displayed Description attribute', () => {
    expect(group?.attribute.find((a) => a.type === 'Description')).toEqual({
      type: 'Description',
      value: 'xz backdoor.',
      source: 'Wiz',
      displayed: true,
    });
  });

  it.each([
    ['Severity', 'Critical'],
    ['NVD Severity', 'High'],
    ['Weighted Severity', 'Medium'],
    ['Vendor Severity', 'Low'],
    ['CVSS v3 Impact Score', '5.9'],
    ['Data Source Name', 'NVD'],
    ['Has Exploit', 'false'],
    ['Has CISA KEV Exploit', 'true'],
    ['Status', 'In Progress'],
    ['Is High Profile Threat', 'false'],
    ['Detection Method', 'PACKAGE'],
    ['Location Path', '/usr/lib/liblzma.so.5'],
    ['EPSS Severity', 'CRITICAL'],
    ['EPSS Percentile', '95.1%'],
    ['EPSS Probability', '50%'],
    ['Validated In Runtime', 'true'],
    ['Layer Metadata', '{"id":"L1","isBaseLayer":true}'],
    ['CVSS v2 Attack Vector', 'ADJACENT_NETWORK'],
    ['CVSS v2 Attack Complexity', 'HIGH'],
    ['CVSS v2 Confidentiality Impact', 'PARTIAL'],
    ['CVSS v2 Integrity Impact', 'COMPLETE'],
    ['CVSS v2 Privileges Required', 'SINGLE'],
    ['CVSS v2 User Interaction Required', 'true'],
    ['CVSS v3 Attack Vector', 'NETWORK'],
    ['CVSS v3 Attack Complexity', 'LOW'],
    ['CVSS v3 Confidentiality Impact', 'HIGH'],
    ['CVSS v3 Integrity Impact', 'LOW'],
    ['CVSS v3 Privileges Required', 'NONE'],
    ['CVSS v3 User Interaction Required', 'false'],
    ['CNA Score', '10'],
  ])('maps attribute "%s"', (type, value) => {
    expect(attr(type)).toEqual([value]);
  });

  it('maps resolvedAt to "Resolved" and resolutionReason to "Resolution Reason" once nothing is open', () => {
    expect(attr('Resolved')).toEqual([]);
    expect(attr('Resolution Reason')).toEqual([]);
    const resolved = mapVulnerabilityGroup([
      { ...finding, status: 'RESOLVED', resolvedAt: '2024-04-03T00:00:00.5Z', resolutionReason: 'FIXED' },
    ]).group;
    expect(
      resolved?.attribute.filter((a) => ['Resolved', 'Resolution Reason', 'Status'].includes(a.type)),
    ).toEqual([
      { type: 'Status', value: 'Resolved', source: 'Wiz' },
      { type: 'Resolved', value: '2024-04-03T00:00:00Z', source: 'Wiz' },
      { type: 'Resolution Reason', value: 'FIXED', source: 'Wiz' },
    ]);
  });

  it('writes every attribute with the configured source', () => {
    const custom = mapVulnerabilityGroup([finding], { source: 'Wiz (prod)' }).group;
    expect(new Set(custom?.attribute.map((a) => a.source))).toEqual(new Set(['Wiz (prod)']));
  });
});

// Factories with overrides (immich `user.factory.ts` style) for consumers' unit tests.
import type { WizFindingsPage, WizVulnerabilityFinding, WizVulnerableAsset } from '../model/finding.model';

let sequence = 0;

function nextId(prefix: string): string {
  sequence++;
  return `${prefix}-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

export function wizVulnerableAssetFactory(overrides: Partial<WizVulnerableAsset> = {}): WizVulnerableAsset {
  return {
    __typename: 'VulnerableAssetVirtualMachine',
    id: nextId('a55e7000'),
    type: 'VIRTUAL_MACHINE',
    name: 'payments-api-3',
    region: 'us-east-1',
    cloudPlatform: 'AWS',
    status: 'Active',
    subscriptionName: 'prod-payments',
    subscriptionExternalId: '123456789012',
    tags: { env: 'prod' },
    operatingSystem: 'Linux',
    ipAddresses: ['10.20.3.14'],
    ...overrides,
  } as WizVulnerableAsset;
}

export function wizFindingFactory(overrides: Partial<WizVulnerabilityFinding> = {}): WizVulnerabilityFinding {
  const id = overrides.id ?? nextId('f1d10000');
  return {
    id,
    name: 'CVE-2023-44487',
    vulnerabilityExternalId: 'CVE-2023-44487',
    detailedName: 'golang.org/x/net',
    version: '0.7.0',
    fixedVersion: '0.17.0',
    severity: 'HIGH',
    CVSSSeverity: 'HIGH',
    score: 7.5,
    hasExploit: true,
    hasCisaKevExploit: true,
    status: 'OPEN',
    firstDetectedAt: '2024-02-11T09:14:52.418Z',
    lastDetectedAt: '2024-06-03T04:02:17.000Z',
    updatedAt: '2024-06-03T04:02:17.000Z',
    portalUrl: `https://app.wiz.io/explorer/vulnerability-findings#~(entity~(~'${id}*2cSECURITY_TOOL_FINDING))`,
    relatedIssueAnalytics: {
      issueCount: 2,
      criticalSeverityCount: 1,
      highSeverityCount: 1,
      mediumSeverityCount: 0,
      lowSeverityCount: 0,
      informationalSeverityCount: 0,
    },
    vulnerableAsset: wizVulnerableAssetFactory(),
    ...overrides,
  };
}

export function wizFindingsPageFactory(
  nodes: WizVulnerabilityFinding[],
  pageInfo: WizFindingsPage['pageInfo'] = { hasNextPage: false, endCursor: null },
  totalCount?: number | null,
): WizFindingsPage {
  return totalCount === undefined ? { nodes, pageInfo } : { nodes, pageInfo, totalCount };
}

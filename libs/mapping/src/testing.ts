// @wiztc/mapping/testing: test data for specs (never imported by production code).
import type {
  WizVulnerabilityFinding,
  WizVulnerableAsset,
  WizVulnerableAssetTypename,
} from '@wiztc/wiz-client/model';
import type { GroupMapper } from './lib/mappers/mapper.model';
import { mapVulnerabilityGroup } from './lib/map-vulnerability-group';
import { createMappingRegistry } from './lib/registry';

let sequence = 0;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0').slice(-width);
}

/** A deterministic UUID-shaped id from a number (`uuidFrom(1)` is always the same). */
export function uuidFrom(n: number): string {
  return `${hex(n, 8)}-${hex(n * 7, 4)}-5${hex(n * 13, 3)}-a${hex(n * 17, 3)}-${hex(n * 31, 12)}`;
}

/** A realistic vulnerable asset of any union member, every field set; overrides win. */
export function assetFactory(
  typename: WizVulnerableAssetTypename = 'VulnerableAssetVirtualMachine',
  overrides: Partial<WizVulnerableAsset> = {},
): WizVulnerableAsset {
  const n = ++sequence;
  const base = {
    __typename: typename,
    id: uuidFrom(10_000 + n),
    type: typename
      .replace('VulnerableAsset', '')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toUpperCase(),
    name: `asset-${n}`,
    region: 'us-east-1',
    providerUniqueId: `arn:aws:ec2:us-east-1:123456789012:instance/i-${hex(n, 17)}`,
    cloudProviderURL: `https://us-east-1.console.aws.amazon.com/ec2/v2/home?region=us-east-1#InstanceDetails:instanceId=i-${hex(n, 17)}`,
    cloudPlatform: 'AWS',
    status: 'Active',
    subscriptionName: 'prod-payments',
    subscriptionExternalId: '123456789012',
    subscriptionId: '94e76baa-85fd-5928-b829-1669a2ca9660',
    tags: { env: 'prod' },
    nativeType: 'ec2',
    externalId: `ext-${n}`,
    hasLimitedInternetExposure: false,
    hasWideInternetExposure: true,
    isAccessibleFromVPN: false,
    isAccessibleFromOtherVnets: false,
    isAccessibleFromOtherSubscriptions: false,
  };
  const extra: Record<string, unknown> = {
    VulnerableAssetVirtualMachine: {
      operatingSystem: 'Linux',
      ipAddresses: ['10.20.3.14'],
      imageName: 'al2',
      imageId: 'ami-1',
      imageNativeType: 'ami',
    },
    VulnerableAssetServerless: { runtime: 'nodejs20.x' },
    VulnerableAssetContainerImage: {
      imageId: 'sha256:abc',
      scanSource: 'REGISTRY',
      registry: { name: 'ecr', externalId: 'r-1' },
      repository: { name: 'payments', externalId: 'repo-1' },
      imageTags: ['1.4.2'],
    },
    VulnerableAssetContainer: {
      ImageExternalId: 'img-1',
      VmExternalId: 'vm-1',
      ServerlessContainer: false,
      PodNamespace: 'payments',
      PodName: 'payments-api-7d9',
      NodeName: 'node-1',
    },
    VulnerableAssetRepositoryBranch: {
      repositoryId: 'rep-1',
      repositoryName: 'acme/payments',
      repositoryExternalId: '42',
    },
    VulnerableAssetNetworkAddress: { address: '54.210.17.9', addressType: 'IPV4' },
  };
  return { ...base, ...((extra[typename] as object) ?? {}), ...overrides } as WizVulnerableAsset;
}

/**
 * A realistic, complete Wiz vulnerability finding (every Table 2 field set, CVE-2023-44487 on a VM);
 * shallow overrides win. Ids come from a sequence: pass `id` when a test needs a fixed one.
 */
export function findingFactory(overrides: Partial<WizVulnerabilityFinding> = {}): WizVulnerabilityFinding {
  const n = ++sequence;
  const id = overrides.id ?? uuidFrom(n);
  return {
    id,
    portalUrl: `https://app.wiz.io/explorer/vulnerability-findings#~(entity~(~'${id}*2cSECURITY_TOOL_FINDING))`,
    name: 'CVE-2023-44487',
    vulnerabilityExternalId: 'CVE-2023-44487',
    detailedName: 'golang.org/x/net',
    version: '0.7.0',
    fixedVersion: '0.17.0',
    recommendedVersion: '0.17.0',
    CVEDescription:
      'The HTTP/2 protocol allows a denial of service (server resource consumption) because request cancellation can reset many streams quickly.',
    description: 'The package `golang.org/x/net` version `0.7.0` is vulnerable to `CVE-2023-44487`.',
    CVSSSeverity: 'HIGH',
    score: 7.5,
    exploitabilityScore: 3.9,
    impactScore: 3.6,
    severity: 'HIGH',
    vendorSeverity: 'HIGH',
    nvdSeverity: 'HIGH',
    weightedSeverity: 'HIGH',
    cnaScore: 7.5,
    vendorScore: 7.5,
    nvdScore: 7.5,
    epssSeverity: 'HIGH',
    epssPercentile: 99.8,
    epssProbability: 81.9,
    hasExploit: true,
    hasCisaKevExploit: true,
    cisaKevReleaseDate: '2023-10-10T00:00:00Z',
    cisaKevDueDate: '2023-10-31T00:00:00Z',
    isHighProfileThreat: true,
    hasFix: true,
    status: 'OPEN',
    resolutionReason: null,
    firstDetectedAt: '2024-02-11T09:14:52.418201Z',
    lastDetectedAt: '2024-06-03T04:02:17Z',
    resolvedAt: null,
    updatedAt: '2024-06-03T04:02:17Z',
    publishedDate: '2023-10-10T14:15:10Z',
    fixDate: '2023-10-11T00:00:00Z',
    detectionMethod: 'LIBRARY',
    dataSourceName: 'GitHub Advisory Database',
    locationPath: '/usr/local/bin/payments-api',
    link: 'https://github.com/advisories/GHSA-qppj-fm5r-hxr3',
    remediation: 'go get -u golang.org/x/net',
    validatedInRuntime: false,
    runtimeValidationResult: null,
    reachability: null,
    layerMetadata: {
      id: 'layer-1',
      details: 'COPY payments-api /usr/local/bin/',
      isBaseLayer: false,
      layerHash: 'sha256:9f1c',
    },
    projects: [
      {
        id: '83b76efe-a7b6-5762-8a53-8e8f59e68bd8',
        name: 'Payments',
        slug: 'payments',
        businessUnit: 'Fintech',
      },
    ],
    ignoreRules: [],
    cvssv2: {
      attackVector: 'NETWORK',
      attackComplexity: 'LOW',
      confidentialityImpact: 'NONE',
      integrityImpact: 'NONE',
      availabilityImpact: 'PARTIAL',
      privilegesRequired: 'NONE',
      userInteractionRequired: false,
    },
    cvssv3: {
      attackVector: 'NETWORK',
      attackComplexity: 'LOW',
      confidentialityImpact: 'NONE',
      integrityImpact: 'NONE',
      availabilityImpact: 'HIGH',
      privilegesRequired: 'NONE',
      userInteractionRequired: false,
      scope: 'UNCHANGED',
      vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
    },
    relatedIssueAnalytics: {
      issueCount: 2,
      criticalSeverityCount: 1,
      highSeverityCount: 1,
      mediumSeverityCount: 0,
      lowSeverityCount: 0,
      informationalSeverityCount: 0,
    },
    categories: ['Denial of Service'],
    vulnerableAsset: assetFactory('VulnerableAssetVirtualMachine', { name: `payments-api-${n}` }),
    ...overrides,
  };
}

/**
 * Conformance check for a custom mapper: returns the problems found (empty = conforms). The mapper
 * must be registrable, must not throw on the given findings, and must give the same group for the
 * findings in reverse order.
 */
export function checkMapperConformance(
  mapper: GroupMapper,
  findings: readonly WizVulnerabilityFinding[],
): string[] {
  const problems: string[] = [];
  if (!mapper.id || (typeof mapper.version !== 'string' && typeof mapper.version !== 'number'))
    problems.push('mapper needs an id and a version');
  const registry = createMappingRegistry({ mappers: [mapper] });
  const forward = mapVulnerabilityGroup(findings, { registry });
  const backward = mapVulnerabilityGroup([...findings].reverse(), { registry });
  for (const issue of forward.issues) if (issue.code === 'mapper-failed') problems.push(issue.reason);
  if (JSON.stringify(forward) !== JSON.stringify(backward))
    problems.push('result depends on the order of findings');
  return problems;
}

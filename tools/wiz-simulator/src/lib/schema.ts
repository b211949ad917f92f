// The slice of the Wiz GraphQL schema the simulator serves (wiz-api.md §3). `vulnerableAsset` is a union
// whose members implement the VulnerableAssetBase interface, so `... on VulnerableAssetBase` works.
import { buildSchema, type GraphQLSchema } from 'graphql';

const BASE_FIELDS = `
  id: ID!
  type: String
  name: String
  region: String
  providerUniqueId: String
  cloudProviderURL: String
  cloudPlatform: String
  status: String
  subscriptionName: String
  subscriptionExternalId: String
  subscriptionId: String
  tags: JSON
  nativeType: String
  externalId: String
  hasLimitedInternetExposure: Boolean
  hasWideInternetExposure: Boolean
  isAccessibleFromVPN: Boolean
  isAccessibleFromOtherVnets: Boolean
  isAccessibleFromOtherSubscriptions: Boolean`;

const ASSET_TYPES: Record<string, string> = {
  VulnerableAssetVirtualMachine:
    'operatingSystem: String ipAddresses: [String!] imageName: String imageId: String imageNativeType: String',
  VulnerableAssetServerless: 'runtime: String',
  VulnerableAssetContainerImage:
    'imageId: String scanSource: String registry: ContainerRegistry repository: ContainerRepository imageTags: [String!]',
  VulnerableAssetContainer:
    'ImageExternalId: String VmExternalId: String ServerlessContainer: Boolean PodNamespace: String PodName: String NodeName: String',
  VulnerableAssetRepositoryBranch: 'repositoryId: String repositoryName: String repositoryExternalId: String',
  VulnerableAssetNetworkAddress: 'address: String addressType: String',
  VulnerableAssetIde: '',
  VulnerableAssetEndpoint: '',
  VulnerableAssetPaaSResource: '',
  VulnerableAssetVirtualMachineImage: '',
  VulnerableAssetCommon: '',
  VulnerableAssetDevice: '',
};

export const WIZ_SDL = `
scalar JSON
scalar DateTime

enum FindingCommonStatus { OPEN IN_PROGRESS RESOLVED REJECTED }
enum VulnerabilitySeverity { NONE INFORMATIONAL LOW MEDIUM HIGH CRITICAL }
enum OrderDirection { ASC DESC }
enum VulnerabilityFindingOrderField { CREATED_AT FIRST_DETECTED_AT RELATED_ISSUE_SEVERITY }

input VulnerabilityDateFilters { after: DateTime before: DateTime }
input VulnerabilityFindingOrder { field: VulnerabilityFindingOrderField direction: OrderDirection! }
input VulnerabilityFindingFilters {
  status: [FindingCommonStatus!]
  updatedAt: VulnerabilityDateFilters
  hasExploit: Boolean
  hasCisaKevExploit: Boolean
  vulnerabilityExternalId: [String!]
}

type Query {
  vulnerabilityFindings(filterBy: VulnerabilityFindingFilters, first: Int, after: String, orderBy: VulnerabilityFindingOrder): VulnerabilityFindingConnection
  vulnerabilityFinding(id: ID!): VulnerabilityFinding
}

type PageInfo { hasNextPage: Boolean! endCursor: String }
type VulnerabilityFindingConnection { nodes: [VulnerabilityFinding!]! pageInfo: PageInfo! totalCount: Int! }

type CVSS {
  attackVector: String attackComplexity: String confidentialityImpact: String integrityImpact: String
  availabilityImpact: String privilegesRequired: String userInteractionRequired: Boolean scope: String vectorString: String
}
type RelatedIssueAnalytics {
  issueCount: Int criticalSeverityCount: Int highSeverityCount: Int mediumSeverityCount: Int
  lowSeverityCount: Int informationalSeverityCount: Int
}
type LayerMetadata { id: String details: String isBaseLayer: Boolean layerHash: String }
type ProjectRiskProfile { businessImpact: String }
type Project { id: ID! name: String slug: String isFolder: Boolean businessUnit: String riskProfile: ProjectRiskProfile }
type IgnoreRule { id: ID! name: String enabled: Boolean expiredAt: DateTime }
type ContainerRegistry { name: String externalId: String }
type ContainerRepository { name: String externalId: String }

interface VulnerableAssetBase { ${BASE_FIELDS} }
${Object.entries(ASSET_TYPES)
  .map(([name, extra]) => `type ${name} implements VulnerableAssetBase { ${BASE_FIELDS} ${extra} }`)
  .join('\n')}
union VulnerableAsset = ${Object.keys(ASSET_TYPES).join(' | ')}

type VulnerabilityFinding {
  id: ID!
  portalUrl: String name: String vulnerabilityExternalId: String detailedName: String version: String
  fixedVersion: String recommendedVersion: String description: String CVEDescription: String
  CVSSSeverity: VulnerabilitySeverity score: Float exploitabilityScore: Float impactScore: Float
  severity: VulnerabilitySeverity vendorSeverity: VulnerabilitySeverity nvdSeverity: VulnerabilitySeverity
  weightedSeverity: VulnerabilitySeverity cnaScore: Float vendorScore: Float nvdScore: Float
  epssSeverity: VulnerabilitySeverity epssPercentile: Float epssProbability: Float
  hasExploit: Boolean hasCisaKevExploit: Boolean cisaKevReleaseDate: DateTime cisaKevDueDate: DateTime
  isHighProfileThreat: Boolean hasFix: Boolean status: FindingCommonStatus resolutionReason: String
  firstDetectedAt: DateTime lastDetectedAt: DateTime resolvedAt: DateTime updatedAt: DateTime
  publishedDate: DateTime fixDate: DateTime detectionMethod: String dataSourceName: String
  locationPath: String link: String remediation: String validatedInRuntime: Boolean
  runtimeValidationResult: String reachability: String categories: [String!]
  layerMetadata: LayerMetadata projects: [Project!] ignoreRules: [IgnoreRule!]
  cvssv2: CVSS cvssv3: CVSS relatedIssueAnalytics: RelatedIssueAnalytics
  vulnerableAsset: VulnerableAsset
}
`;

let schema: GraphQLSchema | undefined;

export function wizSchema(): GraphQLSchema {
  schema ??= buildSchema(WIZ_SDL);
  return schema;
}

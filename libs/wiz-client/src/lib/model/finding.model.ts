// TypeScript shape of a Wiz `VulnerabilityFinding` as wiztc requests it.
// Source: shared reference wiz-api.md §3.6–3.8. Wiz integrations have seen every scalar missing or null,
// so every field except `id` is optional and nullable: consumers must handle absence.

export type Nullable<T> = T | null | undefined;

/** FindingCommonStatus. */
export type WizFindingStatus = 'OPEN' | 'IN_PROGRESS' | 'RESOLVED' | 'REJECTED';
export const WIZ_FINDING_STATUSES: readonly WizFindingStatus[] = [
  'OPEN',
  'IN_PROGRESS',
  'RESOLVED',
  'REJECTED',
];

/** VulnerabilitySeverity. Wiz documents NONE; some tenants report INFORMATIONAL. Both are accepted. */
export type WizSeverity = 'NONE' | 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export type WizExploitFilter = 'none' | 'hasExploit' | 'cisaKev';

export interface WizCvss {
  attackVector?: Nullable<string>;
  attackComplexity?: Nullable<string>;
  confidentialityImpact?: Nullable<string>;
  integrityImpact?: Nullable<string>;
  availabilityImpact?: Nullable<string>;
  privilegesRequired?: Nullable<string>;
  userInteractionRequired?: Nullable<boolean>;
  scope?: Nullable<string>;
  vectorString?: Nullable<string>;
}

export interface WizRelatedIssueAnalytics {
  issueCount?: Nullable<number>;
  criticalSeverityCount?: Nullable<number>;
  highSeverityCount?: Nullable<number>;
  mediumSeverityCount?: Nullable<number>;
  lowSeverityCount?: Nullable<number>;
  informationalSeverityCount?: Nullable<number>;
}

export interface WizLayerMetadata {
  id?: Nullable<string>;
  details?: Nullable<string>;
  isBaseLayer?: Nullable<boolean>;
  layerHash?: Nullable<string>;
}

export interface WizProject {
  id?: Nullable<string>;
  name?: Nullable<string>;
  slug?: Nullable<string>;
  isFolder?: Nullable<boolean>;
  businessUnit?: Nullable<string>;
  riskProfile?: Nullable<{ businessImpact?: Nullable<string> }>;
}

export interface WizIgnoreRule {
  id?: Nullable<string>;
  name?: Nullable<string>;
  enabled?: Nullable<boolean>;
  expiredAt?: Nullable<string>;
}

/** Members of the `vulnerableAsset` union (query with inline fragments; `__typename` tells them apart). */
export type WizVulnerableAssetTypename =
  | 'VulnerableAssetVirtualMachine'
  | 'VulnerableAssetServerless'
  | 'VulnerableAssetContainerImage'
  | 'VulnerableAssetContainer'
  | 'VulnerableAssetRepositoryBranch'
  | 'VulnerableAssetIde'
  | 'VulnerableAssetEndpoint'
  | 'VulnerableAssetPaaSResource'
  | 'VulnerableAssetVirtualMachineImage'
  | 'VulnerableAssetNetworkAddress'
  | 'VulnerableAssetCommon'
  | 'VulnerableAssetDevice';

export const WIZ_VULNERABLE_ASSET_TYPENAMES: readonly WizVulnerableAssetTypename[] = [
  'VulnerableAssetVirtualMachine',
  'VulnerableAssetServerless',
  'VulnerableAssetContainerImage',
  'VulnerableAssetContainer',
  'VulnerableAssetRepositoryBranch',
  'VulnerableAssetIde',
  'VulnerableAssetEndpoint',
  'VulnerableAssetPaaSResource',
  'VulnerableAssetVirtualMachineImage',
  'VulnerableAssetNetworkAddress',
  'VulnerableAssetCommon',
  'VulnerableAssetDevice',
];

/** Fields of `VulnerableAssetBase`, shared by every member. */
export interface WizVulnerableAssetBase {
  __typename?: WizVulnerableAssetTypename;
  id?: Nullable<string>;
  type?: Nullable<string>;
  name?: Nullable<string>;
  region?: Nullable<string>;
  providerUniqueId?: Nullable<string>;
  cloudProviderURL?: Nullable<string>;
  cloudPlatform?: Nullable<string>;
  status?: Nullable<string>;
  subscriptionName?: Nullable<string>;
  subscriptionExternalId?: Nullable<string>;
  subscriptionId?: Nullable<string>;
  tags?: Nullable<Record<string, string>>;
  nativeType?: Nullable<string>;
  externalId?: Nullable<string>;
  hasLimitedInternetExposure?: Nullable<boolean>;
  hasWideInternetExposure?: Nullable<boolean>;
  isAccessibleFromVPN?: Nullable<boolean>;
  isAccessibleFromOtherVnets?: Nullable<boolean>;
  isAccessibleFromOtherSubscriptions?: Nullable<boolean>;
}

export interface WizVulnerableAssetVirtualMachine extends WizVulnerableAssetBase {
  __typename?: 'VulnerableAssetVirtualMachine';
  operatingSystem?: Nullable<string>;
  ipAddresses?: Nullable<string[]>;
  imageName?: Nullable<string>;
  imageId?: Nullable<string>;
  imageNativeType?: Nullable<string>;
}

export interface WizVulnerableAssetServerless extends WizVulnerableAssetBase {
  __typename?: 'VulnerableAssetServerless';
  runtime?: Nullable<string>;
}

export interface WizVulnerableAssetContainerImage extends WizVulnerableAssetBase {
  __typename?: 'VulnerableAssetContainerImage';
  imageId?: Nullable<string>;
  scanSource?: Nullable<string>;
  registry?: Nullable<{ name?: Nullable<string>; externalId?: Nullable<string> }>;
  repository?: Nullable<{ name?: Nullable<string>; externalId?: Nullable<string> }>;
  imageTags?: Nullable<string[]>;
}

export interface WizVulnerableAssetContainer extends WizVulnerableAssetBase {
  __typename?: 'VulnerableAssetContainer';
  ImageExternalId?: Nullable<string>;
  VmExternalId?: Nullable<string>;
  ServerlessContainer?: Nullable<boolean>;
  PodNamespace?: Nullable<string>;
  PodName?: Nullable<string>;
  NodeName?: Nullable<string>;
}

export interface WizVulnerableAssetRepositoryBranch extends WizVulnerableAssetBase {
  __typename?: 'VulnerableAssetRepositoryBranch';
  repositoryId?: Nullable<string>;
  repositoryName?: Nullable<string>;
  repositoryExternalId?: Nullable<string>;
}

export interface WizVulnerableAssetNetworkAddress extends WizVulnerableAssetBase {
  __typename?: 'VulnerableAssetNetworkAddress';
  address?: Nullable<string>;
  addressType?: Nullable<string>;
}

export interface WizVulnerableAssetOther extends WizVulnerableAssetBase {
  __typename?:
    | 'VulnerableAssetIde'
    | 'VulnerableAssetEndpoint'
    | 'VulnerableAssetPaaSResource'
    | 'VulnerableAssetVirtualMachineImage'
    | 'VulnerableAssetCommon'
    | 'VulnerableAssetDevice';
}

export type WizVulnerableAsset =
  | WizVulnerableAssetVirtualMachine
  | WizVulnerableAssetServerless
  | WizVulnerableAssetContainerImage
  | WizVulnerableAssetContainer
  | WizVulnerableAssetRepositoryBranch
  | WizVulnerableAssetNetworkAddress
  | WizVulnerableAssetOther;

export interface WizVulnerabilityFinding {
  id: string;
  name?: Nullable<string>;
  vulnerabilityExternalId?: Nullable<string>;
  detailedName?: Nullable<string>;
  version?: Nullable<string>;
  fixedVersion?: Nullable<string>;
  recommendedVersion?: Nullable<string>;
  description?: Nullable<string>;
  CVEDescription?: Nullable<string>;
  CVSSSeverity?: Nullable<WizSeverity>;
  score?: Nullable<number>;
  exploitabilityScore?: Nullable<number>;
  impactScore?: Nullable<number>;
  severity?: Nullable<WizSeverity>;
  vendorSeverity?: Nullable<WizSeverity>;
  nvdSeverity?: Nullable<WizSeverity>;
  weightedSeverity?: Nullable<WizSeverity>;
  cnaScore?: Nullable<number>;
  vendorScore?: Nullable<number>;
  nvdScore?: Nullable<number>;
  epssSeverity?: Nullable<string>;
  /** EPSS percentile; Wiz tenants have been seen on both the 0–1 and the 0–100 scale. */
  epssPercentile?: Nullable<number>;
  /** EPSS probability; same scale caveat as epssPercentile. */
  epssProbability?: Nullable<number>;
  hasExploit?: Nullable<boolean>;
  hasCisaKevExploit?: Nullable<boolean>;
  cisaKevReleaseDate?: Nullable<string>;
  cisaKevDueDate?: Nullable<string>;
  isHighProfileThreat?: Nullable<boolean>;
  hasFix?: Nullable<boolean>;
  status?: Nullable<WizFindingStatus>;
  resolutionReason?: Nullable<string>;
  firstDetectedAt?: Nullable<string>;
  lastDetectedAt?: Nullable<string>;
  resolvedAt?: Nullable<string>;
  updatedAt?: Nullable<string>;
  publishedDate?: Nullable<string>;
  fixDate?: Nullable<string>;
  detectionMethod?: Nullable<string>;
  dataSourceName?: Nullable<string>;
  locationPath?: Nullable<string>;
  link?: Nullable<string>;
  remediation?: Nullable<string>;
  portalUrl?: Nullable<string>;
  validatedInRuntime?: Nullable<boolean>;
  runtimeValidationResult?: Nullable<string>;
  reachability?: Nullable<string>;
  layerMetadata?: Nullable<WizLayerMetadata>;
  projects?: Nullable<WizProject[]>;
  /** A list in the schema; some payloads carry a single object. */
  ignoreRules?: Nullable<WizIgnoreRule[] | WizIgnoreRule>;
  cvssv2?: Nullable<WizCvss>;
  cvssv3?: Nullable<WizCvss>;
  relatedIssueAnalytics?: Nullable<WizRelatedIssueAnalytics>;
  categories?: Nullable<string[]>;
  vulnerableAsset?: Nullable<WizVulnerableAsset>;
}

/** One page of `vulnerabilityFindings`. */
export interface WizFindingsPage {
  nodes: WizVulnerabilityFinding[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Requested on the first page only (it is expensive for Wiz). */
  totalCount?: number | null;
}

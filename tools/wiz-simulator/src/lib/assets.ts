// Assets, generated from their index: every `vulnerableAsset` union member with its type-specific fields
// (wiz-api.md §3.7). Findings pick assets from a pool far smaller than N, so the same asset carries many
// vulnerabilities and per-asset counts mean something.
import type { WizVulnerableAssetTypename } from '@wiztc/wiz-client/model';
import { CLOUDS, PROJECTS, SERVICE_NAMES, SUBSCRIPTION_NAMES } from './catalog';
import { hash3, hex, pick, unit, uuidFrom, weighted } from './random';

/** Members of the `vulnerableAsset` union (the client model's list). */
export type AssetTypename = WizVulnerableAssetTypename;

const TYPES: readonly (readonly [[AssetTypename, string], number])[] = [
  [['VulnerableAssetVirtualMachine', 'VIRTUAL_MACHINE'], 32],
  [['VulnerableAssetContainerImage', 'CONTAINER_IMAGE'], 20],
  [['VulnerableAssetContainer', 'CONTAINER'], 12],
  [['VulnerableAssetServerless', 'SERVERLESS'], 8],
  [['VulnerableAssetRepositoryBranch', 'REPOSITORY_BRANCH'], 8],
  [['VulnerableAssetPaaSResource', 'DATABASE'], 4],
  [['VulnerableAssetVirtualMachineImage', 'VIRTUAL_MACHINE_IMAGE'], 4],
  [['VulnerableAssetEndpoint', 'ENDPOINT'], 4],
  [['VulnerableAssetNetworkAddress', 'NETWORK_ADDRESS'], 2],
  [['VulnerableAssetIde', 'IDE'], 2],
  [['VulnerableAssetCommon', 'KUBERNETES_CLUSTER'], 2],
  [['VulnerableAssetDevice', 'NETWORK_APPLIANCE'], 2],
];

/** Asset kinds where OS packages live. */
const OS_HOSTS = new Set<AssetTypename>([
  'VulnerableAssetVirtualMachine',
  'VulnerableAssetContainerImage',
  'VulnerableAssetContainer',
  'VulnerableAssetVirtualMachineImage',
  'VulnerableAssetEndpoint',
  'VulnerableAssetDevice',
]);

export interface ProjectRecord {
  id: string;
  name: string;
  slug: string;
  isFolder: boolean;
  businessUnit: string;
  riskProfile: { businessImpact: string };
}

export type AssetRecord = Record<string, unknown> & { __typename: AssetTypename; id: string };

export class AssetCatalog {
  readonly projects: ProjectRecord[];

  constructor(
    private readonly seed: number,
    readonly count: number,
  ) {
    this.projects = PROJECTS.map((p, k) => ({
      id: uuidFrom(seed, k, 900),
      name: p.name,
      slug: p.name.toLowerCase().replace(/\s+/g, '-'),
      isFolder: false,
      businessUnit: p.businessUnit,
      riskProfile: { businessImpact: p.impact },
    }));
  }

  typenameOf(a: number): AssetTypename {
    return weighted(TYPES, unit(this.seed, a, 40))[0];
  }

  hostsOsPackages(a: number): boolean {
    return OS_HOSTS.has(this.typenameOf(a));
  }

  projectsOf(a: number): ProjectRecord[] {
    const first = this.projects[hash3(this.seed, a, 41) % this.projects.length];
    const second = this.projects[hash3(this.seed, a, 42) % this.projects.length];
    const out = first ? [first] : [];
    if (second && second !== first && unit(this.seed, a, 43) < 0.2) out.push(second);
    return out;
  }

  /** The asset record; `sparse` nulls what Wiz integrations have seen missing. */
  get(a: number, sparse: boolean): AssetRecord {
    const s = this.seed;
    const [typename, type] = weighted(TYPES, unit(s, a, 40));
    const cloud = pick(CLOUDS, hash3(s, a, 44));
    const region = pick(cloud.regions, hash3(s, a, 45));
    const subIndex = hash3(s, a, 46) % SUBSCRIPTION_NAMES.length;
    const subscriptionName = SUBSCRIPTION_NAMES[subIndex] ?? 'default';
    const accountId = String(100000000000 + ((hash3(s, subIndex, 47) * 23) % 899999999999)).padStart(12, '0');
    const subscriptionExternalId =
      cloud.platform === 'AWS'
        ? accountId
        : cloud.platform === 'GCP'
          ? `${subscriptionName}-${accountId.slice(0, 6)}`
          : uuidFrom(s, subIndex, 48);
    const service = pick(SERVICE_NAMES, hash3(s, a, 49));
    const name = `${service}-${a % 97}`;
    const nativeId = `i-0${hex(hash3(s, a, 50), 8)}${hex(hash3(s, a, 51), 8)}`;
    const providerUniqueId =
      cloud.platform === 'AWS'
        ? `arn:aws:ec2:${region}:${accountId}:instance/${nativeId}`
        : cloud.platform === 'Azure'
          ? `/subscriptions/${subscriptionExternalId}/resourcegroups/${service}-rg/providers/microsoft.compute/virtualmachines/${name}`
          : `//compute.googleapis.com/projects/${subscriptionExternalId}/zones/${region}-a/instances/${name}`;
    const exposure = unit(s, a, 52);
    const base: AssetRecord = {
      __typename: typename,
      id: uuidFrom(s, a, 53),
      type,
      name: sparse ? null : name,
      region: sparse ? null : region,
      providerUniqueId,
      cloudProviderURL:
        cloud.platform === 'AWS'
          ? `https://${region}.console.aws.amazon.com/ec2/v2/home?region=${region}#InstanceDetails:instanceId=${nativeId}`
          : cloud.platform === 'Azure'
            ? `https://portal.azure.com/#@/resource${providerUniqueId}`
            : null,
      cloudPlatform:
        typename === 'VulnerableAssetRepositoryBranch' ? pick(['GitHub', 'GitLab'], a) : cloud.platform,
      status: unit(s, a, 54) < 0.93 ? 'Active' : 'Inactive',
      subscriptionName: sparse ? null : subscriptionName,
      subscriptionExternalId,
      subscriptionId: uuidFrom(s, subIndex, 55),
      tags: sparse
        ? null
        : {
            Name: name,
            env: subscriptionName.split('-')[0] ?? 'prod',
            team: service.split('-')[0] ?? 'core',
          },
      nativeType: type === 'VIRTUAL_MACHINE' ? 'virtualMachine' : type.toLowerCase(),
      externalId: nativeId,
      hasLimitedInternetExposure: exposure < 0.3,
      hasWideInternetExposure: exposure < 0.12,
      isAccessibleFromVPN: unit(s, a, 56) < 0.2,
      isAccessibleFromOtherVnets: unit(s, a, 57) < 0.15,
      isAccessibleFromOtherSubscriptions: unit(s, a, 58) < 0.05,
    };
    return { ...base, ...this.specific(a, typename, name, region, accountId) };
  }

  private specific(
    a: number,
    typename: AssetTypename,
    name: string,
    region: string,
    accountId: string,
  ): Record<string, unknown> {
    const s = this.seed;
    const digest = `sha256:${hex(hash3(s, a, 60), 8)}${hex(hash3(s, a, 61), 8)}${hex(hash3(s, a, 62), 8)}${hex(hash3(s, a, 63), 8)}`;
    const repo = pick(SERVICE_NAMES, hash3(s, a, 49));
    switch (typename) {
      case 'VulnerableAssetVirtualMachine':
        return {
          operatingSystem: unit(s, a, 64) < 0.85 ? 'Linux' : 'Windows',
          ipAddresses: [`10.${hash3(s, a, 65) % 256}.${hash3(s, a, 66) % 256}.${1 + (a % 250)}`],
          imageName: pick(
            ['amzn2-ami-hvm-2.0.20240620', 'ubuntu-jammy-22.04-amd64', 'debian-12-amd64'],
            hash3(s, a, 67),
          ),
          imageId: `ami-0${hex(hash3(s, a, 68), 8)}`,
          imageNativeType: 'ami',
        };
      case 'VulnerableAssetServerless':
        return { runtime: pick(['nodejs20.x', 'python3.12', 'java21', 'go1.x'], hash3(s, a, 69)) };
      case 'VulnerableAssetContainerImage':
        return {
          imageId: digest,
          scanSource: pick(['WIZ_SENSOR', 'REGISTRY_SCAN', 'CLOUD_SCAN'], hash3(s, a, 70)),
          registry: { name: `${accountId}.dkr.ecr.${region}.amazonaws.com`, externalId: `ecr-${accountId}` },
          repository: { name: repo, externalId: `${accountId}/${repo}` },
          imageTags: [`v1.${a % 40}.${a % 7}`, 'latest'],
        };
      case 'VulnerableAssetContainer':
        return {
          ImageExternalId: digest,
          VmExternalId: `i-0${hex(hash3(s, a, 71), 8)}`,
          ServerlessContainer: unit(s, a, 72) < 0.2,
          PodNamespace: pick(['default', 'payments', 'data', 'kube-system'], hash3(s, a, 73)),
          PodName: `${name}-${hex(hash3(s, a, 74), 5)}`,
          NodeName: `ip-10-0-${a % 250}-${hash3(s, a, 75) % 250}.ec2.internal`,
        };
      case 'VulnerableAssetRepositoryBranch':
        return {
          repositoryId: uuidFrom(s, a, 76),
          repositoryName: `acme/${repo}`,
          repositoryExternalId: String(100000 + (hash3(s, a, 77) % 900000)),
        };
      case 'VulnerableAssetNetworkAddress':
        return { address: `203.0.113.${a % 255}`, addressType: 'IPV4' };
      default:
        return {};
    }
  }
}

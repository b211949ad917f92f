// Finding i, generated from its index. `coreOf` gives the few attributes the filters need (cheap: a handful
// of hashes); `buildFinding` gives the whole VulnerabilityFinding for a page. Overrides (resolve, mutate,
// addFindings) are the only stored state.
import type { WizFindingStatus, WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import type { AssetCatalog } from './assets';
import { IGNORE_REASONS, REACHABILITY, RUNTIME_RESULTS } from './catalog';
import { findingIdOf, hash3, hex, pick, unit, uuidFrom, weighted } from './random';
import type { VulnerabilityCatalog } from './vulnerabilities';

export const DAY_MS = 86_400_000;
export const SPREAD_MS = 60 * DAY_MS;

export interface FindingOverride {
  status?: WizFindingStatus;
  updatedAtMs?: number;
  resolvedAtMs?: number | null;
  firstDetectedAtMs?: number;
  vuln?: number;
  revision?: number;
}

export interface FindingCore {
  index: number;
  vuln: number;
  status: WizFindingStatus;
  updatedAtMs: number;
}

const STATUS_WEIGHTS: readonly (readonly [WizFindingStatus, number])[] = [
  ['OPEN', 78],
  ['IN_PROGRESS', 6],
  ['RESOLVED', 12],
  ['REJECTED', 4],
];

export interface GeneratorContext {
  seed: number;
  /** Simulated "now" when the simulator started: base updatedAt values lie in the 60 days before it. */
  epochMs: number;
  vulnerabilities: VulnerabilityCatalog;
  assets: AssetCatalog;
  overrides: Map<number, FindingOverride>;
  portalHost: string;
}

export function coreOf(ctx: GeneratorContext, index: number): FindingCore {
  const s = ctx.seed;
  const o = ctx.overrides.get(index);
  const baseCount = ctx.vulnerabilities.baseCount;
  const vuln = o?.vuln ?? Math.min(baseCount - 1, Math.floor(baseCount * unit(s, index, 1) ** 2.2));
  return {
    index,
    vuln,
    status: o?.status ?? weighted(STATUS_WEIGHTS, unit(s, index, 2)),
    updatedAtMs: o?.updatedAtMs ?? ctx.epochMs - 1 - Math.floor(unit(s, index, 3) * SPREAD_MS),
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Picks an asset that can carry the package (OS packages live on hosts and images). */
function assetFor(ctx: GeneratorContext, index: number, osPackage: boolean): number {
  let candidate = 0;
  for (let k = 0; k < 6; k++) {
    candidate = hash3(ctx.seed, index, 100 + k) % ctx.assets.count;
    if (ctx.assets.hostsOsPackages(candidate) === osPackage) return candidate;
  }
  return candidate;
}

function versionBelow(fixed: [number, number, number], h: number, os: boolean): string {
  const [major, minor, patch] = fixed;
  const installed =
    patch > 0 ? `${major}.${minor}.${h % patch}` : `${major}.${Math.max(0, minor - 1)}.${h % 9}`;
  return os ? `${installed}-${1 + (h % 30)}.amzn2.0.${h % 5}` : installed;
}

export function buildFinding(
  ctx: GeneratorContext,
  core: FindingCore,
  nowMs: number,
): WizVulnerabilityFinding {
  const s = ctx.seed;
  const i = core.index;
  const o = ctx.overrides.get(i);
  const vuln = ctx.vulnerabilities.get(core.vuln);
  const os = vuln.pkg.kind === 'os';
  const sparse = unit(s, i, 4) < 0.07;
  const assetIndex = assetFor(ctx, i, os);
  const asset = ctx.assets.get(assetIndex, sparse);
  const id = findingIdOf(s, i);
  const firstDetectedMs = o?.firstDetectedAtMs ?? core.updatedAtMs - Math.floor(unit(s, i, 5) * 300 * DAY_MS);
  const resolvedAtMs =
    o?.resolvedAtMs !== undefined ? o.resolvedAtMs : core.status === 'RESOLVED' ? core.updatedAtMs : null;
  const lastDetectedMs =
    core.status === 'RESOLVED'
      ? Math.max(firstDetectedMs, (resolvedAtMs ?? core.updatedAtMs) - 3_600_000)
      : Math.max(
          core.updatedAtMs,
          Math.min(nowMs, core.updatedAtMs + Math.floor(unit(s, i, 6) * 10 * DAY_MS)) + (o?.revision ?? 0),
        );
  const fixedVersion = vuln.hasFix ? vuln.fixedMajorMinor.join('.') + (os ? `-1.amzn2.0.1` : '') : null;
  const version = versionBelow(vuln.fixedMajorMinor, hash3(s, i, 7), os);
  const exposure = Boolean(asset['hasWideInternetExposure']);
  const issueCount =
    (vuln.hasCisaKevExploit ? 2 : 0) +
    (exposure ? 1 : 0) +
    (hash3(s, i, 8) % 4 === 0 ? 1 + (hash3(s, i, 9) % 3) : 0) +
    ((o?.revision ?? 0) % 2);
  const critical = Math.min(
    issueCount,
    vuln.hasCisaKevExploit ? 1 + (hash3(s, i, 10) % 2) : exposure && vuln.score >= 9 ? 1 : 0,
  );
  const high = Math.min(issueCount - critical, hash3(s, i, 11) % 3);
  const medium = Math.min(issueCount - critical - high, hash3(s, i, 12) % 2);
  const low = issueCount - critical - high - medium;
  const container =
    asset.__typename === 'VulnerableAssetContainerImage' || asset.__typename === 'VulnerableAssetContainer';
  const rejected = core.status === 'REJECTED';
  const pkgName = vuln.pkg.name;
  return {
    id,
    portalUrl: `https://${ctx.portalHost}/explorer/vulnerability-findings#~(entity~(~'${id}*2cSECURITY_TOOL_FINDING))`,
    name: vuln.name,
    vulnerabilityExternalId: vuln.name,
    detailedName: sparse ? null : pkgName,
    version: sparse ? null : version,
    fixedVersion: sparse ? null : fixedVersion,
    recommendedVersion: sparse || !fixedVersion ? null : fixedVersion,
    description:
      `The package \`${pkgName}\` version \`${version}\` was detected in \`${vuln.pkg.ecosystem}\` on \`${String(asset['name'] ?? asset.id)}\` ` +
      `and is vulnerable to \`${vuln.name}\`${fixedVersion ? `, which exists in versions \`< ${fixedVersion}\`.\n\nThe vulnerability can be remediated by updating the package to version \`${fixedVersion}\` or higher.` : '. No fix is available yet.'}`,
    CVEDescription: sparse ? null : vuln.description,
    CVSSSeverity: sparse ? null : vuln.severity,
    score: sparse ? null : vuln.score,
    exploitabilityScore: sparse ? null : vuln.exploitabilityScore,
    impactScore: sparse ? null : vuln.impactScore,
    severity: sparse && unit(s, i, 13) < 0.3 ? 'NONE' : vuln.severity,
    vendorSeverity: sparse
      ? null
      : unit(s, i, 14) < 0.8
        ? vuln.severity
        : pick(['LOW', 'MEDIUM', 'HIGH'] as const, hash3(s, i, 15)),
    nvdSeverity: sparse || vuln.isGhsa ? null : vuln.severity,
    weightedSeverity: sparse
      ? null
      : vuln.hasCisaKevExploit && vuln.severity !== 'CRITICAL'
        ? 'CRITICAL'
        : vuln.severity,
    cnaScore: sparse ? null : vuln.score,
    vendorScore: sparse ? null : Math.max(0, Math.round((vuln.score - unit(s, i, 16)) * 10) / 10),
    nvdScore: sparse || vuln.isGhsa ? null : vuln.score,
    epssSeverity: sparse ? null : vuln.epssSeverity,
    epssPercentile: sparse ? null : vuln.epssPercentile,
    epssProbability: sparse ? null : vuln.epssProbability,
    hasExploit: vuln.hasExploit,
    hasCisaKevExploit: vuln.hasCisaKevExploit,
    cisaKevReleaseDate: vuln.cisaKevReleaseDate,
    cisaKevDueDate: vuln.cisaKevDueDate,
    isHighProfileThreat: sparse ? null : vuln.isHighProfileThreat,
    hasFix: vuln.hasFix,
    status: core.status,
    resolutionReason: rejected ? pick(IGNORE_REASONS, hash3(s, i, 17)) : null,
    firstDetectedAt: iso(Math.min(firstDetectedMs, core.updatedAtMs)),
    lastDetectedAt: iso(lastDetectedMs),
    resolvedAt: resolvedAtMs === null ? null : iso(resolvedAtMs),
    updatedAt: iso(core.updatedAtMs),
    publishedDate: sparse ? null : vuln.publishedDate,
    fixDate: sparse ? null : vuln.fixDate,
    detectionMethod: vuln.pkg.detectionMethod,
    dataSourceName: sparse ? null : vuln.pkg.dataSourceName,
    locationPath: sparse ? null : vuln.pkg.locationPath,
    link: sparse ? null : vuln.link,
    remediation: sparse || !fixedVersion ? null : vuln.pkg.remediation(fixedVersion),
    validatedInRuntime: unit(s, i, 18) < 0.1,
    runtimeValidationResult: sparse ? null : pick(RUNTIME_RESULTS, hash3(s, i, 19)),
    reachability: sparse ? null : pick(REACHABILITY, hash3(s, i, 20)),
    categories: sparse ? null : [vuln.category],
    layerMetadata:
      container && !sparse
        ? {
            id: uuidFrom(s, i, 21),
            details: os ? `RUN yum install -y ${pkgName}` : `COPY . /app # ${pkgName}`,
            isBaseLayer: os,
            layerHash: `sha256:${hex(hash3(s, i, 22), 8)}${hex(hash3(s, i, 23), 8)}${hex(hash3(s, i, 24), 8)}`,
          }
        : null,
    projects: sparse ? null : ctx.assets.projectsOf(assetIndex),
    ignoreRules: rejected
      ? [{ id: uuidFrom(s, i, 25), name: 'Accepted risk: legacy workload', enabled: true, expiredAt: null }]
      : [],
    cvssv2: sparse ? null : vuln.cvssv2,
    cvssv3: sparse ? null : vuln.cvssv3,
    relatedIssueAnalytics: sparse
      ? null
      : {
          issueCount,
          criticalSeverityCount: critical,
          highSeverityCount: high,
          mediumSeverityCount: medium,
          lowSeverityCount: low,
          informationalSeverityCount: 0,
        },
    vulnerableAsset: asset as WizVulnerabilityFinding['vulnerableAsset'],
  };
}

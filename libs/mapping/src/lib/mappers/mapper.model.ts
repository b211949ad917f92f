import type { TcBatchGroup } from '@wiztc/tc-client/model';
import type { WizVulnerabilityFinding } from '@wiztc/wiz-client/model';
import type { MappingIssue } from '../issues';
import type { EpssScale } from '../transforms/transform.model';

/** Values only (no services, no clock): what a mapper may know besides the findings. */
export interface MapperContext {
  /** Normalized vulnerability name; the group's name. */
  vulnerability: string;
  /** The group's xid (deterministic from the name). */
  xid: string;
  /** Attribute `source` written on every attribute. */
  source: string;
  maxSizes: Readonly<Record<string, number>>;
  epssScale: EpssScale;
  /** What the table mapper produced; a post-processing mapper starts from it. */
  base?: MapResult;
}

export interface MapResult {
  group: TcBatchGroup;
  issues: MappingIssue[];
}

/**
 * A mapper turns the findings of one vulnerability (same name, de-duplicated, most recently detected
 * first) into a Vulnerability Group. The table mapper is the default; a custom mapper whose `supports`
 * answers true replaces it, or post-processes `ctx.base`. Whatever a mapper returns is then finalized
 * by the registry: name, xid and type are enforced, values are truncated to their max sizes.
 */
export interface GroupMapper {
  id: string;
  version: string | number;
  /** Higher first; equal priorities resolve by id. Default 0. */
  priority?: number;
  supports(findings: readonly WizVulnerabilityFinding[]): boolean;
  map(findings: readonly WizVulnerabilityFinding[], ctx: MapperContext): MapResult;
}

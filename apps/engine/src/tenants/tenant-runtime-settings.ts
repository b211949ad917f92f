import type { ExploitFilter, PreflightReport, WizEnvironment } from '@wiztc/contracts';

/** Everything the pipeline needs about a tenant, secrets decrypted. Never serialise or log it. */
export interface TenantRuntimeSettings {
  readonly id: string;
  readonly name: string;
  readonly tcOrganization: string;
  readonly sourceName: string;
  readonly activateDeprecation: boolean;
  readonly createAttributes: boolean;
  readonly wizEnvironment: WizEnvironment;
  readonly wizDataCenter: string;
  readonly wizClientId: string;
  readonly wizClientSecret: string;
  readonly ownersToScan: readonly string[];
  readonly groupTypesToScan: readonly string[];
  readonly indicatorTypesToScan: readonly string[];
  readonly assignee: string | null;
  readonly exploitFilter: ExploitFilter;
  readonly runAfterDeployment: boolean;
  readonly tcApiUrl: string;
  readonly tcAccessId: string;
  readonly tcSecretKey: string;
  readonly scheduleIntervalMinutes: number;
  readonly initialBackfillDays: number;
  readonly maxRestartAttempts: number;
  readonly retentionDays: number;
  readonly enabled: boolean;
}

/**
 * Checks settings against the live services (Wiz token, ThreatConnect owners, attribute types).
 * Runs on every save (a failed check refuses the save) and, by the pipeline, before each job.
 */
export type TenantPreflightCheck = (
  settings: TenantRuntimeSettings,
  signal?: AbortSignal,
) => Promise<PreflightReport>;

/** Injection token of the preflight check; the default accepts everything. */
export const TENANT_PREFLIGHT = Symbol('TENANT_PREFLIGHT');

export const acceptAllPreflight: TenantPreflightCheck = async () => ({ ok: true, problems: [] });

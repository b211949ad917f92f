import type { TenantSettings } from '@wiztc/contracts';
import type { Tenant } from './tenant.entity';

/** The API view of a tenant: secrets reduced to "is one stored". */
export function toTenantSettings(row: Tenant): TenantSettings {
  return {
    id: row.id,
    name: row.name,
    tcOrganization: row.tcOrganization,
    sourceName: row.sourceName,
    activateDeprecation: row.activateDeprecation,
    createAttributes: row.createAttributes,
    wizEnvironment: row.wizEnvironment,
    wizDataCenter: row.wizDataCenter,
    wizClientId: row.wizClientId,
    wizClientSecretSet: row.wizClientSecretEncrypted.length > 0,
    ownersToScan: [...row.ownersToScan],
    groupTypesToScan: [...row.groupTypesToScan],
    indicatorTypesToScan: [...row.indicatorTypesToScan],
    assignee: row.assignee,
    exploitFilter: row.exploitFilter,
    runAfterDeployment: row.runAfterDeployment,
    tcApiUrl: row.tcApiUrl,
    tcAccessId: row.tcAccessId,
    tcSecretKeySet: row.tcSecretKeyEncrypted.length > 0,
    scheduleIntervalMinutes: row.scheduleIntervalMinutes,
    initialBackfillDays: row.initialBackfillDays,
    maxRestartAttempts: row.maxRestartAttempts,
    retentionDays: row.retentionDays,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

import { createTcClient, type TcClient } from '@wiztc/tc-client';
import { createWizClient, type WizClient } from '@wiztc/wiz-client';
import type { WizConfig } from '../config/wiz.config';
import type { TenantRuntime } from '../jobs/pipeline.service';
import type { TenantRuntimeSettings } from '../tenants/tenant-runtime-settings';

/**
 * Builds a tenant's Wiz and ThreatConnect clients from its decrypted settings. Wiz URLs come only from the
 * tenant's environment and data center, or from the operator's trusted override in the engine configuration.
 */
export function tenantClients(
  settings: TenantRuntimeSettings,
  wiz: WizConfig,
): { wiz: () => WizClient; tc: () => TcClient } {
  let wizClient: WizClient | null = null;
  let tcClient: TcClient | null = null;
  return {
    wiz: () =>
      (wizClient ??= createWizClient({
        environment: settings.wizEnvironment,
        dataCenter: settings.wizDataCenter,
        clientId: settings.wizClientId,
        clientSecret: settings.wizClientSecret,
        ...(wiz.endpoints ? { endpoints: wiz.endpoints } : {}),
        requestsPerSecond: wiz.requestsPerSecond === 'unlimited' ? null : wiz.requestsPerSecond,
      })),
    tc: () =>
      (tcClient ??= createTcClient({
        baseUrl: settings.tcApiUrl,
        auth: { accessId: settings.tcAccessId, secretKey: settings.tcSecretKey },
      })),
  };
}

export function tenantRuntime(settings: TenantRuntimeSettings, wiz: WizConfig): TenantRuntime {
  return {
    tenant: {
      id: settings.id,
      tcOrganization: settings.tcOrganization,
      sourceName: settings.sourceName,
      exploitFilter: settings.exploitFilter,
      ownersToScan: [...settings.ownersToScan],
      groupTypesToScan: [...settings.groupTypesToScan],
      indicatorTypesToScan: [...settings.indicatorTypesToScan],
      assignee: settings.assignee,
    },
    ...tenantClients(settings, wiz),
  };
}

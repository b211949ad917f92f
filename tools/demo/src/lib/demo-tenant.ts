import type { TenantList, TenantSettings } from '@wiztc/contracts';
import type { DemoApi } from './demo-api';
import { DEMO_TC, DEMO_WIZ } from './demo-simulators';

/** The demo tenant's settings (POST /api/v1/tenants), pointed at the ThreatConnect simulator's `/api` URL. */
export function demoTenantSettings(tcApiUrl: string, backfillDays: number): Record<string, unknown> {
  return {
    name: DEMO_TC.organization,
    tcOrganization: DEMO_TC.organization,
    sourceName: DEMO_TC.source,
    wizEnvironment: 'app.wiz.io',
    wizDataCenter: DEMO_WIZ.dataCenter,
    wizClientId: DEMO_WIZ.clientId,
    wizClientSecret: DEMO_WIZ.clientSecret,
    // Every finding (not only exploited ones): the demo shows the most.
    exploitFilter: 'none',
    runAfterDeployment: true,
    initialBackfillDays: backfillDays,
    ownersToScan: [DEMO_TC.organization, DEMO_TC.community],
    groupTypesToScan: ['Threat', 'Report'],
    indicatorTypesToScan: ['Host'],
    assignee: DEMO_TC.analyst,
    tcApiUrl,
    tcAccessId: DEMO_TC.accessId,
    tcSecretKey: DEMO_TC.secretKey,
  };
}

/**
 * Finds the demo tenant by its Source (unique per ThreatConnect instance) or creates it. On a restart the
 * simulators may listen on new ports: the stored ThreatConnect URL and secrets are brought up to date.
 */
export async function ensureDemoTenant(
  api: DemoApi,
  tcApiUrl: string,
  backfillDays: number,
): Promise<{ tenant: TenantSettings; created: boolean }> {
  const existing = (await api.get<TenantList>('/tenants')).items.find((t) => t.sourceName === DEMO_TC.source);
  if (!existing) {
    const tenant = await api.post<TenantSettings>('/tenants', demoTenantSettings(tcApiUrl, backfillDays));
    return { tenant, created: true };
  }
  if (existing.tcApiUrl === tcApiUrl) return { tenant: existing, created: false };
  const tenant = await api.patch<TenantSettings>(`/tenants/${existing.id}`, {
    tcApiUrl,
    tcSecretKey: DEMO_TC.secretKey,
    wizClientSecret: DEMO_WIZ.clientSecret,
  });
  return { tenant, created: false };
}

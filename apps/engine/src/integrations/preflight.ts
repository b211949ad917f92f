import type { PreflightReport } from '@wiztc/contracts';
import { ATTRIBUTE_TYPES } from '@wiztc/mapping';
import type { WizConfig } from '../config/wiz.config';
import { CORRELATION_ATTRIBUTE_TYPES } from '../stages/correlate.stage';
import type { TenantPreflightCheck } from '../tenants/tenant-runtime-settings';
import { tenantClients } from './tenant-clients';

/**
 * Checks a tenant's settings against the live services: the Wiz credentials obtain a token; the ThreatConnect API
 * user sees the Organization, the Source and the owners to scan; every attribute type wiztc writes exists (the
 * missing ones are listed by name; docs/attribute-types.md has them with their sizes).
 */
export function preflightCheck(wiz: WizConfig): TenantPreflightCheck {
  return async (settings, signal): Promise<PreflightReport> => {
    const clients = tenantClients(settings, wiz);
    const problems: string[] = [];
    try {
      await clients.wiz().verifyCredentials(signal);
    } catch (error) {
      problems.push(`Wiz: ${message(error)}`);
    }
    try {
      const owners = new Set((await clients.tc().owners(signal)).map((o) => o.name));
      for (const owner of [settings.tcOrganization, settings.sourceName, ...settings.ownersToScan]) {
        if (!owners.has(owner))
          problems.push(`ThreatConnect: owner '${owner}' is not visible to the API user`);
      }
      const types = new Set((await clients.tc().attributeTypes(signal)).map((t) => t.name));
      const needed = new Set([...ATTRIBUTE_TYPES.map((t) => t.name), ...CORRELATION_ATTRIBUTE_TYPES]);
      const missing = [...needed].filter((name) => !types.has(name)).sort();
      if (missing.length > 0) {
        problems.push(
          `ThreatConnect: ${missing.length} attribute type(s) missing (see docs/attribute-types.md): ${missing.join(', ')}`,
        );
      }
    } catch (error) {
      problems.push(`ThreatConnect: ${message(error)}`);
    }
    return { ok: problems.length === 0, problems };
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

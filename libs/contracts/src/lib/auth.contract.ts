export const ROLES = ['system-admin', 'org-admin'] as const;
/** system-admin: every tenant, deploys tenants; org-admin: its own tenant only. */
export type Role = (typeof ROLES)[number];

/** An API key as listed: the secret part is never shown again after creation. */
export interface ApiKeySummary {
  id: string;
  name: string;
  role: Role;
  tenantId: string | null;
  /** First characters of the key, to recognise it (e.g. "wtc_AbC123"). */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Answer to key creation: `key` is shown this once and stored only as a hash. */
export interface CreatedApiKey extends ApiKeySummary {
  key: string;
}

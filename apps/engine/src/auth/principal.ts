import type { Role } from '@wiztc/contracts';

/** The authenticated caller, attached to the request by ApiKeyAuthGuard. */
export interface Principal {
  readonly apiKeyId: string;
  readonly name: string;
  readonly role: Role;
  /** The tenant of an org-admin; null for system administrators. */
  readonly tenantId: string | null;
}

export interface RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string | undefined>;
  principal?: Principal;
}

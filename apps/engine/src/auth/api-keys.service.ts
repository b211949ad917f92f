import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ApiKeySummary, CreatedApiKey, Role } from '@wiztc/contracts';
import { IsNull, Repository } from 'typeorm';
import { Tenant } from '../tenants/tenant.entity';
import { ApiKey } from './api-key.entity';
import { apiKeyPrefix, generateApiKey, hashApiKey } from './api-key.material';
import type { Principal } from './principal';

/** Writes of last-used time are coalesced to at most one per key per minute. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface CreateApiKeyInput {
  readonly name: string;
  readonly role: Role;
  readonly tenantId?: string | null;
}

export function toApiKeySummary(row: ApiKey): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    tenantId: row.tenantId,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  };
}

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
    @InjectRepository(Tenant) private readonly tenants: Repository<Tenant>,
  ) {}

  /** Creates a key; the plaintext is in the answer only. */
  async create(input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const tenantId = input.tenantId ?? null;
    if (input.role === 'org-admin' && !tenantId)
      throw new BadRequestException('an org-admin key needs a tenantId');
    if (input.role === 'system-admin' && tenantId)
      throw new BadRequestException('a system-admin key has no tenantId');
    if (tenantId && !(await this.tenants.exists({ where: { id: tenantId } }))) {
      throw new NotFoundException('tenant not found');
    }
    const key = generateApiKey();
    const row = await this.insert(key, input.name, input.role, tenantId);
    return { ...toApiKeySummary(row), key };
  }

  /** The caller behind a key, or null when unknown or revoked. */
  async authenticate(key: string): Promise<Principal | null> {
    const row = await this.keys.findOne({ where: { keyHash: hashApiKey(key), revokedAt: IsNull() } });
    if (!row) return null;
    const now = Date.now();
    if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.keys.update({ id: row.id }, { lastUsedAt: new Date(now) });
    }
    return { apiKeyId: row.id, name: row.name, role: row.role, tenantId: row.tenantId };
  }

  async list(): Promise<ApiKeySummary[]> {
    const rows = await this.keys.find({ where: { revokedAt: IsNull() }, order: { createdAt: 'ASC' } });
    return rows.map(toApiKeySummary);
  }

  async revoke(id: string): Promise<void> {
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw new NotFoundException('API key not found');
  }

  async countActiveSystemAdmins(): Promise<number> {
    return this.keys.count({ where: { role: 'system-admin', revokedAt: IsNull() } });
  }

  private insert(key: string, name: string, role: Role, tenantId: string | null): Promise<ApiKey> {
    return this.keys.save(
      this.keys.create({
        name,
        role,
        tenantId,
        keyHash: hashApiKey(key),
        prefix: apiKeyPrefix(key),
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
  }
}

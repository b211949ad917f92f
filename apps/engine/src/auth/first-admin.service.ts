import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { securityConfig, type ConfigType } from '../config';
import { ApiKey } from './api-key.entity';
import { apiKeyPrefix, generateApiKey, hashApiKey } from './api-key.material';

/** Where the first administrator's key is printed (stdout; tests swap it). */
export const ADMIN_KEY_OUTPUT = Symbol('ADMIN_KEY_OUTPUT');
export type AdminKeyOutput = (text: string) => void;

export const stdoutAdminKeyOutput: AdminKeyOutput = (text) => {
  process.stdout.write(`${text}\n`);
};

/**
 * At first start (no active system administrator), creates one and prints its key once. Replicas
 * starting together serialise on an advisory lock, so exactly one key is created and printed.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
    @Inject(ADMIN_KEY_OUTPUT) private readonly output: AdminKeyOutput,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('wiztc:first-admin'))`);
      const repo = manager.getRepository(ApiKey);
      if (this.security.bootstrapAdminKey) {
        const key = this.security.bootstrapAdminKey;
        await repo
          .createQueryBuilder()
          .insert()
          .values({
            name: 'bootstrap administrator',
            role: 'system-admin',
            tenantId: null,
            keyHash: hashApiKey(key),
            prefix: apiKeyPrefix(key),
          })
          .orIgnore()
          .execute();
      }
      const admins = await repo
        .createQueryBuilder('k')
        .where(`k.role = 'system-admin' AND k.revoked_at IS NULL`)
        .getCount();
      if (admins > 0) return undefined;
      const key = generateApiKey();
      await repo.insert({
        name: 'first administrator',
        role: 'system-admin',
        tenantId: null,
        keyHash: hashApiKey(key),
        prefix: apiKeyPrefix(key),
      });
      return key;
    });
    if (!created) return;
    this.logger.log('created the first system administrator; its API key is printed once on stdout');
    this.output(
      [
        '',
        '=== wiztc: first system administrator created ===',
        `API key (shown once, store it now): ${created}`,
        `Use it as: Authorization: Bearer ${created}`,
        '==================================================',
        '',
      ].join('\n'),
    );
  }
}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Tenant } from '../tenants/tenant.entity';
import { ApiKey } from './api-key.entity';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { ADMIN_KEY_OUTPUT, FirstAdminService, stdoutAdminKeyOutput } from './first-admin.service';
import { ApiKeyAuthGuard } from './guards/api-key-auth.guard';
import { RolesGuard } from './guards/roles.guard';
import { TenantAccessGuard } from './guards/tenant-access.guard';

/**
 * Authentication for the whole API (global guards) and the tenant guard other features apply with
 * @TenantScoped(). Global, so any feature module can use TenantAccessGuard without importing it.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ApiKey, Tenant])],
  controllers: [ApiKeysController],
  providers: [
    ApiKeysService,
    FirstAdminService,
    TenantAccessGuard,
    { provide: ADMIN_KEY_OUTPUT, useValue: stdoutAdminKeyOutput },
    { provide: APP_GUARD, useClass: ApiKeyAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [ApiKeysService, TenantAccessGuard],
})
export class AuthModule {}

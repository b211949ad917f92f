import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Tenant } from './tenant.entity';
import { acceptAllPreflight, TENANT_PREFLIGHT } from './tenant-runtime-settings';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

@Module({
  imports: [TypeOrmModule.forFeature([Tenant])],
  controllers: [TenantsController],
  providers: [TenantsService, { provide: TENANT_PREFLIGHT, useValue: acceptAllPreflight }],
  exports: [TenantsService],
})
export class TenantsModule {}

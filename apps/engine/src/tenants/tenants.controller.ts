import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PreflightReport, TenantList, TenantSettings } from '@wiztc/contracts';
import { CurrentPrincipal, SystemAdminOnly, TenantScoped } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { CreateTenantDto } from './dto/create-tenant.dto';
import { UpdateTenantDto } from './dto/update-tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @SystemAdminOnly()
  async list(): Promise<TenantList> {
    const items = await this.tenants.list();
    return { items, total: items.length };
  }

  /** Deploys a tenant (system administrators). Refused with 409 when the Source or Wiz client id is taken. */
  @Post()
  @SystemAdminOnly()
  create(@Body() dto: CreateTenantDto): Promise<TenantSettings> {
    return this.tenants.create(dto);
  }

  @Get(':tenantId')
  @TenantScoped()
  get(@Param('tenantId') tenantId: string): Promise<TenantSettings> {
    return this.tenants.get(tenantId.toLowerCase());
  }

  @Patch(':tenantId')
  @TenantScoped()
  update(
    @Param('tenantId') tenantId: string,
    @Body() dto: UpdateTenantDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TenantSettings> {
    return this.tenants.update(tenantId.toLowerCase(), dto, principal);
  }

  /** Runs the preflight check on the stored settings without changing anything. */
  @Post(':tenantId/preflight')
  @HttpCode(200)
  @TenantScoped()
  preflight(@Param('tenantId') tenantId: string): Promise<PreflightReport> {
    return this.tenants.preflight(tenantId.toLowerCase());
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DashboardSummary } from '@wiztc/contracts';
import { TenantScoped } from '../auth';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@TenantScoped()
@Controller('tenants/:tenantId/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  summary(@Param('tenantId') tenantId: string): Promise<DashboardSummary> {
    return this.dashboard.summary(tenantId);
  }
}

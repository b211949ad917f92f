import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BatchErrorRow, BatchErrorTypeSummary, Page } from '@wiztc/contracts';
import { TenantScoped } from '../auth';
import { BatchErrorsService } from './batch-errors.service';
import { BatchErrorRowsQueryDto, BatchErrorTypesQueryDto } from './dto/batch-errors.query.dto';

@ApiTags('batch-errors')
@TenantScoped()
@Controller('tenants/:tenantId/batch-errors')
export class BatchErrorsController {
  constructor(private readonly errors: BatchErrorsService) {}

  @Get()
  types(
    @Param('tenantId') tenantId: string,
    @Query() q: BatchErrorTypesQueryDto,
  ): Promise<BatchErrorTypeSummary[]> {
    return this.errors.types(tenantId, q);
  }

  @Get(':type')
  rows(
    @Param('tenantId') tenantId: string,
    @Param('type') type: string,
    @Query() q: BatchErrorRowsQueryDto,
  ): Promise<Page<BatchErrorRow>> {
    return this.errors.rows(tenantId, type, q);
  }
}

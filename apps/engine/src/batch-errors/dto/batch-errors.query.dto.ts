import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page.query.dto';

/** Batch Errors screen: filter by job id (number or uuid, partial). */
export class BatchErrorTypesQueryDto {
  @ApiPropertyOptional({ description: 'Job id or number (partial match)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  jobId?: string;
}

/** One error type's rows: filter by job id and by reason (keywords, case-insensitive), paged. */
export class BatchErrorRowsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Job id or number (partial match)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  jobId?: string;

  @ApiPropertyOptional({ description: 'Keywords to find in the reason' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Batch Errors screen: filter by job id (number or uuid, partial). */
export class BatchErrorTypesQueryDto {
  @ApiPropertyOptional({ description: 'Job id or number (partial match)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  jobId?: string;
}

/** One error type's rows: filter by job id and by reason (keywords, case-insensitive). */
export class BatchErrorRowsQueryDto extends BatchErrorTypesQueryDto {
  @ApiPropertyOptional({ description: 'Keywords to find in the reason' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = 50;
}

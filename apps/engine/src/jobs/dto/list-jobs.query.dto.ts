import { ApiPropertyOptional } from '@nestjs/swagger';
import { JOB_STATUSES, JOB_TYPES, type JobStatus, type JobType } from '@wiztc/contracts';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page.query.dto';

const list = ({ value }: { value: unknown }) =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim());

export const JOB_SORT_FIELDS = ['number', 'createdAt', 'startedAt', 'completedAt', 'status', 'type'] as const;

/** Jobs screen filters: job id (number or uuid, partial), types, statuses; paging and sorting. */
export class ListJobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Job id or number (partial match)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  jobId?: string;

  @ApiPropertyOptional({ enum: JOB_TYPES, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(JOB_TYPES, { each: true })
  type?: JobType[];

  @ApiPropertyOptional({ enum: JOB_STATUSES, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(JOB_STATUSES, { each: true })
  status?: JobStatus[];

  @ApiPropertyOptional({ enum: JOB_SORT_FIELDS, default: 'number' })
  @IsOptional()
  @IsIn(JOB_SORT_FIELDS)
  sort: (typeof JOB_SORT_FIELDS)[number] = 'number';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}

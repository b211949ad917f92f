import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** An ad-hoc job: optional start and end of the window (default: the last schedule interval until now). */
export class CreateAdhocJobDto {
  @ApiPropertyOptional({ description: 'Start of the updatedAt window (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startTime must be an ISO-8601 date-time' })
  startTime?: string;

  @ApiPropertyOptional({ description: 'End of the updatedAt window (ISO-8601); at most now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'endTime must be an ISO-8601 date-time' })
  endTime?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EXPLOIT_FILTERS,
  type ExploitFilter,
  TC_GROUP_TYPES,
  WIZ_ENVIRONMENTS,
  type WizEnvironment,
} from '@wiztc/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const WIZ_DATA_CENTER_PATTERN = /^[a-z]{2,4}\d{1,3}$/;

/** Settings of a new tenant: the guide's Table 1 (Feed Deployer) and Step 3, plus wiztc's own. */
export class CreateTenantDto {
  @ApiProperty({ example: 'Demo Organization' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    description: 'ThreatConnect Organization (owner) of the Source and of the cases',
    example: 'Demo Organization',
  })
  @IsString()
  @IsNotEmpty({ message: 'tcOrganization must not be empty' })
  @MaxLength(200)
  tcOrganization!: string;

  @ApiProperty({
    description: 'Source to write to; unique on the ThreatConnect instance',
    example: 'Wiz Cloud Security Threat Intelligence - Demo Organization',
  })
  @IsString()
  @IsNotEmpty({ message: 'sourceName must not be empty' })
  @MaxLength(200)
  sourceName!: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  activateDeprecation?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  createAttributes?: boolean;

  @ApiProperty({ enum: WIZ_ENVIRONMENTS })
  @IsIn(WIZ_ENVIRONMENTS, { message: `wizEnvironment must be one of: ${WIZ_ENVIRONMENTS.join(', ')}` })
  wizEnvironment!: WizEnvironment;

  @ApiProperty({ description: 'Wiz tenant data center (Tenant Info → Data Center)', example: 'us17' })
  @IsString()
  @Matches(WIZ_DATA_CENTER_PATTERN, {
    message:
      'wizDataCenter must be a data-center name such as us17 or eu1 (2-4 lowercase letters, then 1-3 digits)',
  })
  wizDataCenter!: string;

  @ApiProperty({ description: 'Wiz service-account client id; never shared between tenants' })
  @IsString()
  @Matches(/^\S+$/, { message: 'wizClientId must be a non-empty string without spaces' })
  @MaxLength(200)
  wizClientId!: string;

  @ApiProperty({ description: 'Write-only', writeOnly: true })
  @IsString()
  @IsNotEmpty({ message: 'wizClientSecret must not be empty' })
  @MaxLength(500)
  wizClientSecret!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Owners scanned for Tags matching CVE ids; empty = no correlation',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'ownersToScan must not repeat an owner' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'ownersToScan must not contain empty names' })
  @MaxLength(200, { each: true })
  ownersToScan?: string[];

  @ApiPropertyOptional({ type: [String], enum: TC_GROUP_TYPES, description: 'Default: every Group type' })
  @IsOptional()
  @IsArray()
  @ArrayUnique({ message: 'groupTypesToScan must not repeat a type' })
  @IsIn(TC_GROUP_TYPES, {
    each: true,
    message: `each groupTypesToScan entry must be one of: ${TC_GROUP_TYPES.join(', ')}`,
  })
  groupTypesToScan?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Address', 'Host', 'URL'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'indicatorTypesToScan must not repeat a type' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'indicatorTypesToScan must not contain empty names' })
  @MaxLength(100, { each: true })
  indicatorTypesToScan?: string[];

  @ApiPropertyOptional({
    nullable: true,
    description: 'ThreatConnect user name the cases are assigned to; null = unassigned',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'assignee must be a user name or null' })
  @MaxLength(200)
  assignee?: string | null;

  @ApiPropertyOptional({ enum: EXPLOIT_FILTERS, default: 'hasExploit' })
  @IsOptional()
  @IsIn(EXPLOIT_FILTERS, { message: `exploitFilter must be one of: ${EXPLOIT_FILTERS.join(', ')}` })
  exploitFilter?: ExploitFilter;

  @ApiPropertyOptional({ default: false, description: 'Start the first job as soon as the tenant is saved' })
  @IsOptional()
  @IsBoolean()
  runAfterDeployment?: boolean;

  @ApiProperty({ example: 'https://app.threatconnect.com/api' })
  @IsUrl(
    {
      protocols: ['http', 'https'],
      require_protocol: true,
      require_tld: false,
      require_valid_protocol: true,
    },
    { message: 'tcApiUrl must be an http(s) URL such as https://app.threatconnect.com/api' },
  )
  @MaxLength(500)
  tcApiUrl!: string;

  @ApiProperty({ description: 'ThreatConnect API user access id' })
  @IsString()
  @IsNotEmpty({ message: 'tcAccessId must not be empty' })
  @MaxLength(200)
  tcAccessId!: string;

  @ApiProperty({ description: 'ThreatConnect API user secret key; write-only', writeOnly: true })
  @IsString()
  @IsNotEmpty({ message: 'tcSecretKey must not be empty' })
  @MaxLength(500)
  tcSecretKey!: string;

  @ApiPropertyOptional({ default: 60, minimum: 5, maximum: 10080 })
  @IsOptional()
  @IsInt({ message: 'scheduleIntervalMinutes must be a whole number of minutes' })
  @Min(5)
  @Max(10080)
  scheduleIntervalMinutes?: number;

  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt({ message: 'initialBackfillDays must be a whole number of days' })
  @Min(1)
  @Max(365)
  initialBackfillDays?: number;

  @ApiPropertyOptional({ default: 3, minimum: 0, maximum: 20 })
  @IsOptional()
  @IsInt({ message: 'maxRestartAttempts must be a whole number' })
  @Min(0)
  @Max(20)
  maxRestartAttempts?: number;

  @ApiPropertyOptional({ default: 30, minimum: 1, maximum: 3650 })
  @IsOptional()
  @IsInt({ message: 'retentionDays must be a whole number of days' })
  @Min(1)
  @Max(3650)
  retentionDays?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

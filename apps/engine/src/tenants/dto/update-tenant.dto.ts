import { PartialType } from '@nestjs/swagger';
import { CreateTenantDto } from './create-tenant.dto';

/** Any subset of the settings; secrets are replaced only when sent. `assignee: null` clears it. */
export class UpdateTenantDto extends PartialType(CreateTenantDto) {}

/** Settings fixed at deployment by a system administrator (the Source, its owner, the API user). */
export const SYSTEM_ADMIN_ONLY_SETTINGS: ReadonlyArray<keyof CreateTenantDto> = [
  'name',
  'tcOrganization',
  'sourceName',
  'tcApiUrl',
  'tcAccessId',
  'tcSecretKey',
];

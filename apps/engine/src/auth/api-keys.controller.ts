import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ApiKeySummary, CreatedApiKey } from '@wiztc/contracts';
import { ApiKeysService } from './api-keys.service';
import { SystemAdminOnly } from './auth.decorators';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api-keys')
@SystemAdminOnly()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  /** Creates a key (by default an org-admin key for a tenant). The key is in this answer only. */
  @Post()
  create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.apiKeys.create({
      name: dto.name,
      role: dto.role ?? 'org-admin',
      tenantId: dto.tenantId ?? null,
    });
  }

  @Get()
  list(): Promise<ApiKeySummary[]> {
    return this.apiKeys.list();
  }

  @Post(':apiKeyId/revoke')
  @HttpCode(204)
  revoke(@Param('apiKeyId', new ParseUUIDPipe()) apiKeyId: string): Promise<void> {
    return this.apiKeys.revoke(apiKeyId);
  }
}

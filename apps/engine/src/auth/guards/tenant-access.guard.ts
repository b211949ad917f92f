import { type CanActivate, type ExecutionContext, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tenant } from '../../tenants/tenant.entity';
import type { RequestWithPrincipal } from '../principal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves `:tenantId`; another tenant's objects, or a tenant that does not exist, answer 404. */
@Injectable()
export class TenantAccessGuard implements CanActivate {
  constructor(private readonly dataSource: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const tenantId = request.params['tenantId'];
    const principal = request.principal;
    const notFound = new NotFoundException('tenant not found');
    if (!principal || !tenantId || !UUID.test(tenantId)) throw notFound;
    if (principal.role !== 'system-admin' && principal.tenantId !== tenantId.toLowerCase()) throw notFound;
    const exists = await this.dataSource
      .getRepository(Tenant)
      .exists({ where: { id: tenantId.toLowerCase() } });
    if (!exists) throw notFound;
    return true;
  }
}

import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiParam } from '@nestjs/swagger';
import type { Role } from '@wiztc/contracts';
import { IS_PUBLIC, ROLES_METADATA } from './auth.metadata';
import { TenantAccessGuard } from './guards/tenant-access.guard';
import type { Principal, RequestWithPrincipal } from './principal';

/** The route needs no API key (health only). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (checked after authentication). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_METADATA, roles), ApiBearerAuth());

/** Shorthand for `@Roles('system-admin')`. */
export const SystemAdminOnly = (): MethodDecorator & ClassDecorator => Roles('system-admin');

/**
 * For routes under `/tenants/:tenantId/...`: a system administrator reaches any existing tenant, an
 * organization administrator only its own; anything else answers 404, as if the tenant did not exist.
 */
export const TenantScoped = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UseGuards(TenantAccessGuard),
    ApiBearerAuth(),
    ApiParam({ name: 'tenantId', format: 'uuid' }),
    ApiNotFoundResponse({ description: 'No such tenant, or not yours' }),
  );

/** Injects the authenticated Principal. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
    return principal;
  },
);

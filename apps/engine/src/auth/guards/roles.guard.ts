import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@wiztc/contracts';
import { ROLES_METADATA } from '../auth.metadata';
import type { RequestWithPrincipal } from '../principal';

/** Global guard: enforces @Roles(...) after ApiKeyAuthGuard has identified the caller. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
    if (principal && roles.includes(principal.role)) return true;
    throw new ForbiddenException(`this action needs the role ${roles.join(' or ')}`);
  }
}

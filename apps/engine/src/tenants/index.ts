export { TenantsModule } from './tenants.module';
export { TenantsService } from './tenants.service';
export { Tenant } from './tenant.entity';
export {
  TENANT_PREFLIGHT,
  acceptAllPreflight,
  type TenantPreflightCheck,
  type TenantRuntimeSettings,
} from './tenant-runtime-settings';

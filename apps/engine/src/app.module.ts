import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { AppConfigModule } from './config/config.module';
import type { Configuration } from './config/configuration';
import { DatabaseModule } from './database/database.module';
import { FEATURE_MODULES } from './features';
import { HealthModule } from './health/health.module';
import { TenantsModule } from './tenants/tenants.module';

export interface AppModuleOptions {
  /** Extra modules (tests). */
  readonly imports?: NonNullable<ModuleMetadata['imports']>;
}

@Module({})
export class AppModule {
  /** The whole engine for one validated configuration (database URL already resolved). */
  static forRoot(configuration: Configuration, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(configuration),
        CommonModule,
        DatabaseModule,
        AuthModule,
        TenantsModule,
        HealthModule,
        ...FEATURE_MODULES,
        ...(options.imports ?? []),
      ],
    };
  }
}

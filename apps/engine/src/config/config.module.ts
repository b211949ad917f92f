import { type DynamicModule, Global, Module } from '@nestjs/common';
import { appConfig } from './app.config';
import type { Configuration } from './configuration';
import { databaseConfig } from './database.config';
import { configProvider } from './register-as';
import { schedulerConfig } from './scheduler.config';
import { securityConfig } from './security.config';
import { wizConfig } from './wiz.config';

/** Provides each validated configuration area globally under `<area>Config.KEY`. */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(configuration: Configuration): DynamicModule {
    const providers = [
      configProvider(appConfig, configuration.app),
      configProvider(databaseConfig, configuration.database),
      configProvider(securityConfig, configuration.security),
      configProvider(wizConfig, configuration.wiz),
      configProvider(schedulerConfig, configuration.scheduler),
    ];
    return { module: AppConfigModule, providers, exports: providers };
  }
}

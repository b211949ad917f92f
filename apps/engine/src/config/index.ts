export { appConfig, type AppConfig } from './app.config';
export { databaseConfig, type DatabaseConfig } from './database.config';
export { securityConfig, type SecurityConfig, parseSecretKey, API_KEY_PATTERN } from './security.config';
export { wizConfig, type WizConfig, type WizEndpoints } from './wiz.config';
export { schedulerConfig, type SchedulerConfig } from './scheduler.config';
export { registerAs, type ConfigType, type ConfigArea } from './register-as';
export { ConfigValidationError, EnvReader, type EnvSource } from './env-reader';
export {
  loadConfiguration,
  processEnvironment,
  testAdminDatabaseUrl,
  type Configuration,
} from './configuration';
export { AppConfigModule } from './config.module';

import { appConfig, type AppConfig } from './app.config';
import { databaseConfig, type DatabaseConfig } from './database.config';
import { ConfigValidationError, EnvReader, type EnvSource } from './env-reader';
import { schedulerConfig, type SchedulerConfig } from './scheduler.config';
import { securityConfig, type SecurityConfig } from './security.config';
import { wizConfig, type WizConfig } from './wiz.config';

export interface Configuration {
  readonly app: AppConfig;
  readonly database: DatabaseConfig;
  readonly security: SecurityConfig;
  readonly wiz: WizConfig;
  readonly scheduler: SchedulerConfig;
}

/** Every configuration area; AppConfigModule provides each under its KEY. */
export const CONFIG_AREAS = [appConfig, databaseConfig, securityConfig, wizConfig, schedulerConfig] as const;

/** Reads and validates every area; throws one ConfigValidationError listing all problems. */
export function loadConfiguration(env: EnvSource): Configuration {
  const reader = new EnvReader(env);
  const configuration: Configuration = {
    app: appConfig(reader),
    database: databaseConfig(reader),
    security: securityConfig(reader),
    wiz: wizConfig(reader),
    scheduler: schedulerConfig(reader),
  };
  if (reader.problems.length > 0) throw new ConfigValidationError(reader.problems);
  return configuration;
}

/** The one place the engine reads `process.env` (a copy, so later mutation changes nothing). */
export function processEnvironment(): EnvSource {
  return { ...process.env };
}

/** Admin URL used by the test harness to create throw-away databases. */
export function testAdminDatabaseUrl(env: EnvSource = processEnvironment()): string {
  return env['DATABASE_URL_ADMIN'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

import * as path from 'node:path';
import 'pg'; // TypeORM loads the driver dynamically; import it so bundlers and Nx keep it.
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';

/** Every entity under src/ (any feature folder) and every migration under database/migrations. */
export const ENTITY_GLOB = path.join(__dirname, '..', '**', '*.entity.{ts,js}');
export const MIGRATION_GLOB = path.join(__dirname, 'migrations', '*.{ts,js}');

/**
 * The single definition of how the engine talks to Postgres, shared by the app, the TypeORM CLI and
 * the test harness. Schema changes only through migrations: never synchronize, never auto-run.
 */
export function buildDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [ENTITY_GLOB],
    migrations: [MIGRATION_GLOB],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    logging: ['error'],
    extra: { max: 10, application_name: 'wiztc-engine' },
  };
}

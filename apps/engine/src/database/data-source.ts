// The only TypeORM CLI entry (migration:run / revert / generate). Needs DATABASE_URL.
import { DataSource } from 'typeorm';
import { loadConfiguration, processEnvironment } from '../config';
import { buildDataSourceOptions } from './data-source-options';

const { database } = loadConfiguration(processEnvironment());
if (!database.url) {
  throw new Error(
    'DATABASE_URL is required for TypeORM CLI commands (e.g. postgres://postgres@127.0.0.1:5432/wiztc)',
  );
}

export default new DataSource(buildDataSourceOptions(database.url));

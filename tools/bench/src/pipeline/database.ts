// A throw-away database `wiztc_bench_<random>` on the Postgres server of DATABASE_URL, or else of the machine
// (DATABASE_URL_ADMIN, default postgres://postgres@127.0.0.1:5432/postgres), migrated, dropped at the end.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runPendingMigrations } from './engine';

export interface BenchDatabase {
  name: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** Thrown when no Postgres is reachable and DATABASE_URL was not given (the benchmark exits 2). */
export class NoPostgresError extends Error {}

function serverUrl(): { url: string; fromEnv: boolean } {
  const given = process.env['DATABASE_URL'];
  if (given) return { url: given, fromEnv: true };
  return {
    url: process.env['DATABASE_URL_ADMIN'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    fromEnv: false,
  };
}

/** The URL with any password hidden, for messages. */
function shown(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function admin<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const server = serverUrl();
  const name = `wiztc_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin(server.url, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  } catch (error) {
    const reason = `Postgres at ${shown(server.url)} is unreachable or refused: ${(error as Error).message}`;
    if (!server.fromEnv) throw new NoPostgresError(`${reason}. DATABASE_URL is not set either.`);
    throw new Error(reason);
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({ ...buildDataSourceOptions(url.toString()), logging: false });
  let dropped = false;
  const drop = async (): Promise<void> => {
    if (dropped) return;
    dropped = true;
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin(server.url, (c) =>
      c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`),
    );
  };
  try {
    await dataSource.initialize();
    await runPendingMigrations(dataSource);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, dataSource, drop };
}

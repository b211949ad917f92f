import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { Test, type TestingModule, type TestingModuleBuilder } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule, type AppModuleOptions } from '../src/app.module';
import { generateApiKey } from '../src/auth/api-key.material';
import { configureEngineApp, startEngineApp } from '../src/bootstrap';
import { RedactingLogger } from '../src/common/logging/redacting-logger';
import { loadConfiguration, testAdminDatabaseUrl, type EnvSource } from '../src/config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { runPendingMigrations } from '../src/database/migrations';

export interface TestDatabase {
  /** postgres://…/wiztc_t_<random> */
  readonly url: string;
  readonly name: string;
  /** Initialised, with every migration applied (unless `migrate: false`). */
  readonly dataSource: DataSource;
  /** Closes the data source and drops the database. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Run all migrations (default true). */
  readonly migrate?: boolean;
}

async function admin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testAdminDatabaseUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh database `wiztc_t_<random>` on the machine's Postgres (DATABASE_URL_ADMIN), migrated. */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `wiztc_t_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(testAdminDatabaseUrl());
  url.pathname = `/${name}`;
  const dataSource = new DataSource({ ...buildDataSourceOptions(url.toString()), logging: false });
  await dataSource.initialize();
  if (options.migrate ?? true) await runPendingMigrations(dataSource);
  let dropped = false;
  return {
    url: url.toString(),
    name,
    dataSource,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin((client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}

export interface BootTestAppOptions {
  /** Database to use (kept on close); by default a fresh one is created and dropped on close. */
  readonly database?: TestDatabase;
  /** Extra or overriding environment (the harness sets DATABASE_URL, key, data dir, port 0, scheduler off). */
  readonly env?: Record<string, string | undefined>;
  /** Swap providers: `(b) => b.overrideProvider(X).useValue(y)`. */
  readonly override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
  readonly imports?: AppModuleOptions['imports'];
  /** Log levels printed (default: errors only). */
  readonly logLevels?: LogLevel[];
}

export interface TestApp {
  readonly app: INestApplication;
  readonly moduleRef: TestingModule;
  /** http://127.0.0.1:<port> (no trailing slash; routes are under /api/v1). */
  readonly baseUrl: string;
  /** A system-administrator API key. */
  readonly adminKey: string;
  readonly database: TestDatabase;
  /** Temporary WIZTC_DATA_DIR (removed on close). */
  readonly dataDir: string;
  /** Every log line the app produced, already redacted. */
  readonly logs: string[];
  close(): Promise<void>;
}

/** Boots the whole engine on 127.0.0.1:0 against a test database, with a known admin key. */
export async function bootTestApp(options: BootTestAppOptions = {}): Promise<TestApp> {
  const ownDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiztc-test-'));
  const adminKey = options.env?.['WIZTC_BOOTSTRAP_ADMIN_KEY'] ?? generateApiKey();
  const env: EnvSource = {
    DATABASE_URL: database.url,
    WIZTC_SECRET_KEY: randomBytes(32).toString('hex'),
    WIZTC_DATA_DIR: dataDir,
    WIZTC_SCHEDULER_ENABLED: 'false',
    WIZTC_PREFLIGHT: 'false',
    WIZTC_BOOTSTRAP_ADMIN_KEY: adminKey,
    WIZTC_HOST: '127.0.0.1',
    PORT: '0',
    ...options.env,
  };
  const configuration = loadConfiguration(env);
  const logs: string[] = [];
  const logLevels = options.logLevels ?? ['error'];
  const logger = new RedactingLogger({
    logLevels: ['log', 'warn', 'error', 'debug', 'verbose'],
    sink: (line) => {
      logs.push(line);
      if (logLevels.some((level) => line.startsWith(`${level} `))) process.stderr.write(`${line}\n`);
    },
  });
  let builder = Test.createTestingModule({
    imports: [AppModule.forRoot(configuration, { imports: options.imports })],
  });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.setLogger(logger).compile();
  const app = moduleRef.createNestApplication({ logger });
  configureEngineApp(app);
  try {
    await startEngineApp(app, 0, '127.0.0.1');
  } catch (error) {
    await app.close();
    if (ownDatabase) await database.drop();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    moduleRef,
    baseUrl: `http://127.0.0.1:${address.port}`,
    adminKey,
    database,
    dataDir,
    logs,
    close: async () => {
      await app.close();
      if (ownDatabase) await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

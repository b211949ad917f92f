import { registerAs } from './register-as';

export interface DatabaseConfig {
  /** Postgres URL; undefined means "start the embedded Postgres". */
  readonly url: string | undefined;
  /** Port of the embedded Postgres (only used when url is undefined). */
  readonly embeddedPort: number;
}

export const databaseConfig = registerAs('database', (env): DatabaseConfig => {
  const url = env.optional('DATABASE_URL');
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    env.problem('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return { url, embeddedPort: env.int('WIZTC_EMBEDDED_PG_PORT', 54329, 1024, 65535) };
});

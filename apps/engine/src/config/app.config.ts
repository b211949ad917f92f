import * as path from 'node:path';
import { registerAs } from './register-as';

export interface AppConfig {
  /** HTTP port (0 = any free port). */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  /** Absolute directory for local state: embedded Postgres, generated key, job files. */
  readonly dataDir: string;
  /** NODE_ENV=production: no generated secrets, fail closed. */
  readonly production: boolean;
}

export const appConfig = registerAs(
  'app',
  (env): AppConfig => ({
    port: env.int('PORT', 3000, 0, 65535),
    host: env.string('WIZTC_HOST', '0.0.0.0'),
    dataDir: path.resolve(env.string('WIZTC_DATA_DIR', './.wiztc-data')),
    production: env.string('NODE_ENV', 'development') === 'production',
  }),
);

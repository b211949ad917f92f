import { registerAs } from './register-as';

export interface SchedulerConfig {
  /** When false the engine serves the API but starts no scheduled job (tests, read-only replicas). */
  readonly enabled: boolean;
  /** Live preflight check on every settings save and before each job (WIZTC_PREFLIGHT, default on). */
  readonly preflight: boolean;
}

export const schedulerConfig = registerAs(
  'scheduler',
  (env): SchedulerConfig => ({
    enabled: env.bool('WIZTC_SCHEDULER_ENABLED', true),
    preflight: env.bool('WIZTC_PREFLIGHT', true),
  }),
);

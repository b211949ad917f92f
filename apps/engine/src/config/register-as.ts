import type { Provider } from '@nestjs/common';
import { EnvReader, type EnvSource } from './env-reader';

/**
 * A named configuration area, in the spirit of `@nestjs/config`'s `registerAs`: a factory that reads
 * and validates its part of the environment, plus an injection token.
 * Inject with `@Inject(wizConfig.KEY) config: ConfigType<typeof wizConfig>`.
 */
export interface ConfigArea<T> {
  (reader: EnvReader): T;
  readonly KEY: string;
  readonly area: string;
}

export type ConfigType<A> = A extends ConfigArea<infer T> ? T : never;

export function registerAs<T>(area: string, factory: (reader: EnvReader) => T): ConfigArea<T> {
  return Object.assign((reader: EnvReader) => factory(reader), {
    KEY: `CONFIGURATION(${area})`,
    area,
  });
}

/** Builds a provider from an already validated value. */
export function configProvider<T>(area: ConfigArea<T>, value: T): Provider {
  return { provide: area.KEY, useValue: value };
}

export type { EnvSource };

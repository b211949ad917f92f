import type { TenantSettings } from '@wiztc/contracts';
import type { TcSimulator } from '@wiztc/tc-simulator';
import type { WizSimulator } from '@wiztc/wiz-simulator';
import { CLOCK } from '../../src/jobs/clock';
import { bootTestApp, type BootTestAppOptions, type TestApp } from '../harness';
import { call } from '../http';
import { tenantPayload } from '../tenant-fixtures';
import { ORG, SOURCE, TC_CREDENTIALS } from './pipeline-fixture';

/** A clock tests move by hand; the engine reads it through the CLOCK provider. */
export interface MovableClock {
  (): Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

/** Starts at `start`; with `ticking` it also follows the wall clock between moves (real durations). */
export function movableClock(
  start: Date | string = new Date(),
  options: { ticking?: boolean } = {},
): MovableClock {
  const pinned = Date.now();
  const wall = () => (options.ticking ? Date.now() : pinned);
  let offset = new Date(start).getTime() - pinned;
  const clock = (() => new Date(wall() + offset)) as MovableClock;
  clock.set = (at) => {
    offset = new Date(at).getTime() - wall();
  };
  clock.advance = (ms) => {
    offset += ms;
  };
  return clock;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Boots the engine with a movable clock (and, when given, pointed at the Wiz simulator). */
export async function bootEngine(
  clock: MovableClock,
  options: {
    wiz?: WizSimulator;
    env?: Record<string, string>;
    logLevels?: BootTestAppOptions['logLevels'];
  } = {},
): Promise<TestApp> {
  return bootTestApp({
    override: (b) => b.overrideProvider(CLOCK).useValue(clock),
    logLevels: options.logLevels,
    env: {
      WIZTC_WIZ_REQUESTS_PER_SECOND: 'unlimited',
      ...(options.wiz
        ? {
            WIZTC_WIZ_ENDPOINTS: JSON.stringify({ authUrl: options.wiz.authUrl, apiUrl: options.wiz.apiUrl }),
          }
        : {}),
      ...options.env,
    },
  });
}

/** Creates a tenant through the API; with simulators, one whose credentials reach them. */
export async function createTenant(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  sims?: { wiz: WizSimulator; tc: TcSimulator },
): Promise<TenantSettings> {
  const body = sims
    ? tenantPayload({
        name: ORG,
        tcOrganization: ORG,
        sourceName: SOURCE,
        wizClientId: sims.wiz.clientId,
        wizClientSecret: sims.wiz.clientSecret,
        tcApiUrl: sims.tc.url,
        tcAccessId: TC_CREDENTIALS.accessId,
        tcSecretKey: TC_CREDENTIALS.secretKey,
        exploitFilter: 'none',
        ...overrides,
      })
    : tenantPayload(overrides);
  const response = await call<TenantSettings>(t.baseUrl, 'POST', '/tenants', { key: t.adminKey, body });
  if (response.status !== 201) throw new Error(`tenant not created: ${response.status} ${response.text}`);
  return response.body;
}

/** Waits until `check` holds (polling), or fails with `what`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Test helpers for code that uses the ThreatConnect client: data factories with overrides, and a
// client wired to a fresh simulator on 127.0.0.1:0 (close it in afterAll/afterEach).
import { startTcSimulator, type TcSimulator, type TcSimulatorOptions } from '@wiztc/tc-simulator';
import { createTcClient, type TcClient, type TcClientOptions } from './lib/client';
import type { TcBatchGroup } from './lib/model/batch.model';
import type { TcCasePayload } from './lib/model/case.model';

export const TC_TEST_CREDENTIALS = {
  accessId: 'wiztc-test-access-id',
  secretKey: 'wiztc-test-secret-key-0123456789',
} as const;

export function tcBatchGroupFactory(overrides: Partial<TcBatchGroup> = {}): TcBatchGroup {
  const name = overrides.name ?? 'CVE-2025-0001';
  return {
    type: 'Vulnerability',
    name,
    xid: `wiztc:${name}`,
    attribute: [{ type: 'Description', value: `Description of ${name}`, displayed: true, source: 'Wiz' }],
    tag: [{ name }],
    ...overrides,
  };
}

export function tcCasePayloadFactory(overrides: Partial<TcCasePayload> = {}): TcCasePayload {
  return {
    name: 'Wiz - Finding - CVE-2025-0001',
    severity: 'High',
    status: 'Open',
    xid: 'wiztc:case:CVE-2025-0001',
    ...overrides,
  };
}

export interface TcTestBed {
  sim: TcSimulator;
  client: TcClient;
  /** Another client on the same simulator, with option overrides. */
  clientWith(overrides: Partial<TcClientOptions>): TcClient;
  close(): Promise<void>;
}

/** A simulator (Organization "Test Org", Source "Wiz Source", Community "Common Community") and a fast-retrying client. */
export async function startTcTestBed(
  simOptions: Partial<TcSimulatorOptions> = {},
  clientOptions: Partial<TcClientOptions> = {},
): Promise<TcTestBed> {
  const sim = await startTcSimulator({
    ...TC_TEST_CREDENTIALS,
    organization: 'Test Org',
    sources: ['Wiz Source'],
    communities: ['Common Community'],
    users: ['analyst@example.com'],
    tokens: ['APIV2:1:test-token'],
    ...simOptions,
  });
  const clientWith = (overrides: Partial<TcClientOptions>): TcClient =>
    createTcClient({
      baseUrl: sim.url,
      auth: { ...TC_TEST_CREDENTIALS },
      retry: { minDelayMs: 1, maxDelayMs: 5, jitter: 0 },
      ...clientOptions,
      ...overrides,
    });
  return { sim, client: clientWith({}), clientWith, close: () => sim.close() };
}

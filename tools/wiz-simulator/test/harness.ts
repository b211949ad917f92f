// Shared helpers for the loopback suites: a Wiz client pointed at a simulator, tuned for fast tests.
import { createWizClient, type WizClient, type WizClientOptions } from '@wiztc/wiz-client';
import type { WizFindingsPageResult, WizFindingsQuery } from '@wiztc/wiz-client/model';
import { fetchSimulatorToken, type WizSimulator } from '../src';

export function clientFor(sim: WizSimulator, extra: Partial<WizClientOptions> = {}): WizClient {
  return createWizClient({
    environment: 'app.wiz.io',
    dataCenter: 'us17',
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    endpoints: { authUrl: sim.authUrl, apiUrl: sim.apiUrl },
    requestsPerSecond: null,
    retry: { baseDelayMs: 1, maxDelayMs: 10 },
    timeoutMs: 5_000,
    ...extra,
  });
}

export async function walk(
  client: WizClient,
  query: WizFindingsQuery,
): Promise<{ ids: string[]; pages: WizFindingsPageResult[] }> {
  const ids: string[] = [];
  const pages: WizFindingsPageResult[] = [];
  for await (const page of client.vulnerabilityFindings(query)) {
    pages.push(page);
    ids.push(...page.nodes.map((n) => n.id));
  }
  return { ids, pages };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

export const tokenFor = (sim: WizSimulator): Promise<string> => fetchSimulatorToken(sim);

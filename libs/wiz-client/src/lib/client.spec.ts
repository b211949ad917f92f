import { createWizClient, type WizClientOptions } from './client';
import { WizAuthError, WizConfigError, WizCursorError, WizGraphQLError, WizRateLimitError } from './errors';
import { collectNodes } from './pagination';
import { wizFindingFactory, wizFindingsPageFactory } from './testing/finding.factory';
import {
  graphqlErrorResponse,
  graphqlResponse,
  scriptedFetch,
  tokenResponse,
  type ScriptedReply,
} from './testing/scripted-fetch';

const SECRET = 'super-secret-client-secret-value-0123456789';

function options(fetchImpl: typeof fetch, extra: Partial<WizClientOptions> = {}): WizClientOptions {
  return {
    environment: 'app.wiz.io',
    dataCenter: 'us17',
    clientId: 'unit-client-id',
    clientSecret: SECRET,
    requestsPerSecond: null,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    fetch: fetchImpl,
    ...extra,
  };
}

function page(
  ids: string[],
  hasNextPage: boolean,
  endCursor: string | null,
  totalCount?: number,
): ScriptedReply {
  return graphqlResponse({
    vulnerabilityFindings: wizFindingsPageFactory(
      ids.map((id) => wizFindingFactory({ id })),
      { hasNextPage, endCursor },
      totalCount,
    ),
  });
}

describe('createWizClient (scripted fetch)', () => {
  it('authenticates with form-encoded client credentials and sends a bearer token to the computed URL', async () => {
    const fake = scriptedFetch({ graphql: [page(['a'], false, null)] });
    const client = createWizClient(options(fake.fetch));
    await collectNodes(client.vulnerabilityFindings({}), 10);

    const [tokenRequest, apiRequest] = fake.requests;
    expect(tokenRequest?.url).toBe('https://auth.app.wiz.io/oauth/token');
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(tokenRequest?.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'unit-client-id',
      client_secret: SECRET,
      audience: 'wiz-api',
    });
    expect(apiRequest?.url).toBe('https://api.us17.app.wiz.io/graphql');
    expect(apiRequest?.headers['authorization']).toBe('Bearer test-access-token-0001');
  });

  it('asks for all four statuses, the window and the exploit filter; totalCount on the first page only', async () => {
    const fake = scriptedFetch({ graphql: [page(['a', 'b'], true, 'c1', 3), page(['c'], false, 'c2')] });
    const client = createWizClient(options(fake.fetch));
    const pages = [];
    for await (const p of client.vulnerabilityFindings({
      updatedAfter: '2024-06-01T00:00:00Z',
      updatedBefore: '2024-06-02T00:00:00Z',
      exploitFilter: 'cisaKev',
      pageSize: 2,
    })) {
      pages.push(p);
    }
    expect(pages.map((p) => p.nodes.map((n) => n.id))).toEqual([['a', 'b'], ['c']]);
    expect(pages[0]).toMatchObject({ endCursor: 'c1', hasNextPage: true, totalCount: 3 });
    expect(pages[1]?.totalCount).toBeUndefined();
    const bodies = fake.requests
      .slice(1)
      .map((r) => JSON.parse(r.body) as { variables: Record<string, unknown> });
    expect(bodies[0]?.variables).toEqual({
      filterBy: {
        status: ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'],
        updatedAt: { after: '2024-06-01T00:00:00.000Z', before: '2024-06-02T00:00:00.000Z' },
        hasCisaKevExploit: true,
      },
      first: 2,
      after: null,
      includeTotalCount: true,
    });
    expect(bodies[1]?.variables).toMatchObject({ after: 'c1', includeTotalCount: false });
  });

  it('treats GraphQL errors inside HTTP 200 as failures typed by extensions.code, without retrying BAD_USER_INPUT', async () => {
    const fake = scriptedFetch({
      graphql: [graphqlErrorResponse('BAD_USER_INPUT', { message: 'first too large' })],
    });
    const client = createWizClient(options(fake.fetch));
    const walk = collectNodes(client.vulnerabilityFindings({ pageSize: 9999 }), 10);
    await expect(walk).rejects.toBeInstanceOf(WizGraphQLError);
    await expect(walk).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(fake.requests).toHaveLength(2);
  });

  it('waits extensions.retryAfter on RATE_LIMIT_EXCEEDED, and Retry-After when the body has none', async () => {
    const fake = scriptedFetch({
      graphql: [
        graphqlErrorResponse('RATE_LIMIT_EXCEEDED', { status: 429, retryAfter: 0.12 }),
        { status: 429, headers: { 'retry-after': '0.1' }, body: 'slow down' },
        page(['a'], false, null),
      ],
    });
    const client = createWizClient(options(fake.fetch));
    const started = Date.now();
    expect((await collectNodes(client.vulnerabilityFindings({}), 10)).map((n) => n.id)).toEqual(['a']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('gives up with WizRateLimitError when the rate-limit budget is spent', async () => {
    const fake = scriptedFetch({
      graphql: [graphqlErrorResponse('RATE_LIMIT_EXCEEDED', { status: 429, retryAfter: 0 })],
    });
    const client = createWizClient(
      options(fake.fetch, { retry: { maxRateLimitRetries: 2, baseDelayMs: 1 } }),
    );
    await expect(collectNodes(client.vulnerabilityFindings({}), 10)).rejects.toBeInstanceOf(
      WizRateLimitError,
    );
    expect(fake.requests).toHaveLength(1 + 3);
  });

  it('re-authenticates once on UNAUTHENTICATED and continues with the new token', async () => {
    const fake = scriptedFetch({
      token: [tokenResponse('token-one-aaaa'), tokenResponse('token-two-bbbb')],
      graphql: [graphqlErrorResponse('UNAUTHENTICATED', { status: 401 }), page(['a'], false, null)],
    });
    const client = createWizClient(options(fake.fetch));
    expect(await collectNodes(client.vulnerabilityFindings({}), 10)).toHaveLength(1);
    const auths = fake.requests
      .filter((r) => r.url.includes('graphql'))
      .map((r) => r.headers['authorization']);
    expect(auths).toEqual(['Bearer token-one-aaaa', 'Bearer token-two-bbbb']);
  });

  it('fails with WizAuthError when a fresh token is refused as well', async () => {
    const fake = scriptedFetch({ graphql: [graphqlErrorResponse('UNAUTHENTICATED', { status: 401 })] });
    const client = createWizClient(options(fake.fetch));
    await expect(collectNodes(client.vulnerabilityFindings({}), 10)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(fake.requests.filter((r) => r.url.includes('graphql'))).toHaveLength(2);
  });

  it('refreshes the token before expires_in runs out', async () => {
    const fake = scriptedFetch({
      token: [tokenResponse('short-lived-1', 0.05), tokenResponse('short-lived-2', 900)],
      graphql: [page(['a'], true, 'c1'), page(['b'], false, null)],
    });
    const client = createWizClient(options(fake.fetch));
    const iterator = client.vulnerabilityFindings({})[Symbol.asyncIterator]();
    await iterator.next();
    await new Promise((r) => setTimeout(r, 60));
    await iterator.next();
    const auths = fake.requests
      .filter((r) => r.url.includes('graphql'))
      .map((r) => r.headers['authorization']);
    expect(auths).toEqual(['Bearer short-lived-1', 'Bearer short-lived-2']);
  });

  it('verifyCredentials rejects refused credentials with a clear message that never contains the secret', async () => {
    const fake = scriptedFetch({
      token: [{ status: 401, body: { error: 'access_denied', error_description: `bad secret ${SECRET}` } }],
    });
    const client = createWizClient(options(fake.fetch));
    const error = await client.verifyCredentials().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WizAuthError);
    expect((error as Error).message).toMatch(/rejected the client credentials for client id unit-client-id/);
    expect((error as Error).message).not.toContain(SECRET);
    expect((error as Error).message).toContain('[REDACTED]');
  });

  it('throws WizCursorError when the cursor does not advance', async () => {
    const fake = scriptedFetch({ graphql: [page(['a'], true, 'same'), page(['b'], true, 'same')] });
    const client = createWizClient(options(fake.fetch));
    await expect(collectNodes(client.vulnerabilityFindings({}), 100)).rejects.toBeInstanceOf(WizCursorError);
    expect(fake.requests.filter((r) => r.url.includes('graphql'))).toHaveLength(2);
  });

  it('rejects bad configuration and bad queries before any request', () => {
    const fake = scriptedFetch({});
    expect(() => createWizClient(options(fake.fetch, { dataCenter: 'us17.evil.com/' }))).toThrow(
      WizConfigError,
    );
    expect(() => createWizClient(options(fake.fetch, { environment: 'evil.com' as never }))).toThrow(
      WizConfigError,
    );
    const client = createWizClient(options(fake.fetch));
    expect(() => client.vulnerabilityFindings({ updatedAfter: 'yesterday' })).toThrow(WizConfigError);
    expect(() => client.vulnerabilityFindings({ statuses: [] })).toThrow(WizConfigError);
    expect(() => client.vulnerabilityFindings({ pageSize: 0 })).toThrow(WizConfigError);
    expect(fake.requests).toHaveLength(0);
  });
});

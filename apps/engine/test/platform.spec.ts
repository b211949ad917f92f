import { bootTestApp, type TestApp } from './harness';
import { call } from './http';

describe('engine platform: health, authentication, errors, OpenAPI', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves liveness and readiness without a key', async () => {
    const live = await call(t.baseUrl, 'GET', '/health');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok' });
    const ready = await call(t.baseUrl, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'up', pendingMigrations: 0 });
  });

  it('answers 401 JSON without a key, with a malformed header and with an unknown key', async () => {
    for (const key of [undefined, 'wtc_unknownunknownunknownunknownunknown12']) {
      const response = await call(t.baseUrl, 'GET', '/tenants', { key });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect(typeof response.body['message']).toBe('string');
    }
    const basic = await fetch(`${t.baseUrl}/api/v1/tenants`, { headers: { authorization: 'Basic abc' } });
    expect(basic.status).toBe(401);
  });

  it('accepts the admin key', async () => {
    const response = await call(t.baseUrl, 'GET', '/tenants', { key: t.adminKey });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], total: 0 });
  });

  it('answers unknown routes and invalid JSON with the JSON error shape', async () => {
    const missing = await call(t.baseUrl, 'GET', '/no-such-route', { key: t.adminKey });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const broken = await call(t.baseUrl, 'POST', '/tenants', { key: t.adminKey, rawBody: '{"name": ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(broken.body['message']).toMatch(/JSON/);
  });

  it('serves the OpenAPI document with the tenant routes', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/tenants',
        '/api/v1/tenants/{tenantId}',
        '/api/v1/health',
        '/api/v1/api-keys',
      ]),
    );
  });
});

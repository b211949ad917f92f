import { TC_GROUP_TYPES, type CreatedApiKey, type TenantSettings } from '@wiztc/contracts';
import { TenantsService } from '../src/tenants/tenants.service';
import { bootTestApp, type TestApp } from './harness';
import { call } from './http';
import { tenantPayload } from './tenant-fixtures';

describe('tenants API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (body: Record<string, unknown>, key = t.adminKey) =>
    call<TenantSettings>(t.baseUrl, 'POST', '/tenants', { key, body });

  it('creates a tenant with the guide defaults and never returns secrets', async () => {
    const payload = tenantPayload();
    const response = await create(payload);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: payload['name'],
      sourceName: payload['sourceName'],
      wizClientSecretSet: true,
      tcSecretKeySet: true,
      exploitFilter: 'hasExploit',
      groupTypesToScan: [...TC_GROUP_TYPES],
      ownersToScan: [],
      indicatorTypesToScan: [],
      assignee: null,
      scheduleIntervalMinutes: 60,
      initialBackfillDays: 30,
      maxRestartAttempts: 3,
      retentionDays: 30,
      enabled: true,
      runAfterDeployment: false,
    });
    expect(response.text).not.toContain(String(payload['wizClientSecret']));
    expect(response.text).not.toContain(String(payload['tcSecretKey']));
    expect(response.body).not.toHaveProperty('wizClientSecret');
    expect(response.body).not.toHaveProperty('tcSecretKey');

    for (const route of ['/tenants', `/tenants/${response.body.id}`]) {
      const read = await call(t.baseUrl, 'GET', route, { key: t.adminKey });
      expect(read.status).toBe(200);
      expect(read.text).not.toContain('PLAINTEXT');
    }
  });

  it('stores secrets encrypted: no plaintext in the table, decrypted only for the pipeline', async () => {
    const payload = tenantPayload();
    const { body } = await create(payload);
    const rows: Array<Record<string, unknown>> = await t.database.dataSource.query(
      'SELECT * FROM tenant WHERE id = $1',
      [body.id],
    );
    const raw = JSON.stringify(rows, (_key, value: unknown) =>
      value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer'
        ? Buffer.from((value as { data: number[] }).data).toString('latin1')
        : value,
    );
    expect(rows).toHaveLength(1);
    expect(raw).not.toContain(String(payload['wizClientSecret']));
    expect(raw).not.toContain(String(payload['tcSecretKey']));
    expect(Buffer.isBuffer(rows[0]?.['wiz_client_secret_encrypted'])).toBe(true);

    const settings = await t.app.get(TenantsService).getRuntimeSettings(body.id);
    expect(settings.wizClientSecret).toBe(payload['wizClientSecret']);
    expect(settings.tcSecretKey).toBe(payload['tcSecretKey']);
  });

  it('refuses a Wiz client id already used by another tenant, and a taken Source name', async () => {
    const first = await create(tenantPayload());
    const dupClient = await create(tenantPayload({ wizClientId: first.body.wizClientId }));
    expect(dupClient.status).toBe(409);
    expect(dupClient.body['message' as keyof TenantSettings]).toMatch(
      /wizClientId is already used by another tenant.*never shared/,
    );
    const dupSource = await create(tenantPayload({ sourceName: first.body.sourceName.toUpperCase() }));
    expect(dupSource.status).toBe(409);
    expect(dupSource.body['message' as keyof TenantSettings]).toMatch(/sourceName is already used/);

    const other = await create(tenantPayload());
    const patch = await call(t.baseUrl, 'PATCH', `/tenants/${other.body.id}`, {
      key: t.adminKey,
      body: { wizClientId: first.body.wizClientId },
    });
    expect(patch.status).toBe(409);
    const unchanged = await call<TenantSettings>(t.baseUrl, 'GET', `/tenants/${other.body.id}`, {
      key: t.adminKey,
    });
    expect(unchanged.body.wizClientId).toBe(other.body.wizClientId);
  });

  it.each([
    [
      { wizEnvironment: 'evil.example.com' },
      'wizEnvironment must be one of: app.wiz.io, app.wiz.us, gov.wiz.io',
    ],
    [{ wizDataCenter: 'US17' }, 'wizDataCenter must be a data-center name'],
    [{ wizDataCenter: 'us17.evil.com/' }, 'wizDataCenter must be a data-center name'],
    [{ wizClientId: 'has space' }, 'wizClientId must be a non-empty string without spaces'],
    [{ wizClientSecret: '' }, 'wizClientSecret must not be empty'],
    [{ sourceName: '' }, 'sourceName must not be empty'],
    [{ exploitFilter: 'maybe' }, 'exploitFilter must be one of: none, hasExploit, cisaKev'],
    [{ groupTypesToScan: ['Vulnerability', 'Spaceship'] }, 'each groupTypesToScan entry must be one of'],
    [{ ownersToScan: ['A', 'A'] }, 'ownersToScan must not repeat an owner'],
    [{ tcApiUrl: 'ftp://example.com' }, 'tcApiUrl must be an http(s) URL'],
    [{ scheduleIntervalMinutes: 1 }, 'scheduleIntervalMinutes must not be less than 5'],
    [{ initialBackfillDays: 2.5 }, 'initialBackfillDays must be a whole number of days'],
    [{ retentionDays: 0 }, 'retentionDays must not be less than 1'],
    [{ activateDeprecation: 'yes' }, 'activateDeprecation must be a boolean value'],
    [{ colour: 'blue' }, 'colour is not a known field'],
  ])('rejects %j with a clear reason and stores nothing', async (override, reason) => {
    const before = await t.database.dataSource.query('SELECT count(*)::int AS n FROM tenant');
    const response = await create(tenantPayload(override));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const body = response.body as unknown as { message: string; details: string[] };
    expect(body.details.some((d) => d.includes(reason))).toBe(true);
    expect(body.message).toContain(reason);
    const after = await t.database.dataSource.query('SELECT count(*)::int AS n FROM tenant');
    expect(after).toEqual(before);
  });

  it('lists every missing required field at once', async () => {
    const response = await create({});
    expect(response.status).toBe(400);
    const details = (response.body as unknown as { details: string[] }).details.join('\n');
    for (const field of [
      'name',
      'tcOrganization',
      'sourceName',
      'wizEnvironment',
      'wizDataCenter',
      'wizClientId',
      'wizClientSecret',
      'tcApiUrl',
      'tcAccessId',
      'tcSecretKey',
    ]) {
      expect(details).toContain(field);
    }
  });

  it('updates settings partially, replaces a secret only when sent, and clears the assignee with null', async () => {
    const payload = tenantPayload({ assignee: 'analyst@example.com' });
    const { body } = await create(payload);
    const patched = await call<TenantSettings>(t.baseUrl, 'PATCH', `/tenants/${body.id}`, {
      key: t.adminKey,
      body: { ownersToScan: ['Demo Community'], assignee: null, exploitFilter: 'cisaKev' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      ownersToScan: ['Demo Community'],
      assignee: null,
      exploitFilter: 'cisaKev',
      name: payload['name'],
    });
    const service = t.app.get(TenantsService);
    expect((await service.getRuntimeSettings(body.id)).wizClientSecret).toBe(payload['wizClientSecret']);

    await call(t.baseUrl, 'PATCH', `/tenants/${body.id}`, {
      key: t.adminKey,
      body: { wizClientSecret: 'rotated-secret-PLAINTEXT' },
    });
    expect((await service.getRuntimeSettings(body.id)).wizClientSecret).toBe('rotated-secret-PLAINTEXT');

    const nulled = await call(t.baseUrl, 'PATCH', `/tenants/${body.id}`, {
      key: t.adminKey,
      body: { name: null },
    });
    expect(nulled.status).toBe(400);
    expect(nulled.body['message']).toBe('name cannot be null');
  });

  it('refuses a save when the preflight check fails, listing the problems', async () => {
    const service = t.app.get(TenantsService);
    service.setPreflight(async (settings) =>
      settings.wizClientSecret === 'bad'
        ? { ok: false, problems: ['Wiz: token request refused (401)'] }
        : { ok: true, problems: [] },
    );
    try {
      const refused = await create(tenantPayload({ wizClientSecret: 'bad' }));
      expect(refused.status).toBe(422);
      expect(refused.body['message' as keyof TenantSettings]).toContain('Wiz: token request refused (401)');
      const accepted = await create(tenantPayload());
      expect(accepted.status).toBe(201);
    } finally {
      service.setPreflight(async () => ({ ok: true, problems: [] }));
    }
  });

  describe('organization administrators', () => {
    let mine: TenantSettings;
    let theirs: TenantSettings;
    let orgKey: string;

    beforeAll(async () => {
      mine = (await create(tenantPayload())).body;
      theirs = (await create(tenantPayload())).body;
      const created = await call<CreatedApiKey>(t.baseUrl, 'POST', '/api-keys', {
        key: t.adminKey,
        body: { name: 'org admin', tenantId: mine.id },
      });
      expect(created.status).toBe(201);
      expect(created.body.key).toMatch(/^wtc_/);
      expect(created.body.prefix).toBe(created.body.key.slice(0, 12));
      orgKey = created.body.key;
    });

    it('reads and edits its own tenant', async () => {
      expect((await call(t.baseUrl, 'GET', `/tenants/${mine.id}`, { key: orgKey })).status).toBe(200);
      const patched = await call<TenantSettings>(t.baseUrl, 'PATCH', `/tenants/${mine.id}`, {
        key: orgKey,
        body: { assignee: 'me' },
      });
      expect(patched.status).toBe(200);
      expect(patched.body.assignee).toBe('me');
    });

    it('gets 404 (not 403) for another tenant and for a tenant that does not exist', async () => {
      for (const id of [theirs.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const read = await call(t.baseUrl, 'GET', `/tenants/${id}`, { key: orgKey });
        expect(read.status).toBe(404);
        expect(read.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'tenant not found' });
        expect(
          (await call(t.baseUrl, 'PATCH', `/tenants/${id}`, { key: orgKey, body: { assignee: 'x' } })).status,
        ).toBe(404);
      }
      const untouched = await call<TenantSettings>(t.baseUrl, 'GET', `/tenants/${theirs.id}`, {
        key: t.adminKey,
      });
      expect(untouched.body.assignee).toBeNull();
    });

    it('cannot list or create tenants, create keys, or change deployment settings', async () => {
      expect((await call(t.baseUrl, 'GET', '/tenants', { key: orgKey })).status).toBe(403);
      expect((await create(tenantPayload(), orgKey)).status).toBe(403);
      expect(
        (await call(t.baseUrl, 'POST', '/api-keys', { key: orgKey, body: { name: 'x', tenantId: mine.id } }))
          .status,
      ).toBe(403);
      const moved = await call(t.baseUrl, 'PATCH', `/tenants/${mine.id}`, {
        key: orgKey,
        body: { sourceName: 'elsewhere' },
      });
      expect(moved.status).toBe(403);
      expect(moved.body['message']).toBe('only a system administrator can change: sourceName');
    });

    it('loses access when its key is revoked', async () => {
      const created = await call<CreatedApiKey>(t.baseUrl, 'POST', '/api-keys', {
        key: t.adminKey,
        body: { name: 'temp', tenantId: mine.id },
      });
      expect((await call(t.baseUrl, 'GET', `/tenants/${mine.id}`, { key: created.body.key })).status).toBe(
        200,
      );
      expect(
        (await call(t.baseUrl, 'POST', `/api-keys/${created.body.id}/revoke`, { key: t.adminKey })).status,
      ).toBe(204);
      expect((await call(t.baseUrl, 'GET', `/tenants/${mine.id}`, { key: created.body.key })).status).toBe(
        401,
      );
    });
  });

  it('keeps API keys hashed in the database', async () => {
    const rows: Array<{ key_hash: string; prefix: string }> = await t.database.dataSource.query(
      'SELECT key_hash, prefix FROM api_key',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(t.adminKey);
    for (const row of rows) expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never writes a secret to the logs', () => {
    const logs = t.logs.join('\n');
    expect(logs).not.toContain('PLAINTEXT');
    expect(logs).not.toContain(t.adminKey);
  });
});

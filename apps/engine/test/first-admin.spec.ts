import { ADMIN_KEY_OUTPUT } from '../src/auth/first-admin.service';
import { bootTestApp, createTestDatabase, type TestDatabase } from './harness';
import { call } from './http';

describe('first system administrator', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const boot = async (printed: string[]) =>
    bootTestApp({
      database: db,
      env: { WIZTC_BOOTSTRAP_ADMIN_KEY: undefined },
      override: (builder) =>
        builder.overrideProvider(ADMIN_KEY_OUTPUT).useValue((text: string) => printed.push(text)),
    });

  it('is created at first start, printed once, usable, and never printed again', async () => {
    const first: string[] = [];
    const app1 = await boot(first);
    let key: string;
    try {
      expect(first).toHaveLength(1);
      const match = /API key \(shown once, store it now\): (wtc_[A-Za-z0-9_-]+)/.exec(first[0] ?? '');
      expect(match).not.toBeNull();
      key = match?.[1] ?? '';
      expect((await call(app1.baseUrl, 'GET', '/tenants', { key })).status).toBe(200);
      expect(app1.logs.join('\n')).not.toContain(key);
    } finally {
      await app1.close();
    }

    const second: string[] = [];
    const app2 = await boot(second);
    try {
      expect(second).toEqual([]);
      expect((await call(app2.baseUrl, 'GET', '/tenants', { key })).status).toBe(200);
      const rows: Array<{ n: number }> = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM api_key WHERE role = 'system-admin'`,
      );
      expect(rows[0]?.n).toBe(1);
    } finally {
      await app2.close();
    }
  });
});

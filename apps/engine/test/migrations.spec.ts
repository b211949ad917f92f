import { createTestDatabase, type TestDatabase } from './harness';

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('leave no drift between every entity under src/ and the migrated schema (migration:generate --check)', async () => {
    expect(db.dataSource.entityMetadatas.map((m) => m.tableName)).toEqual(
      expect.arrayContaining(['tenant', 'api_key']),
    );
    const sql = await db.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('follow the <epoch-ms>-<PascalCaseVerbNoun> naming', () => {
    for (const migration of db.dataSource.migrations) {
      expect(migration.name).toMatch(/^(Create|Add|Drop|Rename|Alter|Backfill|Index)[A-Z][A-Za-z]*\d{13}$/);
    }
  });

  it('revert all the way down and apply again', async () => {
    const count = db.dataSource.migrations.length;
    for (let i = 0; i < count; i += 1) await db.dataSource.undoLastMigration({ transaction: 'each' });
    const tables: Array<{ table_name: string }> = await db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
    expect(await db.dataSource.showMigrations()).toBe(true);

    const applied = await db.dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(count);
    expect((await db.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});

import type { DataSource } from 'typeorm';

/** Applies pending migrations, each in its own transaction; returns the names applied. */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}

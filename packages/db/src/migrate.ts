import { createDataSource } from './data-source.js';
import { ensureDatabase } from './database.js';

/** Creates the database if missing and applies pending migrations. Returns their names. */
export async function migrate(url: string): Promise<{ created: boolean; applied: string[] }> {
  const created = await ensureDatabase(url);
  const dataSource = createDataSource(url, { poolSize: 2, applicationName: 'guichet-migrate' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { created, applied: applied.map((m) => m.name) };
  } finally {
    await dataSource.destroy();
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { quoteIdent, withServer } from './database.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const baseUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/guichet';

function urlFor(database: string): string {
  const url = new URL(baseUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh database cloned from a migrated template (created once per migration set,
 * under an advisory lock so parallel test files do not race).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const hash = createHash('sha256')
    .update(MIGRATIONS.map((m) => m.name).join(','))
    .digest('hex')
    .slice(0, 12);
  const template = `guichet_tpl_${hash}`;
  const name = `guichet_t_${randomBytes(6).toString('hex')}`;
  await withServer(baseUrl(), async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!exists.rowCount) {
        const building = `${template}_build`;
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)}`);
        await migrate(urlFor(building));
        await client.query(
          `ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`,
        );
      }
      await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return {
    url: urlFor(name),
    name,
    drop: () =>
      withServer(baseUrl(), (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).then(() => undefined),
      ),
  };
}

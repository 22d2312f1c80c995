import { normalizeUsername } from '@guichet/rules';
import type { DataSource, EntityManager } from 'typeorm';

/** The id of the tenant's account with that username (normalized), if any. */
export async function findAccountId(db: DataSource | EntityManager, tenantId: string, username: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }[]>('SELECT id FROM users WHERE tenant_id = $1 AND username = $2', [tenantId, normalizeUsername(username)]);
  return row?.id ?? null;
}

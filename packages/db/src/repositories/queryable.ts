import type { DataSource, EntityManager } from 'typeorm';

/** Where a repository runs its statements: the pool, or the manager of a transaction. */
export type Queryable = DataSource | EntityManager;

/**
 * Runs an UPDATE or DELETE (with or without RETURNING): TypeORM's pg driver answers those with
 * `[rows, affected]`, a SELECT with the rows alone.
 */
export async function modify<T = unknown>(
  db: Queryable,
  sql: string,
  params: readonly unknown[],
): Promise<{ rows: T[]; count: number }> {
  const result = (await db.query(sql, params as unknown[])) as unknown;
  if (Array.isArray(result) && result.length === 2 && typeof result[1] === 'number') {
    const rows = Array.isArray(result[0]) ? (result[0] as T[]) : [];
    return { rows, count: result[1] };
  }
  const rows = Array.isArray(result) ? (result as T[]) : [];
  return { rows, count: rows.length };
}

/** The first row of a SELECT, or null. */
export async function one<T>(
  db: Queryable,
  sql: string,
  params: readonly unknown[],
): Promise<T | null> {
  const [row] = await db.query<T[]>(sql, params as unknown[]);
  return row ?? null;
}

import type { Page } from '@guichet/types';
import type { DataSource } from 'typeorm';

/** `\`, `%` and `_` escaped, for a LIKE pattern built around user input. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * One page of `SELECT columns FROM from WHERE where ORDER BY orderBy`, with the count of every
 * matching row. The SQL parts are the caller's own text; what the user typed goes in `params`.
 */
export async function selectPage<Row, View>(
  db: DataSource,
  sql: { columns: string; from: string; where: string; orderBy: string },
  params: unknown[],
  query: { page: number; pageSize: number },
  toView: (row: Row) => View,
): Promise<Page<View>> {
  const [{ total }] = await db.query<[{ total: number }]>(
    `SELECT count(*)::int AS total FROM ${sql.from} WHERE ${sql.where}`,
    params,
  );
  const rows = await db.query<Row[]>(
    `SELECT ${sql.columns} FROM ${sql.from} WHERE ${sql.where} ORDER BY ${sql.orderBy} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
}

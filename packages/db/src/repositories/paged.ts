import type { Queryable } from './queryable.js';

/** `\`, `%` and `_` escaped, for a LIKE pattern built around user input. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface RowsPage<Row> {
  rows: Row[];
  total: number;
}

/**
 * One page of `SELECT columns FROM from WHERE where ORDER BY orderBy`, with the count of every
 * matching row. The SQL parts are the repository's own text; what the user typed goes in `params`.
 */
export async function selectPage<Row>(
  db: Queryable,
  sql: { columns: string; from: string; where: string; orderBy: string },
  params: unknown[],
  query: PageQuery,
): Promise<RowsPage<Row>> {
  const [{ total }] = await db.query<[{ total: number }]>(
    `SELECT count(*)::int AS total FROM ${sql.from} WHERE ${sql.where}`,
    params,
  );
  const rows = await db.query<Row[]>(
    `SELECT ${sql.columns} FROM ${sql.from} WHERE ${sql.where} ORDER BY ${sql.orderBy} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { rows, total };
}

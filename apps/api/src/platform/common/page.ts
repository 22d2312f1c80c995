import type { Page } from '@guichet/types';

/** A listing screen's page: the rows a repository found, as views, with the query's page and size. */
export function pageOf<R, V>(
  found: { rows: R[]; total: number },
  query: { page: number; pageSize: number },
  view: (row: R) => V,
): Page<V> {
  return {
    items: found.rows.map(view),
    total: found.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The admin API: pages and lists. */

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

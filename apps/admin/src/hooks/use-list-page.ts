import { useState } from 'react';

/** A list's filters and page; whenever a filter changes, back to the first page. */
export function useListFilters<F extends Record<string, string>>(idPrefix: string, initial: F) {
  const [filters, setFilters] = useState(initial);
  const [page, setPage] = useState(1);
  /** The id (`{idPrefix}-{key}`), value and setter of a filter's field. */
  const filter = (key: keyof F & string) => ({
    id: `${idPrefix}-${key}`,
    value: filters[key],
    onChange: (value: string) => {
      setFilters((f) => ({ ...f, [key]: value }));
      setPage(1);
    },
  });
  return { filters, filter, page, setPage };
}

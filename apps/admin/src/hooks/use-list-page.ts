import { useState } from 'react';

/** The page of a filtered list, back to the first whenever a filter changes. */
export function useListPage() {
  const [page, setPage] = useState(1);
  /** A filter's setter that also goes back to the first page. */
  const firstPage =
    <V>(set: (value: V) => void) =>
    (value: V) => {
      set(value);
      setPage(1);
    };
  return { page, setPage, firstPage };
}

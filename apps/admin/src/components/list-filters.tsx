import { FilterSelect, NO_ASSIST, SearchField, TextField } from './fields';

/** A filter of a list: a choice among values (or all), a search box, a word, or a day. */
export type FilterSpec<K extends string> = { key: K; label: string; hint?: string } & (
  | { kind: 'select'; all: string; values: readonly string[]; labels: Record<string, string> }
  | { kind: 'search' | 'text' | 'date' }
);

interface Props<K extends string> {
  /** The name of the search region. */
  label: string;
  specs: readonly FilterSpec<K>[];
  /** The id, value and setter of a filter's field (see `useListFilters`). */
  filter: (key: K) => { id: string; value: string; onChange: (value: string) => void };
}

/** The filters above a list, in a search region. */
export function ListFilters<K extends string>({ label, specs, filter }: Props<K>) {
  return (
    <div className="filters" role="search" aria-label={label}>
      {specs.map((spec) => {
        const field = { ...filter(spec.key), label: spec.label, hint: spec.hint };
        switch (spec.kind) {
          case 'select':
            return (
              <FilterSelect
                key={spec.key}
                {...field}
                allLabel={spec.all}
                values={spec.values}
                labels={spec.labels}
              />
            );
          case 'search':
            return <SearchField key={spec.key} {...field} />;
          case 'text':
            return <TextField key={spec.key} {...field} {...NO_ASSIST} />;
          case 'date':
            return <TextField key={spec.key} {...field} type="date" />;
        }
      })}
    </div>
  );
}

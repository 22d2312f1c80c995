import type { ReactNode } from 'react';
import type { Page } from '@guichet/types';
import type { AsyncState } from '../hooks/use-async';
import { Loadable } from './feedback';
import { Pager } from './pager';

interface DataTableProps {
  /** The heading that names the table (its scrolling region is labelled by it). */
  labelledBy: string;
  testId: string;
  columns: ReactNode[];
  className?: string;
  busy?: boolean;
  children: ReactNode;
}

/** A table in its own keyboard-scrollable region: one header row of `columns`, then the rows given. */
export function DataTable({
  labelledBy,
  testId,
  columns,
  className,
  busy,
  children,
}: DataTableProps) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table
        className={className ? `data-table ${className}` : 'data-table'}
        data-testid={testId}
        aria-busy={busy}
      >
        <thead>
          <tr>
            {columns.map((label, i) => (
              <th scope="col" key={i}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

interface RowButtonProps {
  label: ReactNode;
  /** What the action applies to, read out after the label (« Disable trej »). */
  subject: string;
  onClick: () => void;
  disabled?: boolean;
  testId?: string;
  /** For a button that opens an editor in the row. */
  expanded?: boolean;
  variant?: 'quiet' | 'secondary';
}

/** A small button of a table row. */
export function RowButton({
  label,
  subject,
  onClick,
  disabled,
  testId,
  expanded,
  variant = 'quiet',
}: RowButtonProps) {
  return (
    <button
      type="button"
      className={`button button-${variant} button-small`}
      onClick={onClick}
      disabled={disabled}
      aria-expanded={expanded}
      data-testid={testId}
    >
      {label}
      <span className="visually-hidden"> {subject}</span>
    </button>
  );
}

interface PagedTableProps<T> extends Pick<DataTableProps, 'columns' | 'className'> {
  /** Ids `{name}-title` (the heading that names the table), `{name}-table` and `{name}-empty`. */
  name: string;
  /** The page shown, and how to load it again. */
  source: { state: AsyncState<Page<T>>; reload: () => void };
  /** The pager's name (« Pages of accounts ») and what it does. */
  pager: { label: string; onPage: (page: number) => void };
  /** Said instead of the table when the page has no rows. */
  empty: string;
  row: (item: T) => ReactNode;
}

/** A page of results as a table (or a line saying there is none), with the pager under it. */
export function PagedTable<T>({
  name,
  source: { state, reload },
  pager,
  empty,
  row,
  ...table
}: PagedTableProps<T>) {
  return (
    <Loadable state={state} onRetry={reload}>
      {(data) => (
        <>
          {data.items.length === 0 ? (
            <p className="muted" data-testid={`${name}-empty`}>
              {empty}
            </p>
          ) : (
            <DataTable
              {...table}
              labelledBy={`${name}-title`}
              testId={`${name}-table`}
              busy={state.status === 'loading'}
            >
              {data.items.map(row)}
            </DataTable>
          )}
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={pager.onPage}
            label={pager.label}
          />
        </>
      )}
    </Loadable>
  );
}

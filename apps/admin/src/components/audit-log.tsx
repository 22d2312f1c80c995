import type { AuditEventView, AuditQuery } from '@guichet/types';
import type { ApiClient } from '../api';
import { downloadBlob, formatDateTime } from '../format';
import { useAsync } from '../hooks/use-async';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useListFilters } from '../hooks/use-list-page';
import { useSubmit } from '../hooks/use-submit';
import { useI18n } from '../i18n';
import { PagedTable } from './data-table';
import { ActionButton, ErrorMessage } from './feedback';
import { ListFilters } from './list-filters';
import { Card } from './card';

const PAGE_SIZE = 25;

/** Leaf values of an object by dotted path (`branding.primaryColor`); arrays are leaves. */
function flatten(
  value: unknown,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out[prefix] = value;
  }
  return out;
}

export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

/** What differs between before and after, leaf by leaf. */
export function changes(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Change[] {
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return paths
    .filter((p) => JSON.stringify(a[p]) !== JSON.stringify(b[p]))
    .map((path) => ({ path, before: a[path], after: b[path] }));
}

const show = (v: unknown) =>
  v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** Whose log: a tenant's (its id, and its slug to name the export), or the platform's (`tenantId` null). */
export interface AuditScope {
  tenantId: string | null;
  exportName: string;
}

/**
 * Who changed what, when: filters, pages, before/after, and the same selection as CSV; of
 * a tenant, or of the platform (events of no tenant: platform admins only).
 */
export function AuditLog({ api, scope }: { api: ApiClient; scope: AuditScope }) {
  const { t } = useI18n();
  const { tenantId, exportName } = scope;
  const { filters, filter, page, setPage } = useListFilters('audit', {
    action: '',
    actor: '',
    from: '',
    to: '',
  });
  const debounced = useDebouncedValue(JSON.stringify(filters), 300);
  const query = (): AuditQuery => {
    const f = JSON.parse(debounced) as typeof filters;
    return {
      action: f.action.trim(),
      actor: f.actor.trim(),
      // Dates of the day picker: the whole day, in the admin's time zone.
      from: f.from ? new Date(`${f.from}T00:00:00`).toISOString() : undefined,
      to: f.to ? new Date(`${f.to}T23:59:59.999`).toISOString() : undefined,
    };
  };
  const events = useAsync(
    (signal) => {
      const q = { ...query(), page, pageSize: PAGE_SIZE };
      return tenantId === null ? api.platformAudit(q, signal) : api.audit(tenantId, q, signal);
    },
    [api, tenantId, debounced, page],
  );
  const exporting = useSubmit();

  const exportCsv = async () => {
    const result = await exporting.run(
      () => (tenantId === null ? api.platformAuditCsv(query()) : api.auditCsv(tenantId, query())),
      'exportReady',
    );
    if (result.ok)
      downloadBlob(
        result.value,
        `audit-${exportName}-${new Date().toISOString().slice(0, 10)}.csv`,
      );
  };

  return (
    <Card
      name="audit"
      title={t.auditTitle}
      actions={
        <ActionButton
          label={t.exportCsv}
          onClick={exportCsv}
          busy={exporting.pending}
          testId="audit-export"
          spinner
        />
      }
    >
      <div role="alert" className="status-region">
        {exporting.result?.kind === 'error' && (
          <p className="notice notice-error">
            <ErrorMessage error={exporting.result.error} />
          </p>
        )}
      </div>
      <ListFilters
        label={t.auditFilterLabel}
        filter={filter}
        specs={[
          { key: 'action', kind: 'text', label: t.auditAction, hint: t.auditActionHint },
          { key: 'actor', kind: 'text', label: t.auditActor },
          { key: 'from', kind: 'date', label: t.auditFrom },
          { key: 'to', kind: 'date', label: t.auditTo },
        ]}
      />
      <PagedTable
        name="audit"
        source={events}
        pager={{ label: t.auditPagination, onPage: setPage }}
        empty={t.noAuditEvents}
        columns={[t.auditWhen, t.auditActor, t.auditAction, t.auditChange]}
        row={(e) => <AuditRow key={e.id} event={e} />}
      />
    </Card>
  );
}

function AuditRow({ event }: { event: AuditEventView }) {
  const { t } = useI18n();
  const diff = changes(event.before, event.after);
  return (
    <tr data-testid="audit-row" data-action={event.action}>
      <th scope="row" className="cell-nowrap">
        <time dateTime={event.at}>{formatDateTime(event.at, t.intlLocale)}</time>
      </th>
      <td data-label={t.auditActor}>
        {event.actor.label ?? t.actorType[event.actor.type]}
        {event.ip && <span className="cell-sub">{event.ip}</span>}
      </td>
      <td data-label={t.auditAction}>
        <code className="nowrap">{event.action}</code>
        {event.target && (
          <span className="cell-sub">{`${event.target.type} ${event.target.id}`}</span>
        )}
      </td>
      <td data-label={t.auditChange}>
        {diff.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <details>
            <summary>{t.changedFields(diff.length)}</summary>
            <table className="diff-table">
              <thead>
                <tr>
                  <th scope="col">{t.auditField}</th>
                  <th scope="col">{t.before}</th>
                  <th scope="col">{t.after}</th>
                </tr>
              </thead>
              <tbody>
                {diff.map((c) => (
                  <tr key={c.path}>
                    <th scope="row">
                      <code>{c.path}</code>
                    </th>
                    <td className="diff-before">{show(c.before)}</td>
                    <td className="diff-after">{show(c.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </td>
    </tr>
  );
}

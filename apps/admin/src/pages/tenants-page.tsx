import { useEffect, useMemo, useState } from 'react';
import type { TenantSummary } from '@guichet/types';
import { ApiRequestError, type ApiClient } from '../api';
import { PageHeading } from '../components/page-heading';
import { useI18n, type TextKey } from '../i18n';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: TextKey }
  | { status: 'ready'; tenants: TenantSummary[] };

/** Only http(s) URLs become links (a stored `javascript:` URL must never be clickable). */
function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function TenantsPage({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api.tenants(controller.signal).then(
      (tenants) => setState({ status: 'ready', tenants }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // A 401 has already dropped the session (the app shows the sign-in page).
        const message: TextKey = error instanceof ApiRequestError && error.status === 0 ? 'networkError' : 'tenantsLoadFailed';
        setState({ status: 'error', message });
      },
    );
    return () => controller.abort();
  }, [api, attempt]);

  const dateFormat = useMemo(() => new Intl.DateTimeFormat(t.intlLocale, { dateStyle: 'long' }), [t.intlLocale]);
  const formatDate = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
  };

  const columns = [t.columnName, t.columnSlug, t.columnHostNames, t.columnPublicUrl, t.columnStatus, t.columnCreatedAt];

  return (
    <section className="page" aria-labelledby="tenants-title">
      <div className="page-header">
        <PageHeading id="tenants-title">{t.tenantsTitle}</PageHeading>
        {state.status === 'ready' && (
          <p className="page-meta" data-testid="tenants-count">
            {t.tenantsCount(state.tenants.length)}
          </p>
        )}
      </div>

      {state.status === 'loading' && (
        <p className="muted" role="status" data-testid="tenants-loading">
          <span className="spinner spinner-dark" aria-hidden="true" /> {t.tenantsLoading}
        </p>
      )}

      {state.status === 'error' && (
        <div className="card card-error" data-testid="tenants-error">
          <p role="alert">{t[state.message]}</p>
          <button type="button" className="button button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t.retry}
          </button>
        </div>
      )}

      {state.status === 'ready' && state.tenants.length === 0 && (
        <p className="card muted" data-testid="tenants-empty">
          {t.tenantsEmpty}
        </p>
      )}

      {state.status === 'ready' && state.tenants.length > 0 && (
        <div className="table-scroll" role="region" aria-label={t.tableScrollHint} tabIndex={0}>
          {/* Explicit roles: the phone layout restyles the table as cards, which would otherwise drop its semantics in some browsers. */}
          <table className="data-table" role="table" data-testid="tenants-table">
            <caption className="visually-hidden">{t.tenantsTitle}</caption>
            <thead role="rowgroup">
              <tr role="row">
                {columns.map((label) => (
                  <th key={label} scope="col" role="columnheader">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup">
              {state.tenants.map((tenant) => {
                const href = safeHttpUrl(tenant.publicUrl);
                return (
                  <tr key={tenant.id} role="row" data-slug={tenant.slug} data-testid="tenant-row">
                    <th scope="row" role="rowheader" className="cell-name">
                      {tenant.name}
                    </th>
                    <td role="cell" data-label={t.columnSlug} className="cell-nowrap">
                      <code>{tenant.slug}</code>
                    </td>
                    <td role="cell" data-label={t.columnHostNames} className="cell-nowrap">
                      {tenant.hostNames.length > 0 ? (
                        <ul className="plain-list">
                          {tenant.hostNames.map((host) => (
                            <li key={host}>
                              <code>{host}</code>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">{t.noHostNames}</span>
                      )}
                    </td>
                    <td role="cell" data-label={t.columnPublicUrl} className="cell-url">
                      {href ? (
                        <a href={href} target="_blank" rel="noopener noreferrer" className="url-link">
                          {tenant.publicUrl}
                          <span className="visually-hidden"> {t.opensInNewTab}</span>
                        </a>
                      ) : (
                        tenant.publicUrl
                      )}
                    </td>
                    <td role="cell" data-label={t.columnStatus}>
                      <span className={`badge badge-${tenant.status}`}>{t.status(tenant.status)}</span>
                    </td>
                    <td role="cell" data-label={t.columnCreatedAt} className="cell-nowrap">
                      <time dateTime={tenant.createdAt}>{formatDate(tenant.createdAt)}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

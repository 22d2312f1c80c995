import type { AdminView } from '@guichet/types';
import type { ApiClient } from '../api';
import { CreateTenantForm } from '../components/create-tenant-form';
import { Loadable } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { baseDomain, formatDateTime, safeHttpUrl } from '../format';
import { useAsync } from '../hooks/use-async';
import { useI18n } from '../i18n';
import { hrefOf, type Route } from '../router';

interface Props {
  api: ApiClient;
  admin: AdminView;
  navigate: (route: Route) => void;
}

/** The tenant picker: every tenant for a platform admin (who may also create one), a tenant admin's own otherwise. */
export function TenantsPage({ api, admin, navigate }: Props) {
  const { t } = useI18n();
  const { state, reload } = useAsync((signal) => api.tenants(signal), [api]);
  const columns = [
    t.columnName,
    t.columnSlug,
    t.columnHostNames,
    t.columnPublicUrl,
    t.columnStatus,
    t.columnCreatedAt,
  ];

  return (
    <section className="page" aria-labelledby="tenants-title">
      <div className="page-header">
        <PageHeading id="tenants-title">{t.tenantsTitle}</PageHeading>
        {state.status === 'ready' && (
          <p className="page-meta" data-testid="tenants-count">
            {t.tenantsCount(state.data.length)}
          </p>
        )}
      </div>
      <p className="lead">
        {admin.role === 'platform-admin' ? t.tenantsIntroPlatform : t.tenantsIntroTenant}
      </p>

      <Loadable state={state} onRetry={reload} loadingKey="tenantsLoading">
        {(tenants) =>
          tenants.length === 0 ? (
            <p className="card muted" data-testid="tenants-empty">
              {t.tenantsEmpty}
            </p>
          ) : (
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
                  {tenants.map((tenant) => {
                    const href = safeHttpUrl(tenant.publicUrl);
                    return (
                      <tr
                        key={tenant.id}
                        role="row"
                        data-slug={tenant.slug}
                        data-testid="tenant-row"
                      >
                        <th scope="row" role="rowheader" className="cell-name">
                          <a
                            href={hrefOf({
                              name: 'tenant',
                              tenantId: tenant.id,
                              section: 'overview',
                            })}
                            data-testid="tenant-link"
                          >
                            {tenant.name}
                          </a>
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
                            <a
                              href={href}
                              target="_blank"
                              rel="noopener noreferrer"
                              className="url-link"
                            >
                              {tenant.publicUrl}
                              <span className="visually-hidden"> {t.opensInNewTab}</span>
                            </a>
                          ) : (
                            tenant.publicUrl
                          )}
                        </td>
                        <td role="cell" data-label={t.columnStatus}>
                          <span className={`badge badge-${tenant.status}`}>
                            {t.status(tenant.status)}
                          </span>
                        </td>
                        <td role="cell" data-label={t.columnCreatedAt} className="cell-nowrap">
                          <time dateTime={tenant.createdAt}>
                            {formatDateTime(tenant.createdAt, t.intlLocale, 'date')}
                          </time>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Loadable>

      {/* Below the list once it is there: shown earlier, the list would push it down as it arrives. */}
      {admin.role === 'platform-admin' && state.data !== undefined && (
        <CreateTenantForm
          api={api}
          baseDomain={baseDomain()}
          onCreated={(tenant) => {
            reload();
            navigate({ name: 'tenant', tenantId: tenant.id, section: 'overview' });
          }}
        />
      )}
    </section>
  );
}

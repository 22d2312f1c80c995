import { useMemo, type ReactNode } from 'react';
import type { AdminView } from '@guichet/types';
import type { ApiClient } from '../api';
import { Loadable } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { safeHttpUrl } from '../format';
import { useAsync } from '../hooks/use-async';
import { useI18n } from '../i18n';
import { hrefOf, TENANT_SECTIONS, type TenantSection } from '../router';
import { TenantScopeContext, type TenantScope } from '../tenant-context';

interface Props {
  api: ApiClient;
  admin: AdminView;
  tenantId: string;
  /** The section shown, for the menu (a template editor is under « templates »). */
  section: TenantSection;
  /** What moves focus to the heading when it changes (the section, or the template edited). */
  focusKey: string;
  children: ReactNode;
}

/** A tenant's pages: its name, a link to its portal, the section menu, then the section. */
export function TenantLayout({ api, admin, tenantId, section, focusKey, children }: Props) {
  const { t } = useI18n();
  const { state, reload, setData } = useAsync(
    (signal) => api.tenant(tenantId, signal),
    [api, tenantId],
  );

  return (
    <Loadable state={state} onRetry={reload} loadingKey="tenantLoading">
      {(tenant) => (
        <TenantScopeProvider scope={{ api, admin, tenant, setTenant: setData, reload }}>
          <div className="tenant-layout" data-testid="tenant-layout" data-tenant-slug={tenant.slug}>
            <div className="tenant-header">
              <p className="breadcrumb">
                <a href="#/tenants">{t.navTenants}</a>
              </p>
              <PageHeading id="tenant-title" focusKey={focusKey}>
                <span data-testid="tenant-name">{tenant.name}</span>
                <span className="visually-hidden"> – </span>
                <span className="tenant-section-name">{t.sectionName[section]}</span>
              </PageHeading>
              <p className="tenant-meta">
                <code>{tenant.slug}</code>
                {safeHttpUrl(tenant.publicUrl) && (
                  <a
                    href={`${safeHttpUrl(tenant.publicUrl)!.replace(/\/$/, '')}/login`}
                    target="_blank"
                    rel="noopener noreferrer"
                    data-testid="portal-link"
                  >
                    {t.openPortal}
                    <span className="visually-hidden"> {t.opensInNewTab}</span>
                  </a>
                )}
              </p>
            </div>
            <div className="tenant-body">
              <nav className="section-nav" aria-label={t.sectionNavLabel(tenant.name)}>
                <ul>
                  {TENANT_SECTIONS.map((s) => (
                    <li key={s}>
                      <a
                        href={hrefOf({ name: 'tenant', tenantId, section: s })}
                        aria-current={s === section ? 'page' : undefined}
                        data-testid={`section-${s}`}
                      >
                        {t.sectionName[s]}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <div className="section-content">{children}</div>
            </div>
          </div>
        </TenantScopeProvider>
      )}
    </Loadable>
  );
}

/** The scope as context, the same object while its parts stay the same. */
function TenantScopeProvider({ scope, children }: { scope: TenantScope; children: ReactNode }) {
  const { api, admin, tenant, setTenant, reload } = scope;
  const value = useMemo(
    () => ({ api, admin, tenant, setTenant, reload }),
    [api, admin, tenant, setTenant, reload],
  );
  return <TenantScopeContext.Provider value={value}>{children}</TenantScopeContext.Provider>;
}

import type { AdminView } from '@guichet/types';
import { useI18n } from '../i18n';
import type { Route } from '../router';
import { LanguageSwitch } from './language-switch';

interface Props {
  admin: AdminView | null;
  route: Route;
  onSignOut: () => void;
}

export function AppHeader({ admin, route, onSignOut }: Props) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <a className="brand" href="#/tenants">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" />
            <path d="M9 10h14v3H9zm0 5h14v3H9zm0 5h9v3H9z" />
          </svg>
          <span className="brand-name">{t.appName}</span>
          <span className="brand-subtitle">{t.appSubtitle}</span>
        </a>

        {admin && (
          <nav className="main-nav" aria-label={t.mainNavLabel}>
            <ul>
              <li>
                <a
                  href="#/tenants"
                  aria-current={
                    route.name === 'tenants' || route.name === 'tenant' || route.name === 'template'
                      ? 'page'
                      : undefined
                  }
                  data-testid="nav-tenants"
                >
                  {t.navTenants}
                </a>
              </li>
              {admin.role === 'platform-admin' && (
                <>
                  <li>
                    <a
                      href="#/admins"
                      aria-current={route.name === 'admins' ? 'page' : undefined}
                      data-testid="nav-admins"
                    >
                      {t.navAdmins}
                    </a>
                  </li>
                  <li>
                    <a
                      href="#/audit"
                      aria-current={route.name === 'audit' ? 'page' : undefined}
                      data-testid="nav-platform-audit"
                    >
                      {t.navPlatformAudit}
                    </a>
                  </li>
                </>
              )}
              <li>
                <a
                  href="#/account"
                  aria-current={route.name === 'account' ? 'page' : undefined}
                  data-testid="nav-account"
                >
                  {t.navAccount}
                </a>
              </li>
            </ul>
          </nav>
        )}

        <div className="header-tools">
          <LanguageSwitch />
          {admin && (
            <div className="account" data-testid="account">
              <p className="account-identity">
                <span className="visually-hidden">{t.signedInAs(admin.email)}</span>
                <span className="account-email" data-testid="admin-email" aria-hidden="true">
                  {admin.email}
                </span>
                <span className="account-role" data-testid="admin-role">
                  {t.roleLabel(admin.role)}
                </span>
              </p>
              <button
                type="button"
                className="button button-quiet"
                data-testid="sign-out"
                onClick={onSignOut}
              >
                {t.signOut}
              </button>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}

import type { AdminView } from '@guichet/types';
import { useI18n, type TextKey } from '../i18n';
import type { Route } from '../router';
import { LanguageSwitch } from './language-switch';

interface Props {
  admin: AdminView | null;
  route: Route;
  onSignOut: () => void;
}

/** The main menu, in order; `routes`: the pages where the link is the current one. */
const NAV: {
  href: string;
  label: TextKey;
  testId: string;
  routes: Route['name'][];
  platformOnly?: boolean;
}[] = [
  {
    href: '#/tenants',
    label: 'navTenants',
    testId: 'nav-tenants',
    routes: ['tenants', 'tenant', 'template'],
  },
  {
    href: '#/admins',
    label: 'navAdmins',
    testId: 'nav-admins',
    routes: ['admins'],
    platformOnly: true,
  },
  {
    href: '#/audit',
    label: 'navPlatformAudit',
    testId: 'nav-platform-audit',
    routes: ['audit'],
    platformOnly: true,
  },
  { href: '#/account', label: 'navAccount', testId: 'nav-account', routes: ['account'] },
];

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
              {NAV.filter((n) => !n.platformOnly || admin.role === 'platform-admin').map((n) => (
                <li key={n.href}>
                  <a
                    href={n.href}
                    aria-current={n.routes.includes(route.name) ? 'page' : undefined}
                    data-testid={n.testId}
                  >
                    {t[n.label]}
                  </a>
                </li>
              ))}
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

import type { ReactNode } from 'react';
import type { AdminView, TotpEnabledResponse } from '@guichet/types';
import type { ApiClient } from './api';
import { lazyPage } from './lazy-page';
import { NotFoundPage } from './pages/not-found-page';
import type { Route } from './router';

/** What the app gives every signed-in screen. */
export interface ScreenContext {
  api: ApiClient;
  admin: AdminView;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  onAdminChanged: (admin: AdminView) => void;
  onSessionRenewed: (response: TotpEnabledResponse) => void;
}

type ScreenName = Exclude<Route['name'], 'sign-in' | 'not-found'>;
type RouteOf<N extends Route['name']> = Extract<Route, { name: N }>;

interface Screen<N extends ScreenName> {
  /** Platform admins only: anyone else gets the not-found page. */
  platformOnly?: boolean;
  render(ctx: ScreenContext, route: RouteOf<N>): ReactNode;
}

// Each screen is a chunk of its own, fetched the first time it is shown.
const AdminsPage = lazyPage(() => import('./pages/admins-page'), 'AdminsPage');
const MyAccountPage = lazyPage(() => import('./pages/my-account-page'), 'MyAccountPage');
const PlatformAuditPage = lazyPage(
  () => import('./pages/platform-audit-page'),
  'PlatformAuditPage',
);
const TenantPage = lazyPage(() => import('./pages/tenant-page'), 'TenantPage');
const TenantsPage = lazyPage(() => import('./pages/tenants-page'), 'TenantsPage');

/**
 * The signed-in screens, one entry per route name of `router.ts` (TypeScript asks for every
 * one). A new screen: its route in `router.ts`, a `lazyPage` above, an entry here, and its
 * link in `components/app-header.tsx`. A new tenant section: `pages/tenant/sections.ts`.
 */
export const SCREENS: { [N in ScreenName]: Screen<N> } = {
  tenants: {
    render: (c) => <TenantsPage api={c.api} admin={c.admin} navigate={c.navigate} />,
  },
  tenant: {
    render: (c, route) => (
      <TenantPage key={route.tenantId} api={c.api} admin={c.admin} route={route} />
    ),
  },
  template: {
    render: (c, route) => (
      <TenantPage key={route.tenantId} api={c.api} admin={c.admin} route={route} />
    ),
  },
  admins: { platformOnly: true, render: (c) => <AdminsPage api={c.api} admin={c.admin} /> },
  audit: { platformOnly: true, render: (c) => <PlatformAuditPage api={c.api} /> },
  account: {
    render: (c) => (
      <MyAccountPage
        api={c.api}
        admin={c.admin}
        onAdminChanged={c.onAdminChanged}
        onSessionRenewed={c.onSessionRenewed}
      />
    ),
  },
};

/** The screen of a route for a signed-in admin (the sign-in route shows the home screen until the redirect). */
export function renderScreen(ctx: ScreenContext, route: Route): ReactNode {
  if (route.name === 'not-found') return <NotFoundPage />;
  const shown: RouteOf<ScreenName> = route.name === 'sign-in' ? { name: 'tenants' } : route;
  const screen = SCREENS[shown.name] as Screen<ScreenName>;
  if (screen.platformOnly && ctx.admin.role !== 'platform-admin') return <NotFoundPage />;
  return screen.render(ctx, shown as never);
}

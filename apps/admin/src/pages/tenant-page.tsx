import type { AdminView } from '@guichet/types';
import type { ApiClient } from '../api';
import type { Route } from '../router';
import { PageSuspense } from '../components/page-suspense';
import { SECTION_PAGES, TemplateEditorPage } from './tenant/sections';
import { TenantLayout } from './tenant-layout';

type TenantRoute = Extract<Route, { name: 'tenant' | 'template' }>;

/** One tenant: its layout around the section the route names. */
export function TenantPage({
  api,
  admin,
  route,
}: {
  api: ApiClient;
  admin: AdminView;
  route: TenantRoute;
}) {
  const section = route.name === 'template' ? 'templates' : route.section;
  return (
    <TenantLayout
      api={api}
      admin={admin}
      tenantId={route.tenantId}
      section={section}
      focusKey={route.name === 'template' ? `${route.kind}/${route.locale}` : section}
    >
      <PageSuspense resetKey={section}>
        {route.name === 'template' ? (
          <TemplateEditorPage
            key={`${route.kind}/${route.locale}`}
            kind={route.kind}
            locale={route.locale}
          />
        ) : (
          <Section section={route.section} />
        )}
      </PageSuspense>
    </TenantLayout>
  );
}

function Section({ section }: { section: Extract<TenantRoute, { name: 'tenant' }>['section'] }) {
  const Page = SECTION_PAGES[section];
  return <Page />;
}

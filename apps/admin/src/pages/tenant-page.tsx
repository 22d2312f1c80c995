import type { AdminView } from '@guichet/types';
import type { ApiClient } from '../api';
import type { Route } from '../router';
import { AccessPage } from './tenant/access-page';
import { AccountsPage } from './tenant/accounts-page';
import { ApplicationsPage } from './tenant/applications-page';
import { ProvisioningPage } from './tenant/provisioning-page';
import { AuditPage } from './tenant/audit-page';
import { BrandingPage } from './tenant/branding-page';
import { DeliveriesPage } from './tenant/deliveries-page';
import { DirectoryPage } from './tenant/directory-page';
import { EmailPage } from './tenant/email-page';
import { OverviewPage } from './tenant/overview-page';
import { PasswordPolicyPage } from './tenant/password-policy-page';
import { TemplateEditorPage } from './tenant/template-editor-page';
import { TemplatesPage } from './tenant/templates-page';
import { UsernameRulePage } from './tenant/username-rule-page';
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
      {route.name === 'template' ? (
        <TemplateEditorPage
          key={`${route.kind}/${route.locale}`}
          kind={route.kind}
          locale={route.locale}
        />
      ) : (
        <Section section={route.section} />
      )}
    </TenantLayout>
  );
}

function Section({ section }: { section: Extract<TenantRoute, { name: 'tenant' }>['section'] }) {
  switch (section) {
    case 'overview':
      return <OverviewPage />;
    case 'branding':
      return <BrandingPage />;
    case 'username-rule':
      return <UsernameRulePage />;
    case 'password-policy':
      return <PasswordPolicyPage />;
    case 'access':
      return <AccessPage />;
    case 'email':
      return <EmailPage />;
    case 'templates':
      return <TemplatesPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'directory':
      return <DirectoryPage />;
    case 'applications':
      return <ApplicationsPage />;
    case 'provisioning':
      return <ProvisioningPage />;
    case 'deliveries':
      return <DeliveriesPage />;
    case 'audit':
      return <AuditPage />;
  }
}

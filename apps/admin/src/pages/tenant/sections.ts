import type { ComponentType, LazyExoticComponent } from 'react';
import { lazyPage } from '../../lazy-page';
import type { TenantSection } from '../../router';

/**
 * The page of each tenant section, a chunk of its own (TypeScript asks for every section of
 * `TENANT_SECTIONS`). A new section: its name in `router.ts`'s `TENANT_SECTIONS` (menu
 * order), its page here, and its menu label in the catalogs (`messages/`).
 */
export const SECTION_PAGES: Record<TenantSection, LazyExoticComponent<ComponentType>> = {
  overview: lazyPage(() => import('./overview-page'), 'OverviewPage'),
  branding: lazyPage(() => import('./branding-page'), 'BrandingPage'),
  'username-rule': lazyPage(() => import('./username-rule-page'), 'UsernameRulePage'),
  'password-policy': lazyPage(() => import('./password-policy-page'), 'PasswordPolicyPage'),
  access: lazyPage(() => import('./access-page'), 'AccessPage'),
  email: lazyPage(() => import('./email-page'), 'EmailPage'),
  templates: lazyPage(() => import('./templates-page'), 'TemplatesPage'),
  accounts: lazyPage(() => import('./accounts-page'), 'AccountsPage'),
  directory: lazyPage(() => import('./directory-page'), 'DirectoryPage'),
  applications: lazyPage(() => import('./applications-page'), 'ApplicationsPage'),
  provisioning: lazyPage(() => import('./provisioning-page'), 'ProvisioningPage'),
  deliveries: lazyPage(() => import('./deliveries-page'), 'DeliveriesPage'),
  audit: lazyPage(() => import('./audit-page'), 'AuditPage'),
};

export const TemplateEditorPage = lazyPage(
  () => import('./template-editor-page'),
  'TemplateEditorPage',
);

import { Module } from '@nestjs/common';
import { CreateAdmin } from './admins/create-admin.usecase.js';
import { UpdateAdmin } from './admins/update-admin.usecase.js';
import { AdminAccountsController } from './admins/admin-accounts.controller.js';
import { AdminAccountQueries } from './admins/admin-accounts.queries.js';
import { AdminAccessModule } from './access/admin-access.module.js';
import { AdminLockout } from './session/admin-lockout.js';
import { AdminLogin } from './session/admin-login.usecase.js';
import { DisableTotp } from './session/disable-totp.usecase.js';
import { EnableTotp } from './session/enable-totp.usecase.js';
import { SetUpTotp } from './session/set-up-totp.usecase.js';
import { AdminController } from './session/admin.controller.js';
import { PlatformAuditController, TenantAuditController } from './audit/audit.controller.js';
import { AuditQueries } from './audit/audit.queries.js';
import { BrandingAssetsController } from './settings/branding-assets.controller.js';
import { RemoveBrandingAsset } from './settings/remove-branding-asset.usecase.js';
import { UploadBrandingAsset } from './settings/upload-branding-asset.usecase.js';
import { DeliveriesController } from './deliveries/deliveries.controller.js';
import { TenantDeliveries } from './deliveries/deliveries.queries.js';
import { RetryDelivery } from './deliveries/retry-delivery.usecase.js';
import { TotpChecks } from './session/totp-checks.js';
import { AdminTotpSwitch } from './session/admin-totp.shared.js';
import { TenantChanges } from './tenants/tenant-changes.js';
import { TenantSettingsController } from './settings/tenant-settings.controller.js';
import { SaveTenantSmtp } from './settings/save-tenant-smtp.usecase.js';
import { SendTestEmail } from './settings/send-test-email.usecase.js';
import { TestPasswordPolicy } from './settings/test-password-policy.usecase.js';
import { TestUsernameRule } from './settings/test-username-rule.usecase.js';
import { UpdateTenantSettings } from './settings/update-tenant-settings.usecase.js';
import { TenantTemplatesController } from './templates/tenant-templates.controller.js';
import { PreviewTemplate } from './templates/preview-template.usecase.js';
import { ResetTemplate } from './templates/reset-template.usecase.js';
import { SaveTemplate } from './templates/save-template.usecase.js';
import { TenantTemplates } from './templates/tenant-templates.queries.js';
import { TenantsController } from './tenants/tenants.controller.js';
import { AddTenantHost } from './tenants/add-tenant-host.usecase.js';
import { CreateTenant } from './tenants/create-tenant.usecase.js';
import { RemoveTenantHost } from './tenants/remove-tenant-host.usecase.js';
import { Tenants } from './tenants/tenants.queries.js';
import { UpdateTenant } from './tenants/update-tenant.usecase.js';

/**
 * The admin API on `admin.{BASE_DOMAIN}`: sign-in and second factor, admin accounts, tenants
 * and hosts, settings with live tests, SMTP, email templates, deliveries and the audit log.
 * (Accounts of a tenant: AccountsModule.)
 */
@Module({
  imports: [AdminAccessModule],
  controllers: [
    AdminController,
    AdminAccountsController,
    TenantsController,
    TenantSettingsController,
    BrandingAssetsController,
    TenantTemplatesController,
    DeliveriesController,
    TenantAuditController,
    PlatformAuditController,
  ],
  providers: [
    AdminLockout,
    TotpChecks,
    AdminTotpSwitch,
    AdminLogin,
    SetUpTotp,
    EnableTotp,
    DisableTotp,
    CreateAdmin,
    UpdateAdmin,
    AdminAccountQueries,
    TenantChanges,
    Tenants,
    CreateTenant,
    UpdateTenant,
    AddTenantHost,
    RemoveTenantHost,
    UpdateTenantSettings,
    UploadBrandingAsset,
    RemoveBrandingAsset,
    TestUsernameRule,
    TestPasswordPolicy,
    SaveTenantSmtp,
    SendTestEmail,
    TenantTemplates,
    SaveTemplate,
    ResetTemplate,
    PreviewTemplate,
    TenantDeliveries,
    RetryDelivery,
    AuditQueries,
  ],
})
export class AdminModule {}

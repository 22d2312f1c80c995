import { Module } from '@nestjs/common';
import { CreateAdmin, UpdateAdmin } from './admin-accounts.usecases.js';
import { AdminAccountsController } from './admin-accounts.controller.js';
import { AdminAuthGuard } from './admin-auth.guard.js';
import { AdminLockout } from './admin-lockout.js';
import { AdminLogin } from './admin-login.usecase.js';
import { DisableTotp, EnableTotp, SetUpTotp } from './admin-totp.usecases.js';
import { AdminController } from './admin.controller.js';
import { PlatformAuditController, TenantAuditController } from './audit.controller.js';
import { AuditQueries } from './audit-queries.js';
import { BrandingAssetsController } from './branding-assets.controller.js';
import { RemoveBrandingAsset, UploadBrandingAsset } from './branding-assets.usecases.js';
import { DeliveriesController } from './deliveries.controller.js';
import { RetryDelivery, TenantDeliveries } from './deliveries.usecases.js';
import { TenantAccessGuard } from './tenant-access.guard.js';
import { TotpChecks } from './totp-checks.js';
import { TenantChanges } from './tenant-changes.js';
import { TenantSettingsController } from './tenant-settings.controller.js';
import { TestUsernameRule, UpdateTenantSettings } from './tenant-settings.usecases.js';
import { SaveTenantSmtp, SendTestEmail } from './tenant-smtp.usecases.js';
import { TenantTemplatesController } from './tenant-templates.controller.js';
import { ResetTemplate, SaveTemplate, TenantTemplates } from './tenant-templates.usecases.js';
import { TenantsController } from './tenants.controller.js';
import { AddTenantHost, CreateTenant, RemoveTenantHost, UpdateTenant } from './tenant.usecases.js';

/**
 * The admin API on `admin.{BASE_DOMAIN}`: sign-in and second factor, admin accounts, tenants
 * and hosts, settings with live tests, SMTP, email templates, deliveries and the audit log.
 * (Accounts of a tenant: AccountsModule.)
 */
@Module({
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
    AdminAuthGuard,
    TenantAccessGuard,
    AdminLockout,
    TotpChecks,
    AdminLogin,
    SetUpTotp,
    EnableTotp,
    DisableTotp,
    CreateAdmin,
    UpdateAdmin,
    TenantChanges,
    CreateTenant,
    UpdateTenant,
    AddTenantHost,
    RemoveTenantHost,
    UpdateTenantSettings,
    UploadBrandingAsset,
    RemoveBrandingAsset,
    TestUsernameRule,
    SaveTenantSmtp,
    SendTestEmail,
    TenantTemplates,
    SaveTemplate,
    ResetTemplate,
    TenantDeliveries,
    RetryDelivery,
    AuditQueries,
  ],
})
export class AdminModule {}

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
import { RemoveBrandingAsset, UploadBrandingAsset } from './settings/branding-assets.usecases.js';
import { DeliveriesController } from './deliveries/deliveries.controller.js';
import { RetryDelivery, TenantDeliveries } from './deliveries/deliveries.usecases.js';
import { TotpChecks } from './session/totp-checks.js';
import { TenantChanges } from './tenants/tenant-changes.js';
import { TenantSettingsController } from './settings/tenant-settings.controller.js';
import { TestUsernameRule, UpdateTenantSettings } from './settings/tenant-settings.usecases.js';
import { SaveTenantSmtp, SendTestEmail } from './settings/tenant-smtp.usecases.js';
import { TenantTemplatesController } from './templates/tenant-templates.controller.js';
import {
  ResetTemplate,
  SaveTemplate,
  TenantTemplates,
} from './templates/tenant-templates.usecases.js';
import { TenantsController } from './tenants/tenants.controller.js';
import {
  AddTenantHost,
  CreateTenant,
  RemoveTenantHost,
  UpdateTenant,
} from './tenants/tenant.usecases.js';

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
    AdminLogin,
    SetUpTotp,
    EnableTotp,
    DisableTotp,
    CreateAdmin,
    UpdateAdmin,
    AdminAccountQueries,
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

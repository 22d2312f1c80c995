import { AccountRequest } from './account-request.entity.js';
import { ActionToken } from './action-token.entity.js';
import { AdminAccount, AdminTenantGrant } from './admin-account.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { DirectoryRun } from './directory-run.entity.js';
import { EmailDelivery } from './email-delivery.entity.js';
import { EmailTemplate } from './email-template.entity.js';
import { OidcClient } from './oidc-client.entity.js';
import { OidcPayload } from './oidc-payload.entity.js';
import { OidcSigningKey } from './oidc-signing-key.entity.js';
import { RefreshSession } from './refresh-session.entity.js';
import { ScimToken } from './scim-token.entity.js';
import { TenantAsset } from './tenant-asset.entity.js';
import { TenantHost } from './tenant-host.entity.js';
import { TenantSettingsRow } from './tenant-settings.entity.js';
import { Tenant } from './tenant.entity.js';
import { User } from './user.entity.js';

export {
  AccountRequest,
  ActionToken,
  AdminAccount,
  AdminTenantGrant,
  AuditEvent,
  DirectoryRun,
  EmailDelivery,
  EmailTemplate,
  OidcClient,
  OidcPayload,
  OidcSigningKey,
  RefreshSession,
  ScimToken,
  Tenant,
  TenantAsset,
  TenantHost,
  TenantSettingsRow,
  User,
};
export type { TenantAssetKind } from './tenant-asset.entity.js';
export type { AccountRequestKind } from './account-request.entity.js';
export type { TokenPurpose } from './action-token.entity.js';
export type { AdminRole } from './admin-account.entity.js';
export type { ActorType } from './audit-event.entity.js';
export type { OidcKeyStatus } from './oidc-signing-key.entity.js';

export const ENTITIES = [
  Tenant,
  TenantHost,
  TenantSettingsRow,
  User,
  ActionToken,
  RefreshSession,
  EmailDelivery,
  EmailTemplate,
  AuditEvent,
  AdminAccount,
  AdminTenantGrant,
  OidcClient,
  OidcPayload,
  OidcSigningKey,
  AccountRequest,
  TenantAsset,
  DirectoryRun,
  ScimToken,
];

export * from './accent-folding.js';
export * from './account-requests.repository.js';
export * from './admin-accounts.repository.js';
export * from './action-tokens.repository.js';
export * from './audit-events.repository.js';
export * from './email-deliveries.repository.js';
export * from './oidc-payloads.repository.js';
export { escapeLike, type PageQuery, type RowsPage } from './paged.js';
export { modify, one, type Queryable } from './queryable.js';
export * from './refresh-sessions.repository.js';
export * from './tenant-assets.repository.js';
export * from './tenant-settings.repository.js';
export * from './users.repository.js';
export * from './email-templates.repository.js';
export * from './oidc-clients.repository.js';
export * from './oidc-signing-keys.repository.js';
export * from './tenant-hosts.repository.js';
export * from './tenants.repository.js';
export * from './user-import.repository.js';

import { AccountRequestsRepository } from './account-requests.repository.js';
import { AdminAccountsRepository } from './admin-accounts.repository.js';
import { ActionTokensRepository } from './action-tokens.repository.js';
import { AuditEventsRepository } from './audit-events.repository.js';
import { EmailDeliveriesRepository } from './email-deliveries.repository.js';
import { EmailTemplatesRepository } from './email-templates.repository.js';
import { OidcClientsRepository } from './oidc-clients.repository.js';
import { OidcPayloadsRepository } from './oidc-payloads.repository.js';
import { OidcSigningKeysRepository } from './oidc-signing-keys.repository.js';
import type { Queryable } from './queryable.js';
import { RefreshSessionsRepository } from './refresh-sessions.repository.js';
import { TenantAssetsRepository } from './tenant-assets.repository.js';
import { TenantHostsRepository } from './tenant-hosts.repository.js';
import { TenantSettingsRepository } from './tenant-settings.repository.js';
import { TenantsRepository } from './tenants.repository.js';
import { UserImportRepository } from './user-import.repository.js';
import { UsersRepository } from './users.repository.js';

/** Every repository class: each is built on the pool (`new R(dataSource)`) and rebound with `in(em)`. */
export const REPOSITORIES: readonly (new (db: Queryable) => unknown)[] = [
  AccountRequestsRepository,
  AdminAccountsRepository,
  ActionTokensRepository,
  AuditEventsRepository,
  EmailDeliveriesRepository,
  EmailTemplatesRepository,
  OidcClientsRepository,
  OidcPayloadsRepository,
  OidcSigningKeysRepository,
  RefreshSessionsRepository,
  TenantAssetsRepository,
  TenantHostsRepository,
  TenantSettingsRepository,
  TenantsRepository,
  UserImportRepository,
  UsersRepository,
];

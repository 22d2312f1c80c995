export * from './entities/index.js';
export { createDataSource, type DataSourceOptions } from './data-source.js';
export { ensureDatabase, splitDatabaseUrl } from './database.js';
export { migrate } from './migrate.js';
export { seed, DEV_ADMIN_EMAIL, type SeedReport } from './seed.js';
export { SEED_TENANTS } from './seed-data.js';
export { checkDependencies, type ReadinessReport, type Pingable } from './health.js';
export { tenantId, type TenantId } from './tenant-id.js';
export * from './repositories/index.js';
export { markDeliveriesSent, type SentDelivery } from './repositories/email-deliveries-sent.js';
export * from './repositories/account-access.repository.js';
export * from './repositories/directory-accounts.repository.js';
export * from './repositories/directory-runs.repository.js';
export {
  ScimTokensRepository,
  type ScimTokenRecord,
} from './repositories/scim-tokens.repository.js';
export {
  ScimUsersRepository,
  type ScimUserFields,
  type ScimUserFilter,
  type ScimUserRecord,
} from './repositories/scim-users.repository.js';
export { AccountDisablingRepository } from './repositories/account-disabling.repository.js';
export {
  TenantSummariesRepository,
  type TenantSummaryRow,
} from './repositories/tenant-summaries.repository.js';
export {
  AccountImportRepository,
  type ImportActor,
} from './repositories/account-import.repository.js';

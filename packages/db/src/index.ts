export * from './entities/index.js';
export { createDataSource, type DataSourceOptions } from './data-source.js';
export { ensureDatabase, splitDatabaseUrl } from './database.js';
export { migrate } from './migrate.js';
export { seed, DEV_ADMIN_EMAIL, type SeedReport } from './seed.js';
export { SEED_TENANTS } from './seed-data.js';
export { checkDependencies, type ReadinessReport, type Pingable } from './health.js';
export {
  markDeliveriesSent,
  type Queryable,
  type SentDelivery,
} from './repositories/email-deliveries-sent.js';

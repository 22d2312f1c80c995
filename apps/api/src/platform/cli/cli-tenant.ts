import { createDataSource, TenantsRepository, type TenantWithSettings } from '@guichet/db';
import { type AppConfig, createRedisClient } from '@guichet/platform';
import type { DataSource } from 'typeorm';

/** The audit log's actor of a command run from the CLI: `cli:` and the operator's login. */
export const cliActor = () => ({
  type: 'system' as const,
  id: `cli:${process.env.USER ?? 'unknown'}`.slice(0, 320),
});

/**
 * Runs a CLI command's work on a small pool of its own (closed afterwards) for the tenant
 * with this slug; `usageError` makes the error when no tenant has it.
 */
export async function withCliTenant<T>(
  config: Pick<AppConfig, 'DATABASE_URL'>,
  slug: string,
  usageError: new (message: string) => Error,
  work: (db: DataSource, tenant: TenantWithSettings) => Promise<T>,
  poolSize = 2,
): Promise<T> {
  const db = createDataSource(config.DATABASE_URL, { poolSize, applicationName: 'guichet-cli' });
  await db.initialize();
  try {
    const tenant = await new TenantsRepository(db).bySlug(slug);
    if (!tenant) throw new usageError(`No tenant has the slug "${slug}".`);
    return await work(db, tenant);
  } finally {
    await db.destroy();
  }
}

/** Runs a CLI command's work with a Redis client of its own (the topology of the config), disconnected afterwards. */
export async function withCliRedis<T>(
  config: Pick<AppConfig, 'redis'>,
  work: (redis: ReturnType<typeof createRedisClient>) => Promise<T>,
): Promise<T> {
  const redis = createRedisClient(config.redis, {
    connectionName: 'guichet-cli',
    maxRetriesPerRequest: 1,
    lazyConnect: true,
  });
  try {
    await redis.connect();
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

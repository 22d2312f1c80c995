/** Anything that answers PING (an ioredis client). */
export interface Pingable {
  ping(): Promise<string>;
}
import type { DataSource } from 'typeorm';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { postgres: 'up' | 'down'; redis: 'up' | 'down' };
  errors?: Record<string, string>;
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

/** Shared by the API and the worker. */
export async function checkDependencies(
  dataSource: DataSource,
  redis: Pingable,
): Promise<ReadinessReport> {
  const [pg, rd] = await Promise.allSettled([
    within(dataSource.query('SELECT 1'), 2000),
    within(redis.ping(), 2000),
  ]);
  const errors: Record<string, string> = {};
  if (pg.status === 'rejected') errors.postgres = (pg.reason as Error).message;
  if (rd.status === 'rejected') errors.redis = (rd.reason as Error).message;
  return {
    status: Object.keys(errors).length ? 'unavailable' : 'ok',
    checks: {
      postgres: pg.status === 'fulfilled' ? 'up' : 'down',
      redis: rd.status === 'fulfilled' ? 'up' : 'down',
    },
    ...(Object.keys(errors).length ? { errors } : {}),
  };
}

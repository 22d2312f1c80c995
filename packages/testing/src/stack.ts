import { randomBytes } from 'node:crypto';
import { createDataSource, seed } from '@guichet/db';
import { createTestDatabase, type TestDatabase } from '@guichet/db/testing';
import { parseEnv } from '@guichet/types';
import { Redis } from 'ioredis';
import { type RunningProcess, startService } from './process.js';

export type TestDataSource = ReturnType<typeof createDataSource>;

export interface StackOptions {
  /** Names the Redis key prefix (`{keyPrefix}-{random}`). */
  keyPrefix: string;
  /** Added to the environment every process of the stack gets. */
  env?: Record<string, string>;
  /** Seen by the seed only (e.g. the bootstrap admin of a worker's stack). */
  seedEnv?: Record<string, string>;
}

export interface ProcessStart {
  script: string;
  /** The names its environment gives the two ports. */
  portEnv: { health: string; management: string };
  env?: Record<string, string>;
  /** How `close()` stops it (default SIGTERM, a clean shutdown). */
  stopWith?: NodeJS.Signals;
}

/**
 * What every api and worker integration test stands on: a database cloned from the migrated
 * template and seeded with the two tenants, a Redis key prefix of its own, the environment
 * of its processes, and `close()` that stops them and leaves nothing behind.
 */
export interface TestStack {
  db: TestDatabase;
  dataSource: TestDataSource;
  env: Record<string, string>;
  prefix: string;
  redis: Redis;
  /** Starts a built process on the stack (free ports, waits for its /health/live). */
  start(process: ProcessStart): Promise<RunningProcess>;
  close(): Promise<void>;
}

/** A data source on `db`, open, and the database seeded as `env` says (the two tenants, its bootstrap admin). */
export async function seedDatabase(
  db: TestDatabase,
  env: Record<string, string | undefined>,
  poolSize = 4,
): Promise<TestDataSource> {
  const dataSource = createDataSource(db.url, { poolSize });
  await dataSource.initialize();
  await seed(dataSource, parseEnv(env));
  return dataSource;
}

export async function createTestStack(options: StackOptions): Promise<TestStack> {
  const db = await createTestDatabase();
  const prefix = `${options.keyPrefix}-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    // The tests' SMTP sinks listen on 127.0.0.1 without TLS: the operator's exception, by address only.
    SMTP_ALLOWED_HOSTS: '127.0.0.1',
    DIRECTORY_ALLOWED_HOSTS: '127.0.0.1',
    SMTP_ALLOW_INSECURE: 'true',
    ...options.env,
  };
  const dataSource = await seedDatabase(db, { ...env, ...options.seedEnv });
  const redis = new Redis(env.REDIS_URL!);
  const processes: { proc: RunningProcess; signal: NodeJS.Signals }[] = [];
  return {
    db,
    dataSource,
    env,
    prefix,
    redis,
    async start({ script, portEnv, env: more = {}, stopWith = 'SIGTERM' }) {
      const proc = await startService({ script, portEnv, env: { ...env, ...more } });
      processes.push({ proc, signal: stopWith });
      return proc;
    },
    async close() {
      await Promise.all(processes.map(({ proc, signal }) => proc.stop(signal)));
      // BullMQ wraps the prefix in a hash tag: match it anywhere in the key.
      const keys = await redis.keys(`*${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/** Polls `check` until it holds (the event that proves the work ran), or fails after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createDataSource, seed } from '@guichet/db';
import { createTestDatabase, type TestDatabase } from '@guichet/db/testing';
import {
  freePort,
  httpRequest,
  type HttpRequest,
  type HttpResponse,
  type RunningProcess,
  startProcess,
} from '@guichet/testing';
import { parseEnv } from '@guichet/types';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

export const ADMIN = { email: 'root@guichet.test', password: 'correct horse battery staple' };
export const CEGEP = 'cegepdeseptiles.localhost:3000';
export const MONTEREGIE = 'monteregie.localhost:3000';
export const ADMIN_HOST = 'admin.localhost:3000';
/** Shared by the API processes and the tests (which decrypt outbox tokens to follow links). */
export const TEST_DATA_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

const API_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface TestContext {
  db: TestDatabase;
  dataSource: DataSource;
  env: Record<string, string>;
  prefix: string;
  redis: Redis;
  api: RunningProcess;
  /** Starts one more API process on the same database and Redis prefix. */
  startApi(extraEnv?: Record<string, string>): Promise<RunningProcess>;
  request(host: string, req: HttpRequest, api?: RunningProcess): Promise<HttpResponse>;
  /** A request to the management port (metrics, detailed health) of an API process. */
  management(req: HttpRequest, api?: RunningProcess): Promise<HttpResponse>;
  /** What an admin change does: tell every API process that a tenant changed. */
  publishTenantChange(tenantId: string): Promise<void>;
  close(): Promise<void>;
}

/** A seeded database and a Redis key prefix of their own, and the built API started as a process. */
export async function createTestContext(
  extraEnv: Record<string, string> = {},
): Promise<TestContext> {
  const db = await createTestDatabase();
  const prefix = `guichet-test-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    ADMIN_BOOTSTRAP_EMAIL: ADMIN.email,
    ADMIN_BOOTSTRAP_PASSWORD: ADMIN.password,
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_ITERATIONS: '1',
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    // The tests' SMTP sinks listen on 127.0.0.1 without TLS: the operator's exception, by address only.
    SMTP_ALLOWED_HOSTS: '127.0.0.1',
    SMTP_ALLOW_INSECURE: 'true',
    // The tests' OpenLDAP servers (slapd) listen on 127.0.0.1 too.
    DIRECTORY_ALLOWED_HOSTS: '127.0.0.1',
    ...extraEnv,
  };
  const dataSource = createDataSource(db.url, { poolSize: 4 });
  await dataSource.initialize();
  await seed(dataSource, parseEnv(env));
  const redis = new Redis(env.REDIS_URL!);
  const processes: RunningProcess[] = [];
  const startApi = async (more: Record<string, string> = {}) => {
    const [port, managementPort] = [await freePort(), await freePort()];
    const proc = await startProcess({
      script: API_MAIN,
      env: {
        ...env,
        PORT: String(port),
        PUBLIC_PORT: '3000',
        HOST: '127.0.0.1',
        MANAGEMENT_PORT: String(managementPort),
        ...more,
      },
      healthPort: port,
      managementPort,
    });
    processes.push(proc);
    return proc;
  };
  const api = await startApi();
  return {
    db,
    dataSource,
    env,
    prefix,
    redis,
    api,
    startApi,
    request: (host, req, target = api) => httpRequest(target.port, { ...req, host }),
    management: (req, target = api) => httpRequest(target.managementPort, req),
    publishTenantChange: async (tenantId) => {
      await redis.publish(`${prefix}:tenant-changed`, tenantId);
    },
    async close() {
      await Promise.all(processes.map((p) => p.stop()));
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

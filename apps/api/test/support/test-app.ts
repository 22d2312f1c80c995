import { fileURLToPath } from 'node:url';
import type { TestDatabase } from '@guichet/db/testing';
import {
  createTestStack,
  httpRequest,
  type HttpRequest,
  type HttpResponse,
  PORT_ENV,
  type RunningProcess,
} from '@guichet/testing';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

import { ADMIN, TEST_DATA_ENCRYPTION_KEY } from './hosts.js';

export { ADMIN, ADMIN_HOST, CEGEP, MONTEREGIE, TEST_DATA_ENCRYPTION_KEY } from './hosts.js';

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
  const stack = await createTestStack({
    keyPrefix: 'guichet-test',
    env: {
      ADMIN_BOOTSTRAP_EMAIL: ADMIN.email,
      ADMIN_BOOTSTRAP_PASSWORD: ADMIN.password,
      ARGON2_MEMORY_KIB: '8192',
      ARGON2_ITERATIONS: '1',
      DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
      // The tests' OpenLDAP servers (slapd) listen on 127.0.0.1.
      DIRECTORY_ALLOWED_HOSTS: '127.0.0.1',
      ...extraEnv,
    },
  });
  const { env, prefix, redis } = stack;
  const startApi = (more: Record<string, string> = {}) =>
    stack.start({
      script: API_MAIN,
      portEnv: PORT_ENV.api,
      env: { PUBLIC_PORT: '3000', HOST: '127.0.0.1', ...more },
    });
  const api = await startApi();
  return {
    db: stack.db,
    dataSource: stack.dataSource,
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
    close: () => stack.close(),
  };
}

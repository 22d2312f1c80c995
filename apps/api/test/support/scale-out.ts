import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@guichet/db/testing';
import {
  httpRequest,
  type HttpRequest,
  type HttpResponse,
  PORT_ENV,
  type RedisTopologyUnderTest,
  type RunningProcess,
  seedDatabase,
  type SmtpSink,
  startService,
  startSmtpSink,
  waitUntil,
} from '@guichet/testing';
import type { DataSource } from 'typeorm';
import { ADMIN, CEGEP, TEST_DATA_ENCRYPTION_KEY } from './test-app.js';

const API_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../../worker/dist/main.js', import.meta.url));

/** Several API and worker processes on one database, one SMTP sink and one Redis topology. */
export interface Fleet {
  db: TestDatabase;
  dataSource: DataSource;
  sink: SmtpSink;
  env: Record<string, string>;
  apis: RunningProcess[];
  workers: RunningProcess[];
  startApi(extra?: Record<string, string>): Promise<RunningProcess>;
  startWorker(extra?: Record<string, string>): Promise<RunningProcess>;
  request(api: RunningProcess, host: string, req: HttpRequest): Promise<HttpResponse>;
  /** A metric's value (summed over its series matching `labels`) on a process's management port. */
  metric(proc: RunningProcess, name: string, labels?: string): Promise<number>;
  close(): Promise<void>;
}

export async function startFleet(
  topology: RedisTopologyUnderTest,
  extraEnv: Record<string, string> = {},
): Promise<Fleet> {
  const db = await createTestDatabase();
  const sink = await startSmtpSink();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    // Nothing listens there: every Redis use must follow the topology's variables instead.
    REDIS_URL: 'redis://127.0.0.1:1',
    ...topology.env,
    REDIS_PREFIX: `guichet-scale-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    ADMIN_BOOTSTRAP_EMAIL: ADMIN.email,
    ADMIN_BOOTSTRAP_PASSWORD: ADMIN.password,
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_ITERATIONS: '1',
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    SMTP_URL: sink.url,
    SMTP_ALLOWED_HOSTS: '127.0.0.1',
    SMTP_ALLOW_INSECURE: 'true',
    // Each request of the test says its own client address.
    TRUSTED_PROXIES: '127.0.0.1',
    // Long enough that a busy machine (the test, PostgreSQL and 4 processes on 2 cores) does
    // not miss a lock renewal and hand a live job to the other worker (a duplicate); the
    // killed worker's jobs are taken again after it.
    WORKER_LOCK_MS: '10000',
    OUTBOX_RECONCILE_MS: '500',
    SHUTDOWN_GRACE_SECONDS: '0',
    ...extraEnv,
  };
  const dataSource = await seedDatabase(db, env);
  const apis: RunningProcess[] = [];
  const workers: RunningProcess[] = [];
  const start = (script: string, extra: Record<string, string>, worker: boolean) =>
    startService({
      script,
      portEnv: worker ? PORT_ENV.worker : PORT_ENV.api,
      env: { ...env, ...(worker ? {} : { PUBLIC_PORT: '3000' }), ...extra },
      timeoutMs: 60_000,
    });
  const fleet: Fleet = {
    db,
    dataSource,
    sink,
    env,
    apis,
    workers,
    async startApi(extra = {}) {
      const proc = await start(API_MAIN, extra, false);
      apis.push(proc);
      return proc;
    },
    async startWorker(extra = {}) {
      const proc = await start(WORKER_MAIN, extra, true);
      workers.push(proc);
      return proc;
    },
    request: (api, host, req) => httpRequest(api.port, { ...req, host }),
    async metric(proc, name, labels = '') {
      const res = await httpRequest(proc.managementPort, { path: '/metrics' });
      let sum = 0;
      for (const line of res.body.split('\n')) {
        if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
        if (labels && !line.includes(labels)) continue;
        sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
      return sum;
    },
    async close() {
      await Promise.all([...apis, ...workers].map((p) => p.stop('SIGKILL')));
      await sink.stop();
      await dataSource.destroy();
      await db.drop();
    },
  };
  return fleet;
}

/** `count` accounts of the Cégep, not enrolled yet (a forgot-password sends the enrolment link). */
export async function insertAccounts(
  dataSource: DataSource,
  from: number,
  count: number,
): Promise<string[]> {
  const [{ id }] = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM tenants WHERE slug = 'cegepdeseptiles'`,
  );
  await dataSource.query(
    `INSERT INTO users (tenant_id, username, first_name, last_name, email)
     SELECT $1, 'scale' || n, 'Prénom', 'Nom', 'scale' || n || '@example.ca'
       FROM generate_series($2::int, $3::int) AS n`,
    [id, from, from + count - 1],
  );
  return Array.from({ length: count }, (_, i) => `scale${from + i}`);
}

/** A forgot-password from its own client address (X-Forwarded-For, believed from 127.0.0.1). */
export const forgotPassword = (fleet: Fleet, api: RunningProcess, username: string, ip: string) =>
  fleet.request(api, CEGEP, {
    method: 'POST',
    path: '/api/v1/password/forgot',
    body: { username },
    headers: { 'x-forwarded-for': ip },
  });

/** Runs `tasks` with at most `parallel` at once. */
export async function inParallel<T>(tasks: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

/** waitUntil, with a longer default for a fleet on a busy machine. */
export const until = (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) =>
  waitUntil(check, timeoutMs, what);

/** How many emails each address received. */
export function perRecipient(sink: SmtpSink): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of sink.messages)
    for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

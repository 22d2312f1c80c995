import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ActionToken, createDataSource, seed, Tenant, User } from '@guichet/db';
import { createTestDatabase, type TestDatabase } from '@guichet/db/testing';
import {
  createEmailQueue,
  Encryptor,
  enqueueEmail,
  hashToken,
  newToken,
  writeOutbox,
} from '@guichet/platform';
import {
  freePort,
  type RunningProcess,
  type SmtpSink,
  startProcess,
  startSmtpSink,
} from '@guichet/testing';
import { type EmailJobData, type EmailKind, type Locale, parseEnv } from '@guichet/types';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

const WORKER_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface WorkerContext {
  dataSource: DataSource;
  smtp: SmtpSink;
  redis: Redis;
  queue: Queue<EmailJobData>;
  prefix: string;
  encryptor: Encryptor;
  tenants: Record<'cegepdeseptiles' | 'monteregie', Tenant>;
  env: Record<string, string>;
  startWorker(extra?: Record<string, string>): Promise<RunningProcess>;
  createUser(slug: 'cegepdeseptiles' | 'monteregie', overrides?: Partial<User>): Promise<User>;
  /** What the API does for a reset/enrolment: token + outbox row in one transaction, then the job. */
  requestLinkEmail(
    user: User,
    kind?: Extract<EmailKind, 'password-reset' | 'enrolment'>,
    locale?: Locale,
    enqueue?: boolean,
  ): Promise<{ outboxId: string; token: string; tokenId: string }>;
  close(): Promise<void>;
}

export async function createWorkerContext(): Promise<WorkerContext> {
  const db: TestDatabase = await createTestDatabase();
  const prefix = `guichet-wtest-${randomBytes(4).toString('hex')}`;
  const key = randomBytes(32).toString('base64');
  const smtp = await startSmtpSink();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: prefix,
    SMTP_URL: smtp.url,
    // Tenant servers in these tests are SMTP sinks on 127.0.0.1 without TLS: the operator's exception, by address only.
    SMTP_ALLOWED_HOSTS: '127.0.0.1',
    SMTP_ALLOW_INSECURE: 'true',
    DATA_ENCRYPTION_KEY: key,
    LOG_LEVEL: 'warn',
    EMAIL_RETRY_BASE_MS: '100',
    WORKER_LOCK_MS: '2000',
    OUTBOX_RECONCILE_MS: '300',
    OUTBOX_GRACE_MS: '500',
    HOST: '127.0.0.1',
  };
  const dataSource = createDataSource(db.url, { poolSize: 4 });
  await dataSource.initialize();
  await seed(
    dataSource,
    parseEnv({
      ...env,
      ADMIN_BOOTSTRAP_EMAIL: 'root@guichet.test',
      ADMIN_BOOTSTRAP_PASSWORD: 'a long enough password',
    }),
  );
  const tenantRows = await dataSource.getRepository(Tenant).find();
  const tenants = Object.fromEntries(
    tenantRows.map((t) => [t.slug, t]),
  ) as WorkerContext['tenants'];
  const redis = new Redis(env.REDIS_URL!);
  const queue = createEmailQueue({ url: env.REDIS_URL! }, prefix);
  const encryptor = new Encryptor(key);
  const workers: RunningProcess[] = [];
  let n = 0;
  return {
    dataSource,
    smtp,
    redis,
    queue,
    prefix,
    encryptor,
    tenants,
    env,
    async startWorker(extra = {}) {
      const [port, managementPort] = [await freePort(), await freePort()];
      const worker = await startProcess({
        script: WORKER_MAIN,
        env: {
          ...env,
          WORKER_HEALTH_PORT: String(port),
          WORKER_MANAGEMENT_PORT: String(managementPort),
          ...extra,
        },
        healthPort: port,
        managementPort,
      });
      workers.push(worker);
      return worker;
    },
    async createUser(slug, overrides = {}) {
      n += 1;
      const users = dataSource.getRepository(User);
      return users.save(
        users.create({
          tenantId: tenants[slug].id,
          username: slug === 'monteregie' ? `test${String(1000 + n)}` : `tre${n}j`,
          firstName: 'Jean',
          lastName: 'Tremblay',
          email: `jean.tremblay.${n}@example.ca`,
          ...overrides,
        }),
      );
    },
    async requestLinkEmail(user, kind = 'password-reset', locale = 'fr', enqueue = true) {
      const token = newToken();
      const result = await dataSource.transaction(async (em) => {
        const actionToken = await em.save(
          em.create(ActionToken, {
            tenantId: user.tenantId,
            userId: user.id,
            purpose: kind,
            tokenHash: hashToken(token),
            expiresAt: new Date(Date.now() + 60 * 60_000),
          }),
        );
        const job = await writeOutbox(em, encryptor, {
          userId: user.id,
          payload: {
            kind,
            tenantId: user.tenantId,
            version: 1,
            locale,
            recipient: { email: user.email, name: `${user.firstName} ${user.lastName}` },
            data: { username: user.username, expiresInMinutes: 60 },
          },
          link: { token, actionTokenId: actionToken.id },
        });
        return { job, tokenId: actionToken.id };
      });
      if (enqueue) await enqueueEmail(queue, result.job);
      return { outboxId: result.job.outboxId, token, tokenId: result.tokenId };
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop('SIGKILL')));
      await queue.close();
      const keys = await redis.keys(`*${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await smtp.stop();
      await dataSource.destroy();
      await db.drop();
    },
  };
}

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

import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ActionToken, Tenant, User } from '@guichet/db';
import {
  createEmailQueue,
  Encryptor,
  enqueueEmail,
  hashToken,
  newToken,
  writeOutbox,
} from '@guichet/platform';
import {
  createTestStack,
  PORT_ENV,
  type RunningProcess,
  type SmtpSink,
  startSmtpSink,
} from '@guichet/testing';
import type { EmailJobData, EmailKind, Locale } from '@guichet/types';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
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
  const key = randomBytes(32).toString('base64');
  const smtp = await startSmtpSink();
  const stack = await createTestStack({
    keyPrefix: 'guichet-wtest',
    env: {
      SMTP_URL: smtp.url,
      DATA_ENCRYPTION_KEY: key,
      EMAIL_RETRY_BASE_MS: '100',
      WORKER_LOCK_MS: '2000',
      OUTBOX_RECONCILE_MS: '300',
      OUTBOX_GRACE_MS: '500',
      HOST: '127.0.0.1',
    },
    seedEnv: {
      ADMIN_BOOTSTRAP_EMAIL: 'root@guichet.test',
      ADMIN_BOOTSTRAP_PASSWORD: 'a long enough password',
    },
  });
  const { dataSource, env, prefix, redis } = stack;
  const tenantRows = await dataSource.getRepository(Tenant).find();
  const tenants = Object.fromEntries(
    tenantRows.map((t) => [t.slug, t]),
  ) as WorkerContext['tenants'];
  const queue = createEmailQueue({ url: env.REDIS_URL! }, prefix);
  const encryptor = new Encryptor(key);
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
    startWorker: (extra = {}) =>
      stack.start({
        script: WORKER_MAIN,
        portEnv: PORT_ENV.worker,
        env: extra,
        stopWith: 'SIGKILL',
      }),
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
      await stack.close();
      await queue.close();
      await smtp.stop();
    },
  };
}

/** Polls until the check holds (shared with the API's tests). */
export { waitUntil } from '@guichet/testing';

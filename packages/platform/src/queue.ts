import { emailJobId, type EmailJobData, QUEUE_PREFIX, QUEUES } from '@guichet/types';
import { Queue, type ConnectionOptions } from 'bullmq';

/** BullMQ prefix: `{guichet}` by default; tests use their own REDIS_PREFIX so runs never meet. */
export const queuePrefix = (redisPrefix: string): string =>
  redisPrefix === 'guichet' ? QUEUE_PREFIX : `{${redisPrefix}}`;

/**
 * The email queue on a connection (a client from `createRedisClient`, of any topology, or
 * options for one server). The prefix is hash-tagged (`{…}`): on a Redis Cluster every key
 * of the queue is in one slot, as BullMQ's multi-key scripts need.
 */
export function createEmailQueue(
  connection: ConnectionOptions,
  redisPrefix: string,
  options: { skipVersionCheck?: boolean } = {},
): Queue<EmailJobData> {
  return new Queue<EmailJobData>(QUEUES.email, {
    connection,
    prefix: queuePrefix(redisPrefix),
    ...options,
  });
}

const jobOptions = (data: EmailJobData, attempts: number) => ({
  jobId: emailJobId(data.outboxId),
  attempts,
  // Exponential with jitter, computed by the worker (EMAIL_RETRY_BASE_MS).
  backoff: { type: 'jittered-exponential' },
  removeOnComplete: true,
  removeOnFail: true,
});

/**
 * Adds the job of an outbox row. The job id is derived from the row, so adding it again
 * (reconciler, retry) never creates a second waiting job.
 */
export async function enqueueEmail(
  queue: Queue<EmailJobData>,
  data: EmailJobData,
  attempts = EMAIL_ATTEMPTS,
): Promise<void> {
  await queue.add(data.kind, data, jobOptions(data, attempts));
}

/** `enqueueEmail` of many rows in one round trip (`addBulk`). */
export async function enqueueEmails(
  queue: Queue<EmailJobData>,
  jobs: readonly EmailJobData[],
): Promise<void> {
  if (!jobs.length) return;
  await queue.addBulk(
    jobs.map((data) => ({ name: data.kind, data, opts: jobOptions(data, EMAIL_ATTEMPTS) })),
  );
}

/** Temporary SMTP failures are retried this many times in all before the delivery is marked failed. */
export const EMAIL_ATTEMPTS = 10;

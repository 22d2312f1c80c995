import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EmailDeliveriesRepository, tenantId } from '@guichet/db';
import {
  createEmailQueue,
  createRedisClient,
  Encryptor,
  enqueueEmails,
  type OutboxEmail,
  type RedisClient,
  writeOutbox,
  writeOutboxMany,
} from '@guichet/platform';
import type { EmailJobData } from '@guichet/types';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { type AppConfig, CONFIG } from '../config/config.js';

const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * The email outbox of the API: the row (with the link's token encrypted) is written in the
 * caller's transaction; the job is added after the commit. When Redis is away the job is
 * not added, the row stays `queued`, and the worker's reconciler enqueues it later: the
 * request that caused it never notices.
 */
@Injectable()
export class EmailOutbox implements OnApplicationShutdown {
  private readonly logger = new Logger(EmailOutbox.name);
  private readonly queue: Queue<EmailJobData>;
  private readonly connection: RedisClient;

  constructor(
    @Inject(CONFIG) config: AppConfig,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly encryptor: Encryptor,
  ) {
    // Fail fast while Redis is down (no offline queue): the reconciler takes over.
    this.connection = createRedisClient(config.redis, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectionName: 'guichet-api-queue',
    });
    this.connection.on('error', () => undefined); // reported by the queue, below
    this.queue = createEmailQueue(this.connection, config.REDIS_PREFIX, {
      skipVersionCheck: true,
    });
    this.queue.on('error', (error: Error) =>
      this.logger.debug(`email queue connection: ${error.message}`),
    );
  }

  /** Writes the outbox row; call inside the transaction that created the token. */
  write(em: EntityManager, email: OutboxEmail): Promise<EmailJobData> {
    return writeOutbox(em, this.encryptor, email);
  }

  /** `write` of many rows in one statement. */
  writeMany(em: EntityManager, emails: readonly OutboxEmail[]): Promise<EmailJobData[]> {
    return writeOutboxMany(em, this.encryptor, emails);
  }

  /**
   * Adds the jobs of committed rows, in one round trip to Redis, then marks them enqueued
   * (one statement per tenant). Never throws: jobs not added are logged and left to the
   * reconciler.
   */
  async enqueue(jobs: readonly EmailJobData[]): Promise<void> {
    if (!jobs.length) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        enqueueEmails(this.queue, jobs),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer from Redis within ${ENQUEUE_TIMEOUT_MS} ms`)),
            ENQUEUE_TIMEOUT_MS,
          );
        }),
      ]);
      // The jobs were made from committed rows of their tenants.
      const byTenant = new Map<string, string[]>();
      for (const job of jobs)
        byTenant.set(job.tenantId, [...(byTenant.get(job.tenantId) ?? []), job.outboxId]);
      for (const [tenant, ids] of byTenant)
        await this.deliveries.markEnqueuedMany(tenantId(tenant), ids);
    } catch (error) {
      const what =
        jobs.length === 1
          ? `email ${jobs[0]!.kind} (outbox ${jobs[0]!.outboxId})`
          : `${jobs.length} emails`;
      this.logger.warn(
        `${what} not enqueued: ${(error as Error).message}; the outbox reconciler will enqueue them`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { tenantId } from '@guichet/db';
import { createRedisClient, queuePrefix, type RedisClient } from '@guichet/platform';
import { type EmailJobData, QUEUES } from '@guichet/types';
import { type Job, Worker } from 'bullmq';
import { CONFIG, type WorkerConfig } from '../config.js';
import { WorkerMetrics } from '../metrics.js';
import { retryDelay } from './smtp-errors.js';
import { SendEmail } from './send-email.usecase.js';
import type { WorkerService } from '../lifecycle.js';

/** Consumes the email queue. On SIGTERM it finishes the jobs in flight and takes no new one. */
@Injectable()
export class EmailProcessor implements WorkerService {
  private readonly logger = new Logger(EmailProcessor.name);
  private worker: Worker<EmailJobData> | null = null;
  private connection: RedisClient | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: WorkerConfig,
    private readonly sendEmail: SendEmail,
    private readonly metrics: WorkerMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const base = this.config.EMAIL_RETRY_BASE_MS;
    // Any topology (one server, Sentinel, Cluster); BullMQ adds its blocking connection alike.
    this.connection = createRedisClient(this.config.redis, {
      maxRetriesPerRequest: null,
      connectionName: 'guichet-worker',
    });
    this.connection.on('error', () => undefined); // reported by the worker's own 'error'
    this.worker = new Worker<EmailJobData>(QUEUES.email, (job) => this.process(job), {
      connection: this.connection,
      prefix: queuePrefix(this.config.REDIS_PREFIX),
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.WORKER_LOCK_MS,
      stalledInterval: Math.max(1000, Math.floor(this.config.WORKER_LOCK_MS / 2)),
      maxStalledCount: 5,
      settings: { backoffStrategy: (attemptsMade: number) => retryDelay(attemptsMade, base) },
    });
    this.worker.on('error', (error) => this.logger.error(`queue connection: ${error.message}`));
    this.worker.on('completed', () => this.metrics.jobs.inc({ outcome: 'completed' }));
    this.worker.on('failed', (job, error) => {
      this.metrics.jobs.inc({ outcome: 'failed' });
      if (job)
        this.logger.warn(
          `email job ${job.id} attempt ${job.attemptsMade} failed: ${error.message}`,
        );
    });
  }

  private async process(job: Job<EmailJobData>): Promise<string> {
    const attempts = job.opts.attempts ?? 1;
    return this.sendEmail.execute(
      job.data.outboxId,
      // The job names its row's tenant; the claim is scoped by it, so a job naming another
      // tenant's row claims nothing.
      tenantId(job.data.tenantId),
      job.attemptsMade + 1 >= attempts,
    );
  }

  /** Before the database closes: the jobs in flight still record their result. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => undefined);
  }
}

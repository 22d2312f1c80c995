import { Inject, Injectable, Logger } from '@nestjs/common';
import { EmailDeliveriesRepository } from '@guichet/db';
import {
  createEmailQueue,
  createRedisClient,
  enqueueEmail,
  Lease,
  type RedisClient,
} from '@guichet/platform';
import { emailJobId, type EmailJobData } from '@guichet/types';
import type { Queue } from 'bullmq';
import { CONFIG, type WorkerConfig } from '../config.js';
import { WorkerMetrics } from '../metrics.js';
import type { WorkerService } from '../lifecycle.js';

const TASK = 'outbox-reconciler';

/**
 * Re-enqueues outbox rows still pending after a grace period: the API could not reach
 * Redis, or Redis lost its data. Adding a job whose id already exists is a no-op, so rows
 * that are waiting, delayed for a retry or in flight are left alone. However many workers
 * run, one reconciles: the one that holds the lease in Redis (renewed every round; taken
 * by another worker within a few rounds when its holder dies, at once when it stops).
 */
@Injectable()
export class OutboxReconciler implements WorkerService {
  private readonly logger = new Logger(OutboxReconciler.name);
  private readonly queue: Queue<EmailJobData>;
  private readonly connection: RedisClient;
  private readonly lease: Lease;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: WorkerConfig,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly metrics: WorkerMetrics,
  ) {
    this.connection = createRedisClient(config.redis, {
      maxRetriesPerRequest: 1,
      connectionName: 'guichet-reconciler',
    });
    this.connection.on('error', () => undefined); // reported by the next reconcile
    this.queue = createEmailQueue(this.connection, config.REDIS_PREFIX);
    this.queue.on('error', () => undefined); // reported by the next reconcile
    // Several rounds without renewal before another worker takes over.
    this.lease = new Lease(
      this.connection,
      `${config.REDIS_PREFIX}:lease:${TASK}`,
      Math.max(2000, 3 * config.OUTBOX_RECONCILE_MS),
    );
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running = this.reconcileIfLeader().catch((error: Error) => {
        this.logger.warn(`reconcile skipped: ${error.message}`);
        return 0;
      });
      void this.running.finally(() => {
        if (this.timer !== null) this.timer = setTimeout(tick, this.config.OUTBOX_RECONCILE_MS);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** One round: only in the worker that holds the lease. */
  private async reconcileIfLeader(): Promise<number> {
    const leader = await this.lease.acquire();
    this.metrics.leaseHeld.set({ task: TASK }, leader ? 1 : 0);
    if (!leader) return 0;
    this.metrics.scheduledRuns.inc({ task: TASK });
    return this.reconcile();
  }

  async reconcile(): Promise<number> {
    const rows = await this.deliveries.staleAcrossTenants(this.config.OUTBOX_GRACE_MS, 1000);
    let added = 0;
    for (const row of rows) {
      const existing = await this.queue.getJob(emailJobId(row.id));
      if (existing) continue;
      await enqueueEmail(this.queue, {
        outboxId: row.id,
        tenantId: row.tenantId,
        kind: row.kind,
        version: 1,
      });
      added += 1;
    }
    if (added) {
      this.metrics.reenqueued.inc(added);
      this.logger.log(`re-enqueued ${added} pending email(s) from the outbox`);
    }
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
    for (const [state, n] of Object.entries(counts)) this.metrics.queue.set({ state }, n);
    return added;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.lease.release();
    this.metrics.leaseHeld.set({ task: TASK }, 0);
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}

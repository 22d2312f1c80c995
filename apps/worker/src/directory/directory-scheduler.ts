import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { scheduledDirectoryTenants } from '@guichet/db';
import {
  createDirectorySync,
  DirectoryNotConfigured,
  DirectorySync,
  DirectorySyncBusy,
} from '@guichet/directory';
import { createRedisClient, Encryptor, queuePrefix, type RedisClient } from '@guichet/platform';
import { directoryJobId, type DirectorySyncJobData, QUEUES } from '@guichet/types';
import { type Job, Queue, Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import { CONFIG, type WorkerConfig } from '../config.js';
import type { WorkerService } from '../lifecycle.js';

const TICK = 'tick';
const SYNC = 'sync';
type DirectoryJob = DirectorySyncJobData | { version: 1; tenantId: '' };

/**
 * Scheduled directory syncs. One BullMQ job scheduler (shared by every worker: its id is
 * fixed) ticks every DIRECTORY_TICK_MS; a tick adds a `sync` job for each tenant whose
 * `everyMinutes` elapsed since its last run, with a job id per tenant (a tenant still queued
 * is not added twice). The sync itself holds the tenant's Redis lock, so a manual "Sync now"
 * or a CLI sync and a scheduled one never overlap: a busy tenant is skipped, the next tick
 * tries again. Back-channel logouts of leavers are the API's (the grants are gone either way).
 */
@Injectable()
export class DirectoryScheduler implements WorkerService {
  private readonly logger = new Logger(DirectoryScheduler.name);
  private queue: Queue<DirectoryJob> | null = null;
  private worker: Worker<DirectoryJob> | null = null;
  private redis: RedisClient | null = null;
  private connection: RedisClient | null = null;
  private sync: DirectorySync | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: WorkerConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly encryptor: Encryptor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Every Redis use follows the topology (one server, Cluster or Sentinel).
    const connection = createRedisClient(this.config.redis, {
      maxRetriesPerRequest: null,
      connectionName: 'guichet-worker-directory',
    });
    this.connection = connection;
    const prefix = queuePrefix(this.config.REDIS_PREFIX);
    this.redis = createRedisClient(this.config.redis, {
      maxRetriesPerRequest: 1,
      connectionName: 'guichet-worker-directory-lock',
    });
    this.sync = createDirectorySync({
      dataSource: this.dataSource,
      redis: this.redis,
      redisPrefix: this.config.REDIS_PREFIX,
      encryptor: this.encryptor,
      allowList: this.config.directoryAllowList,
    });
    this.queue = new Queue<DirectoryJob>(QUEUES.directory, { connection, prefix });
    await this.queue.upsertJobScheduler(
      'directory-tick',
      { every: this.config.DIRECTORY_TICK_MS },
      {
        name: TICK,
        data: { version: 1, tenantId: '' },
        opts: { removeOnComplete: true, removeOnFail: true },
      },
    );
    this.worker = new Worker<DirectoryJob>(QUEUES.directory, (job) => this.process(job), {
      connection,
      prefix,
      concurrency: 2,
      // A sync of a large directory takes a while: BullMQ renews the job's lock meanwhile.
      lockDuration: 60_000,
    });
    this.worker.on('error', (error) => this.logger.error(`directory queue: ${error.message}`));
  }

  private async process(job: Job<DirectoryJob>): Promise<string> {
    if (job.name === TICK) return this.tick();
    const tenantId = job.data.tenantId;
    try {
      const result = await this.sync!.run(tenantId, {
        trigger: 'scheduled',
        dryRun: false,
        actor: { type: 'system', id: null },
      });
      if (result.status === 'failed')
        this.logger.warn(`directory sync of tenant ${tenantId} failed: ${result.error}`);
      return result.status;
    } catch (error) {
      if (error instanceof DirectorySyncBusy || error instanceof DirectoryNotConfigured)
        return 'skipped';
      throw error;
    }
  }

  /** The tenants that are due get a sync job each. */
  private async tick(): Promise<string> {
    const now = Date.now();
    const due = (await scheduledDirectoryTenants(this.dataSource)).filter(
      (t) => !t.lastStarted || now - t.lastStarted.getTime() >= t.everyMinutes * 60_000,
    );
    for (const { tenantId } of due)
      await this.queue!.add(
        SYNC,
        { tenantId, version: 1 },
        { jobId: directoryJobId(tenantId), removeOnComplete: true, removeOnFail: true },
      );
    return `${due.length} due`;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    this.redis?.disconnect();
    this.connection?.disconnect();
  }
}

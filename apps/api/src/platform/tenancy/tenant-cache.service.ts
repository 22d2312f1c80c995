import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { type TenantWithSettings, TenantsRepository } from '@guichet/db';
import type { RedisClient } from '@guichet/platform';
import { Gauge, type Registry } from 'prom-client';
import { type AppConfig, CONFIG } from '../config/config.js';
import { METRICS_REGISTRY } from '../metrics/metrics.module.js';
import { REDIS, REDIS_SUBSCRIBER } from '../redis/redis.module.js';
import { HostLookupCache } from './host-lookup-cache.js';
import type { TenantContext } from './tenant-context.js';

const TTL_MS = 60_000;
/** Host names kept, known and unknown: far above any real number of tenant hosts. */
export const TENANT_CACHE_MAX_ENTRIES = 10_000;

/**
 * Host name → tenant, cached in process. Any change published on the Redis channel
 * clears the cache of every API process, so an admin change shows within a second;
 * the TTL bounds staleness if a message is ever missed.
 */
@Injectable()
export class TenantCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(TenantCache.name);
  private readonly byHost = new HostLookupCache<TenantContext>((hostName) => this.load(hostName), {
    max: TENANT_CACHE_MAX_ENTRIES,
    ttlMs: TTL_MS,
  });
  private readonly channel: string;
  private readonly listeners: ((tenantId: string) => void)[] = [];

  constructor(
    private readonly tenants: TenantsRepository,
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: RedisClient,
    @Inject(CONFIG) config: AppConfig,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.channel = `${config.REDIS_PREFIX}:tenant-changed`;
    const byHost = this.byHost;
    new Gauge({
      name: 'tenant_cache_entries',
      help: 'Host names held by the tenant cache (known and unknown)',
      registers: [registry],
      collect() {
        this.set(byHost.size);
      },
    });
  }

  /** Called with the tenant's id on every change notice, this process's own included. */
  onChange(listener: (tenantId: string) => void): void {
    this.listeners.push(listener);
  }

  onModuleInit(): void {
    this.subscriber.on('message', (channel: string, tenantId: string) => {
      if (channel !== this.channel) return;
      this.clear();
      for (const listener of this.listeners) listener(tenantId);
    });
    // Not awaited: the API starts (and reports not ready) while Redis is away; ioredis
    // subscribes again on every reconnection.
    this.subscriber
      .subscribe(this.channel)
      .catch((error: Error) => this.logger.warn(`tenant change channel: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber.unsubscribe(this.channel).catch(() => undefined);
  }

  clear(): void {
    this.byHost.clear();
  }

  /** Tells every API process (this one included) that tenant data changed. */
  async invalidate(tenantId: string): Promise<void> {
    this.clear();
    try {
      await this.redis.publish(this.channel, tenantId);
    } catch (error) {
      this.logger.warn(
        `could not publish a tenant change (${(error as Error).message}); other processes catch up within ${TTL_MS / 1000}s`,
      );
    }
  }

  /** `hostName` already normalized and checked by `isTenantHostName`. */
  resolve(hostName: string): Promise<TenantContext | null> {
    return this.byHost.get(hostName);
  }

  /** A tenant by id, read afresh (for work taken up again after the request that asked for it). */
  async byId(tenantId: string): Promise<TenantContext | null> {
    return toContext(await this.tenants.byId(tenantId));
  }

  private async load(hostName: string): Promise<TenantContext | null> {
    return toContext(await this.tenants.byHost(hostName));
  }
}

const toContext = (row: TenantWithSettings | null): TenantContext | null =>
  row && {
    id: row.id,
    slug: row.slug,
    name: row.name,
    publicUrl: row.publicUrl,
    status: row.status,
    settings: row.settings,
    version: row.version,
    assets: row.assets,
  };

import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { UserView } from '@guichet/types';
import { BoundedCache, type RedisClient } from '@guichet/platform';
import { type AppConfig, CONFIG } from '../../platform/config/config.js';
import { REDIS, REDIS_SUBSCRIBER } from '../../platform/redis/redis.module.js';

/** A live session's account, as the Bearer guard needs it. */
export interface LiveSession {
  user: UserView;
  /** When the session family's last live token expires (epoch ms). */
  liveUntil: number;
}

/** Access tokens of at most this many session families are kept. */
const MAX_ENTRIES = 20_000;
/** A last bound, for a notice lost with Redis up (publisher cut off alone): never needed otherwise. */
const MAX_AGE_MS = 30_000;
const ALL = '*';

export const sessionsEndedChannel = (redisPrefix: string) => `${redisPrefix}:sessions-ended`;

/** From a process without the cache (the CLI): accounts of the tenant changed, to every API process. */
export async function publishAccountsChanged(
  redis: RedisClient,
  redisPrefix: string,
  tenantId: string,
) {
  await redis.publish(sessionsEndedChannel(redisPrefix), `${tenantId} ${ALL}`);
}

/**
 * Which session families are live, for the Bearer guard (`/api/v1/me` and the portal API),
 * kept in memory so that a valid access token costs no query. Correct only with its
 * invalidation: every path that ends sessions or changes an account's view calls
 * `ended()` after its transaction commits; that publishes on Redis to every API process
 * (this one included) before the request answers, and each drops the account's entries.
 *
 * Fail safe: the cache is used only while this process is subscribed. When the subscriber
 * connection drops (a notice may be missed) the cache is emptied and bypassed, and it is
 * trusted again only once the channel is subscribed anew. A lookup that started before a
 * notice never writes its (possibly stale) answer back. Failed lookups are not kept.
 */
@Injectable()
export class SessionLiveness implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionLiveness.name);
  private readonly entries = new BoundedCache<string, LiveSession>({ max: MAX_ENTRIES });
  private readonly channel: string;
  /** Bumped by every notice and every connection change. */
  private generation = 0;
  private subscribed = false;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: RedisClient,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.channel = sessionsEndedChannel(config.REDIS_PREFIX);
  }

  onModuleInit(): void {
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.drop(message);
    });
    const lost = () => this.distrust();
    this.subscriber.on('close', lost);
    this.subscriber.on('end', lost);
    this.subscriber.on('error', lost);
    this.subscriber.on('reconnecting', lost);
    this.subscriber.on('ready', () => this.subscribe());
    if (this.subscriber.status === 'ready') this.subscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    this.distrust();
    await this.subscriber.unsubscribe(this.channel).catch(() => undefined);
  }

  /** The live session of the token's claims: from memory, or `load` (the database) when not known. */
  async userOf(
    tenantId: string,
    userId: string,
    familyId: string,
    load: () => Promise<LiveSession | null>,
  ): Promise<UserView | null> {
    const key = `${tenantId} ${userId} ${familyId}`;
    const now = Date.now();
    if (this.subscribed) {
      const hit = this.entries.get(key);
      if (hit && hit.liveUntil > now) return hit.user;
    }
    const generation = this.generation;
    const found = await load();
    if (!found) return null;
    if (this.subscribed && generation === this.generation)
      this.entries.set(key, found, Math.min(MAX_AGE_MS, found.liveUntil - now));
    return found.user;
  }

  /**
   * Sessions of these accounts ended, or their names or addresses changed (`null`: any
   * account of the tenant). Call it after the change is committed, and await it before answering.
   */
  async ended(tenantId: string, userIds: readonly string[] | null): Promise<void> {
    const messages = userIds ? userIds.map((id) => `${tenantId} ${id}`) : [`${tenantId} ${ALL}`];
    // This process at once, whatever Redis does.
    for (const m of messages) this.drop(m);
    try {
      await Promise.all(messages.map((m) => this.redis.publish(this.channel, m)));
    } catch (error) {
      this.logger.error(
        `session end notice not published (other API processes keep it at most ${MAX_AGE_MS / 1000} s): ${(error as Error).message}`,
      );
    }
  }

  private subscribe(): void {
    this.subscriber
      .subscribe(this.channel)
      .then(() => {
        // Notices published while we were away are lost: start from nothing.
        this.generation += 1;
        this.entries.clear();
        this.subscribed = this.subscriber.status === 'ready';
      })
      .catch((error: Error) => {
        this.distrust();
        this.logger.warn(`session end channel: ${error.message}`);
      });
  }

  private distrust(): void {
    this.subscribed = false;
    this.generation += 1;
    this.entries.clear();
  }

  private drop(message: string): void {
    this.generation += 1;
    const [tenantId, userId] = message.split(' ', 2);
    if (userId === ALL) {
      for (const key of this.entries.keys())
        if (key.startsWith(`${tenantId} `)) this.entries.delete(key);
      return;
    }
    const prefix = `${tenantId} ${userId} `;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

/** Global: the paths that end sessions live in several modules. */
@Global()
@Module({ providers: [SessionLiveness], exports: [SessionLiveness] })
export class SessionLivenessModule {}

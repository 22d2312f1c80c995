import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createRedisClient, type RedisClient } from '@guichet/platform';
import { type AppConfig, CONFIG } from '../config/config.js';

export const REDIS = Symbol('REDIS');
export const REDIS_SUBSCRIBER = Symbol('REDIS_SUBSCRIBER');

/**
 * The API's two Redis connections, on whichever topology the configuration names (one
 * server, Sentinel or Cluster): commands fail fast while Redis is away instead of holding
 * requests; the subscriber waits and subscribes again on every reconnection.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [CONFIG],
      useFactory: (c: AppConfig): RedisClient =>
        createRedisClient(c.redis, {
          connectionName: 'guichet-api',
          maxRetriesPerRequest: 1,
          commandTimeout: 2000,
          enableAutoPipelining: true,
        }),
    },
    {
      provide: REDIS_SUBSCRIBER,
      inject: [CONFIG],
      useFactory: (c: AppConfig): RedisClient =>
        createRedisClient(c.redis, {
          connectionName: 'guichet-api-sub',
          maxRetriesPerRequest: null,
        }),
    },
  ],
  exports: [REDIS, REDIS_SUBSCRIBER],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: RedisClient,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.redis.quit(), this.subscriber.quit()]);
  }
}

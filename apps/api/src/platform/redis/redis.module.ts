import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type AppConfig, CONFIG } from '../config/config.js';

export const REDIS = Symbol('REDIS');
export const REDIS_SUBSCRIBER = Symbol('REDIS_SUBSCRIBER');

/** Fails fast while Redis is away instead of holding requests. */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    enableAutoPipelining: true,
  });
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [CONFIG],
      useFactory: (c: AppConfig) => createRedis(c.REDIS_URL, 'guichet-api'),
    },
    {
      provide: REDIS_SUBSCRIBER,
      inject: [CONFIG],
      useFactory: (c: AppConfig) =>
        new Redis(c.REDIS_URL, { connectionName: 'guichet-api-sub', maxRetriesPerRequest: null }),
    },
  ],
  exports: [REDIS, REDIS_SUBSCRIBER],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.redis.quit(), this.subscriber.quit()]);
  }
}

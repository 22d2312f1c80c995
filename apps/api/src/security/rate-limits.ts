import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { type AppConfig, CONFIG } from '../config/config.js';
import { REDIS } from '../redis/redis.module.js';
import { RATE_LIMITS, type RateLimitName } from './rate-limit-policy.js';
import { TooManyRequestsException } from './too-many-requests.exception.js';

export interface LimitState {
  consumed: number;
  msBeforeReset: number;
}

/** What a counted failure did: its rank in the window, and whether it reached the limit. */
export interface FailureCount {
  consumed: number;
  reachedLimit: boolean;
}

/**
 * Rate limits and lockout counters in Redis (rate-limiter-flexible: atomic Lua counters,
 * so concurrent requests are counted exactly). When Redis is not ready, an in-process
 * limiter with the same settings stands in (insurance) and no request waits on Redis.
 */
@Injectable()
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** The Redis key prefix of a limit (tests read the counters there). */
  keyPrefix(name: string): string {
    return `${this.config.REDIS_PREFIX}:rl:${name}`;
  }

  private limiter(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
    const id = `${name}/${points}/${durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: this.keyPrefix(name),
        points,
        duration: durationSeconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${name}-insurance`, points, duration: durationSeconds }),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  private named(name: RateLimitName): RateLimiterAbstract {
    const { points, durationSeconds } = RATE_LIMITS[name];
    return this.limiter(name, points, durationSeconds);
  }

  /** Throws 429 when the key is over the limit, without counting this request. */
  async assertUnder(name: RateLimitName, key: string): Promise<void> {
    const res = await this.named(name).get(key);
    if (res && res.consumedPoints >= RATE_LIMITS[name].points && res.msBeforeNext > 0) {
      throw new TooManyRequestsException(res.msBeforeNext / 1000);
    }
  }

  /**
   * Counts one request; throws 429 when over the limit. `onLimitReached` runs once, for
   * the request that goes over (to audit the start of a block, not every refused request).
   */
  async consume(name: RateLimitName, key: string, onLimitReached?: () => Promise<void>): Promise<void> {
    const limit = RATE_LIMITS[name];
    const what = 'what' in limit ? limit.what : undefined;
    try {
      await this.named(name).consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      if (rejection.consumedPoints === limit.points + 1) {
        await this.named(name).block(key, limit.blockSeconds).catch(() => undefined);
        await onLimitReached?.();
        throw new TooManyRequestsException(limit.blockSeconds, what);
      }
      throw new TooManyRequestsException(rejection.msBeforeNext / 1000, what);
    }
  }

  /** Counts one use; false (and nothing counted beyond the limit's block) when the key is over its limit. */
  async tryConsume(name: RateLimitName, key: string): Promise<boolean> {
    try {
      await this.named(name).consume(key);
      return true;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return false;
      throw rejection;
    }
  }

  /** Counts one failure (a wrong answer); at the limit the key is blocked for the limit's block time. */
  async countFailure(name: RateLimitName, key: string): Promise<FailureCount> {
    const limit = RATE_LIMITS[name];
    return this.countAndBlock(this.named(name), key, limit.points, limit.blockSeconds);
  }

  /** Failed sign-ins of one account (known or not): the tenant's lockout policy. */
  accountFailures(maxFailures: number, lockMinutes: number) {
    const limiter = this.limiter('login-account', maxFailures, lockMinutes * 60);
    return {
      state: async (key: string): Promise<LimitState | null> => {
        const res = await limiter.get(key);
        return res ? { consumed: res.consumedPoints, msBeforeReset: res.msBeforeNext } : null;
      },
      countFailure: (key: string): Promise<FailureCount> => this.countAndBlock(limiter, key, maxFailures, lockMinutes * 60),
      reset: async (key: string): Promise<void> => {
        await limiter.delete(key).catch(() => undefined);
      },
    };
  }

  private async countAndBlock(limiter: RateLimiterAbstract, key: string, points: number, blockSeconds: number): Promise<FailureCount> {
    const res = await limiter.penalty(key, 1);
    const reachedLimit = res.consumedPoints === points;
    if (reachedLimit) await limiter.block(key, blockSeconds).catch(() => undefined);
    return { consumed: res.consumedPoints, reachedLimit };
  }
}

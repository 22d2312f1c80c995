import { Inject, Injectable } from '@nestjs/common';
import type { RedisClient } from '@guichet/platform';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
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
 * An attempt counted before its answer is checked. `granted`: within the budget, so the
 * answer may be checked; `last`: it took the last attempt of the budget (its failure locks).
 */
export interface Reservation {
  rank: number;
  granted: boolean;
  last: boolean;
}

/**
 * A budget of attempts per key (an account's lockout). Each attempt is reserved atomically
 * *before* its answer is checked, so parallel attempts cannot all read "not locked yet":
 * of any burst, at most `maxFailures` are checked per window.
 */
export interface AttemptBudget {
  reserve(key: string): Promise<Reservation>;
  /** Gives a granted attempt back: its answer was right, only something else refused it. */
  refund(key: string): Promise<void>;
  /** A checked answer was wrong; the last attempt of the budget locks the key for the lock time. True when this locked it. */
  failed(key: string, reservation: Reservation): Promise<boolean>;
  /** Clears the key: a success, an unlock, a new password. */
  reset(key: string): Promise<void>;
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
    @Inject(REDIS) private readonly redis: RedisClient,
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
        insuranceLimiter: new RateLimiterMemory({
          keyPrefix: `${name}-insurance`,
          points,
          duration: durationSeconds,
        }),
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
  async consume(
    name: RateLimitName,
    key: string,
    onLimitReached?: () => Promise<void>,
  ): Promise<void> {
    const limit = RATE_LIMITS[name];
    const what = 'what' in limit ? limit.what : undefined;
    try {
      await this.named(name).consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      if (rejection.consumedPoints === limit.points + 1) {
        await this.named(name)
          .block(key, limit.blockSeconds)
          .catch(() => undefined);
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
      ...this.budget(limiter, maxFailures, lockMinutes),
      state: async (key: string): Promise<LimitState | null> => {
        const res = await limiter.get(key);
        return res ? { consumed: res.consumedPoints, msBeforeReset: res.msBeforeNext } : null;
      },
      countFailure: (key: string): Promise<FailureCount> =>
        this.countAndBlock(limiter, key, maxFailures, lockMinutes * 60),
    };
  }

  /** A budget of `maxFailures` attempts per key and `lockMinutes`, under the Redis keys of `name`. */
  attempts(name: string, maxFailures: number, lockMinutes: number): AttemptBudget {
    return this.budget(this.limiter(name, maxFailures, lockMinutes * 60), maxFailures, lockMinutes);
  }

  private budget(
    limiter: RateLimiterAbstract,
    maxFailures: number,
    lockMinutes: number,
  ): AttemptBudget {
    return {
      reserve: async (key) => {
        // One atomic increment (Lua): the rank is this attempt's, whatever runs in parallel.
        const { consumedPoints: rank } = await limiter.penalty(key, 1);
        return { rank, granted: rank <= maxFailures, last: rank === maxFailures };
      },
      refund: async (key) => {
        await limiter.reward(key, 1).catch(() => undefined);
      },
      failed: async (key, reservation) => {
        if (!reservation.last) return false;
        await limiter.block(key, lockMinutes * 60).catch(() => undefined);
        return true;
      },
      reset: async (key) => {
        await limiter.delete(key).catch(() => undefined);
      },
    };
  }

  private async countAndBlock(
    limiter: RateLimiterAbstract,
    key: string,
    points: number,
    blockSeconds: number,
  ): Promise<FailureCount> {
    const res = await limiter.penalty(key, 1);
    const reachedLimit = res.consumedPoints === points;
    if (reachedLimit) await limiter.block(key, blockSeconds).catch(() => undefined);
    return { consumed: res.consumedPoints, reachedLimit };
  }
}

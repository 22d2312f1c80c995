import { randomUUID } from 'node:crypto';
import type { RedisClient } from './redis.js';

/** Renews the lease only while this holder still has it (one key: any Cluster slot). */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * A lease in Redis that one process of many holds at a time: scheduled work (the outbox
 * reconciler) runs in the holder only, so it runs once across workers, however many there
 * are. The key is a single key (`SET NX PX`, renewed by a script on that key alone), so it
 * works on one server, behind Sentinel and on a Redis Cluster. A holder that dies stops
 * renewing and another takes the lease after `ttlMs`.
 */
export class Lease {
  /** This process's token: the value of the key while it holds the lease. */
  readonly holder = randomUUID();
  private held = false;

  constructor(
    private readonly redis: RedisClient,
    readonly key: string,
    private readonly ttlMs: number,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  /** Takes the lease when free, renews it when ours; false when another process holds it (or Redis is away). */
  async acquire(): Promise<boolean> {
    try {
      if (this.held) {
        const renewed = await this.redis.eval(RENEW, 1, this.key, this.holder, String(this.ttlMs));
        this.held = renewed === 1;
        if (this.held) return true;
      }
      const taken = await this.redis.set(this.key, this.holder, 'PX', this.ttlMs, 'NX');
      this.held = taken === 'OK';
    } catch {
      this.held = false;
    }
    return this.held;
  }

  /** Gives the lease back (on shutdown), so another process takes it at once. */
  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await this.redis.eval(RELEASE, 1, this.key, this.holder).catch(() => undefined);
  }
}

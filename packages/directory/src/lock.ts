import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

/** Another sync of the tenant is running (on any worker, API process or CLI). */
export class DirectorySyncBusy extends Error {
  constructor() {
    super('A directory sync of this tenant is already running: wait for it to finish.');
    this.name = 'DirectorySyncBusy';
  }
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * One sync at a time per tenant, whoever runs it: a Redis key set with NX and a TTL,
 * extended while the sync runs (a crashed holder frees it when the TTL lapses) and
 * released only by its holder's token.
 */
export class DirectoryLock {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
    private readonly ttlMs = 60_000,
  ) {}

  private key(tenantId: string) {
    return `${this.prefix}:directory-sync-lock:${tenantId}`;
  }

  /** Runs `work` holding the tenant's lock; throws DirectorySyncBusy when another holds it. */
  async hold<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    const key = this.key(tenantId);
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    if (ok !== 'OK') throw new DirectorySyncBusy();
    const timer = setInterval(
      () => {
        this.redis.eval(EXTEND, 1, key, token, String(this.ttlMs)).catch(() => undefined);
      },
      Math.floor(this.ttlMs / 3),
    );
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }
}

import { LRUCache } from 'lru-cache';

export interface BoundedCacheOptions<K, V> {
  /** Most entries kept: the least recently used one goes first. */
  max: number;
  /** Optional lifetime of an entry, in milliseconds: bounds staleness when an invalidation is missed. */
  ttlMs?: number;
  /** Called with an entry that leaves (evicted, replaced, deleted, cleared): close what it holds. */
  onEvict?: (value: V, key: K) => void;
}

/**
 * The one bounded cache of the tree (tenant hosts, OpenID providers, SMTP transports, compiled
 * templates…): least-recently-used over `lru-cache`, with an optional TTL, a hook for what an
 * entry holds, and hit/miss counts for the metrics. Nothing may grow without bound because a
 * caller chose the keys.
 */
export class BoundedCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<K, V>;
  hits = 0;
  misses = 0;

  constructor(readonly options: BoundedCacheOptions<K, V>) {
    if (!Number.isInteger(options.max) || options.max < 1)
      throw new RangeError('a bounded cache needs a positive integer max');
    const onEvict = options.onEvict;
    this.entries = new LRUCache<K, V>({
      max: options.max,
      ...(options.ttlMs ? { ttl: options.ttlMs } : {}),
      ...(onEvict ? { dispose: (value: V, key: K) => onEvict(value, key) } : {}),
    });
  }

  get maxSize(): number {
    return this.options.max;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) this.misses++;
    else this.hits++;
    return value;
  }

  /** `ttlMs` here: this entry's own lifetime (shorter than the cache's, say). */
  set(key: K, value: V, ttlMs?: number): void {
    this.entries.set(key, value, ttlMs ? { ttl: ttlMs } : undefined);
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Drops every entry (each through `onEvict`) and the counts. */
  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }
}

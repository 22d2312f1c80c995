import { LRUCache } from 'lru-cache';

export interface HostLookupCacheOptions {
  /** Most host names kept, known and unknown together: a flood of random names cannot grow memory past it. */
  max: number;
  /** Bounds staleness when an invalidation is missed. */
  ttlMs: number;
}

/**
 * Host name → value or `null` (no tenant there), in one bounded LRU with a TTL. Concurrent
 * lookups of one name share a load. A load started before `clear()` does not write its
 * result back: it may have read the data the clear was announcing as changed.
 */
export class HostLookupCache<T> {
  private readonly entries: LRUCache<string, { value: T | null }>;
  private readonly pending = new Map<string, Promise<T | null>>();
  /** Bumped by every clear(); a load remembers the generation it started in. */
  private generation = 0;

  constructor(
    private readonly load: (hostName: string) => Promise<T | null>,
    options: HostLookupCacheOptions,
  ) {
    this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  /** Host names cached (hits and misses). */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    // A request arriving now must not join a load from before the change.
    this.pending.clear();
  }

  get(hostName: string): Promise<T | null> {
    const hit = this.entries.get(hostName);
    if (hit) return Promise.resolve(hit.value);
    const inFlight = this.pending.get(hostName);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const load: Promise<T | null> = this.load(hostName)
      .then((value) => {
        if (generation === this.generation) this.entries.set(hostName, { value });
        return value;
      })
      .finally(() => {
        if (this.pending.get(hostName) === load) this.pending.delete(hostName);
      });
    this.pending.set(hostName, load);
    return load;
  }
}

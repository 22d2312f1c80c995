import { describe, expect, it } from '@jest/globals';
import { BoundedCache } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('keeps at most max entries, dropping the least recently used', () => {
    const cache = new BoundedCache<string, number>({ max: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 3, misses: 1 });
  });

  it('hands every leaving entry to onEvict: evicted, replaced, deleted, cleared', () => {
    const gone: string[] = [];
    const cache = new BoundedCache<string, string>({
      max: 1,
      onEvict: (value, key) => gone.push(`${key}=${value}`),
    });
    cache.set('a', 'first');
    cache.set('a', 'second');
    cache.set('b', 'third');
    cache.set('c', 'fourth');
    cache.delete('c');
    cache.set('d', 'fifth');
    cache.clear();
    expect(gone).toEqual(['a=first', 'a=second', 'b=third', 'c=fourth', 'd=fifth']);
    expect(cache.size).toBe(0);
  });

  it('forgets an entry older than its TTL', async () => {
    const cache = new BoundedCache<string, number>({ max: 10, ttlMs: 20 });
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses a cache without a bound', () => {
    expect(() => new BoundedCache({ max: 0 })).toThrow(RangeError);
    expect(() => new BoundedCache({ max: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

import { describe, expect, it } from '@jest/globals';
import { HostLookupCache } from './host-lookup-cache.js';

/** A loader whose answers the test releases one by one. */
function controlledLoader() {
  const calls: { hostName: string; resolve: (value: string | null) => void }[] = [];
  const load = (hostName: string) =>
    new Promise<string | null>((resolve) => calls.push({ hostName, resolve }));
  return { calls, load };
}

describe('host lookup cache', () => {
  it('does not write back a load that started before clear()', async () => {
    const loader = controlledLoader();
    const cache = new HostLookupCache(loader.load, { max: 10, ttlMs: 60_000 });
    const stale = cache.get('cegep.localhost');
    cache.clear(); // the tenant changed while the first load was reading it
    loader.calls[0]!.resolve('before the change');
    expect(await stale).toBe('before the change');
    expect(cache.size).toBe(0);

    const fresh = cache.get('cegep.localhost');
    expect(loader.calls).toHaveLength(2);
    loader.calls[1]!.resolve('after the change');
    expect(await fresh).toBe('after the change');
    expect(await cache.get('cegep.localhost')).toBe('after the change');
    expect(loader.calls).toHaveLength(2);
  });

  it('starts a new load for a request that arrives after clear(), even while the old one runs', async () => {
    const loader = controlledLoader();
    const cache = new HostLookupCache(loader.load, { max: 10, ttlMs: 60_000 });
    const old = cache.get('cegep.localhost');
    cache.clear();
    const fresh = cache.get('cegep.localhost');
    expect(loader.calls).toHaveLength(2);
    loader.calls[1]!.resolve('new');
    loader.calls[0]!.resolve('old');
    expect(await fresh).toBe('new');
    expect(await old).toBe('old');
    expect(await cache.get('cegep.localhost')).toBe('new');
    expect(loader.calls).toHaveLength(2);
  });

  it('shares one load between concurrent lookups and caches misses', async () => {
    const loader = controlledLoader();
    const cache = new HostLookupCache(loader.load, { max: 10, ttlMs: 60_000 });
    const both = Promise.all([cache.get('nobody.localhost'), cache.get('nobody.localhost')]);
    expect(loader.calls).toHaveLength(1);
    loader.calls[0]!.resolve(null);
    expect(await both).toEqual([null, null]);
    expect(await cache.get('nobody.localhost')).toBeNull();
    expect(loader.calls).toHaveLength(1);
  });

  it('keeps at most max host names, dropping the least recently used', async () => {
    const cache = new HostLookupCache(
      async (hostName) => (hostName === 'known' ? 'tenant' : null),
      { max: 100, ttlMs: 60_000 },
    );
    await cache.get('known');
    for (let i = 0; i < 1000; i++) {
      await cache.get(`random-${i}.localhost`);
      if (i % 50 === 0) await cache.get('known');
    }
    expect(cache.size).toBe(100);
  });
});

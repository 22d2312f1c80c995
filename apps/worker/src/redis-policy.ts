import { Redis } from 'ioredis';

/**
 * BullMQ loses jobs if Redis evicts keys under memory pressure. Returns an error message
 * when the server's policy is not `noeviction`, null when it is.
 */
export async function checkEvictionPolicy(url: string): Promise<string | null> {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    lazyConnect: true,
  });
  try {
    await redis.connect();
    const info = await redis.info('memory');
    const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
    if (policy && policy !== 'noeviction') {
      return `Redis at ${new URL(url).host} uses maxmemory-policy "${policy}": queued emails could be evicted and lost. Set "maxmemory-policy noeviction" (redis.conf or CONFIG SET maxmemory-policy noeviction) and start the worker again.`;
    }
    return null;
  } finally {
    redis.disconnect();
  }
}

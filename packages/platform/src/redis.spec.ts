import { describe, expect, it } from '@jest/globals';
import { ConfigError, parseEnv } from '@guichet/types';
import { describeRedis, redisTopology } from './redis.js';

const topology = (env: Record<string, string>) => redisTopology(parseEnv(env));

describe('Redis topology from the environment', () => {
  it('is one server by default (REDIS_URL)', () => {
    expect(topology({})).toEqual({ kind: 'single', url: 'redis://127.0.0.1:6379' });
  });

  it('is a cluster with REDIS_CLUSTER_NODES, whatever REDIS_URL says, with password and TLS', () => {
    const t = topology({
      REDIS_URL: 'redis://elsewhere:6379',
      REDIS_CLUSTER_NODES: 'redis-0:6379, 10.0.0.2:7000,[fd00::1]:6379',
      REDIS_PASSWORD: 's3cret',
      REDIS_TLS: 'true',
    });
    expect(t).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'redis-0', port: 6379 },
        { host: '10.0.0.2', port: 7000 },
        { host: 'fd00::1', port: 6379 },
      ],
      password: 's3cret',
      tls: true,
    });
    expect(describeRedis(t)).not.toContain('s3cret');
  });

  it('is Sentinel with REDIS_SENTINELS and REDIS_SENTINEL_NAME', () => {
    expect(
      topology({
        REDIS_SENTINELS: 's1:26379,s2:26379',
        REDIS_SENTINEL_NAME: 'mymaster',
        REDIS_SENTINEL_PASSWORD: 'x',
      }),
    ).toMatchObject({ kind: 'sentinel', name: 'mymaster', sentinelPassword: 'x', tls: false });
  });

  it('refuses what cannot be meant', () => {
    expect(() => topology({ REDIS_SENTINELS: 's1:26379' })).toThrow(/REDIS_SENTINEL_NAME/);
    expect(() => topology({ REDIS_SENTINELS: 's1:26379', REDIS_CLUSTER_NODES: 'n1:6379' })).toThrow(
      ConfigError,
    );
    expect(() => topology({ REDIS_CLUSTER_NODES: 'redis-0' })).toThrow(
      /REDIS_CLUSTER_NODES.*host:port/,
    );
  });
});

import { ConfigError, type Env } from '@guichet/types';
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';

export interface HostPort {
  host: string;
  port: number;
}

/** Where Redis is: one server, a Redis Cluster, or a master found through Sentinel. */
export type RedisTopology =
  | { kind: 'single'; url: string }
  | {
      kind: 'cluster';
      nodes: HostPort[];
      username?: string;
      password?: string;
      tls: boolean;
    }
  | {
      kind: 'sentinel';
      sentinels: HostPort[];
      name: string;
      username?: string;
      password?: string;
      sentinelPassword?: string;
      tls: boolean;
    };

/** A client of any topology: BullMQ, rate-limiter-flexible and pub/sub take either. */
export type RedisClient = Redis | Cluster;

function hostPorts(value: string): HostPort[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.lastIndexOf(':');
      return {
        host: entry.slice(0, at).replace(/^\[|\]$/g, ''),
        port: Number(entry.slice(at + 1)),
      };
    });
}

type RedisEnv = Pick<
  Env,
  | 'REDIS_URL'
  | 'REDIS_CLUSTER_NODES'
  | 'REDIS_SENTINELS'
  | 'REDIS_SENTINEL_NAME'
  | 'REDIS_SENTINEL_PASSWORD'
  | 'REDIS_USERNAME'
  | 'REDIS_PASSWORD'
  | 'REDIS_TLS'
>;

/** REDIS_CLUSTER_NODES, else REDIS_SENTINELS + REDIS_SENTINEL_NAME, else REDIS_URL. */
export function redisTopology(env: RedisEnv): RedisTopology {
  const credentials = {
    ...(env.REDIS_USERNAME ? { username: env.REDIS_USERNAME } : {}),
    ...(env.REDIS_PASSWORD ? { password: env.REDIS_PASSWORD } : {}),
  };
  if (env.REDIS_CLUSTER_NODES && env.REDIS_SENTINELS)
    throw new ConfigError([
      'REDIS_CLUSTER_NODES and REDIS_SENTINELS are both set: a Redis deployment is a cluster or watched by sentinels, set one of them',
    ]);
  if (env.REDIS_CLUSTER_NODES)
    return {
      kind: 'cluster',
      nodes: hostPorts(env.REDIS_CLUSTER_NODES),
      ...credentials,
      tls: env.REDIS_TLS,
    };
  if (env.REDIS_SENTINELS) {
    if (!env.REDIS_SENTINEL_NAME)
      throw new ConfigError([
        'REDIS_SENTINEL_NAME="": the name of the master the sentinels watch (sentinel monitor NAME …) is required with REDIS_SENTINELS',
      ]);
    return {
      kind: 'sentinel',
      sentinels: hostPorts(env.REDIS_SENTINELS),
      name: env.REDIS_SENTINEL_NAME,
      ...credentials,
      ...(env.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: env.REDIS_SENTINEL_PASSWORD } : {}),
      tls: env.REDIS_TLS,
    };
  }
  return { kind: 'single', url: env.REDIS_URL };
}

/** Where Redis is, for a log line or an error message (never a password). */
export function describeRedis(topology: RedisTopology): string {
  const list = (nodes: HostPort[]) => nodes.map((n) => `${n.host}:${n.port}`).join(',');
  switch (topology.kind) {
    case 'single':
      return new URL(topology.url).host;
    case 'cluster':
      return `cluster ${list(topology.nodes)}`;
    case 'sentinel':
      return `master "${topology.name}" of sentinels ${list(topology.sentinels)}`;
  }
}

export interface RedisClientOptions {
  connectionName: string;
  /** null for BullMQ workers and subscribers (they wait for Redis); a number fails fast. */
  maxRetriesPerRequest: number | null;
  commandTimeout?: number;
  connectTimeout?: number;
  enableOfflineQueue?: boolean;
  enableAutoPipelining?: boolean;
  lazyConnect?: boolean;
}

/**
 * The one place that builds Redis clients: a `Redis` for one server or a Sentinel-watched
 * master (it asks the sentinels where the master is, and again after a failover), a
 * `Cluster` for a Redis Cluster (it follows MOVED/ASK and refreshes the slot map). Every
 * use — BullMQ queues and workers, rate limits, tenant-change notifications, locks —
 * comes through here, so they all follow REDIS_CLUSTER_NODES / REDIS_SENTINELS.
 */
export function createRedisClient(
  topology: RedisTopology,
  options: RedisClientOptions,
): RedisClient {
  const { enableOfflineQueue, enableAutoPipelining, lazyConnect, ...perConnection } = options;
  const common: RedisOptions = {
    ...perConnection,
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    ...(enableAutoPipelining === undefined ? {} : { enableAutoPipelining }),
    ...(lazyConnect === undefined ? {} : { lazyConnect }),
  };
  switch (topology.kind) {
    case 'single':
      return new Redis(topology.url, common);
    case 'sentinel':
      return new Redis({
        ...common,
        sentinels: topology.sentinels,
        name: topology.name,
        ...(topology.username ? { username: topology.username } : {}),
        ...(topology.password ? { password: topology.password } : {}),
        ...(topology.sentinelPassword ? { sentinelPassword: topology.sentinelPassword } : {}),
        ...(topology.tls ? { tls: {}, enableTLSForSentinelMode: true } : {}),
      });
    case 'cluster': {
      const clusterOptions: ClusterOptions = {
        redisOptions: {
          ...perConnection,
          ...(topology.username ? { username: topology.username } : {}),
          ...(topology.password ? { password: topology.password } : {}),
          ...(topology.tls ? { tls: {} } : {}),
        },
        ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
        ...(enableAutoPipelining === undefined ? {} : { enableAutoPipelining }),
        ...(lazyConnect === undefined ? {} : { lazyConnect }),
        // A node named by IP in the seed list answers with the addresses the cluster knows.
        slotsRefreshTimeout: 2000,
      };
      return new Cluster(topology.nodes, clusterOptions);
    }
  }
}

/** The servers that hold data: every master of a cluster; the one server otherwise. */
export function redisMasters(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}

/** PING every master (a cluster is ready only when all its slots are served). */
export async function pingRedis(client: RedisClient): Promise<string> {
  if (client instanceof Cluster) {
    const info = await client.cluster('INFO');
    const state = /^cluster_state:(\w+)/m.exec(String(info))?.[1];
    if (state !== 'ok') throw new Error(`cluster_state:${state ?? 'unknown'}`);
    const masters = redisMasters(client);
    if (!masters.length) throw new Error('no cluster master known');
    await Promise.all(masters.map((node) => node.ping()));
    return 'PONG';
  }
  return client.ping();
}

/**
 * BullMQ loses jobs if Redis evicts keys under memory pressure. Returns an error message
 * when a server that holds data (each master of a cluster, the master of the sentinels)
 * has a policy other than `noeviction`, null when all keep their keys.
 */
export async function checkEvictionPolicy(topology: RedisTopology): Promise<string | null> {
  const client = createRedisClient(topology, {
    connectionName: 'guichet-policy-check',
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    lazyConnect: true,
  });
  try {
    await client.connect();
    if (client instanceof Cluster) await pingRedis(client);
    for (const node of redisMasters(client)) {
      const info = await node.info('memory');
      const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
      if (policy && policy !== 'noeviction') {
        const where = `${node.options.host ?? '?'}:${node.options.port ?? '?'}`;
        return `Redis at ${where} (${describeRedis(topology)}) uses maxmemory-policy "${policy}": queued emails could be evicted and lost. Set "maxmemory-policy noeviction" (redis.conf or CONFIG SET maxmemory-policy noeviction) on every master and start the worker again.`;
      }
    }
    return null;
  } finally {
    client.disconnect();
  }
}

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's server; REDIS_SERVER_PATH elsewhere. */
export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server';
export const REDIS_CLI = process.env.REDIS_CLI_PATH ?? '/usr/bin/redis-cli';

export interface RedisTopologyUnderTest {
  /** The environment the API and worker get (REDIS_CLUSTER_NODES or REDIS_SENTINELS…). */
  env: Record<string, string>;
  /** Ports of the servers that hold data (the masters; then the replica, for Sentinel). */
  dataPorts: number[];
  /** `redis-cli -p port …`: its output, trimmed. */
  cli(port: number, ...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` consecutive free ports from a random base (and their cluster-bus ports, +10000). */
async function freeRange(count: number): Promise<number> {
  for (let tries = 0; tries < 50; tries += 1) {
    const base = 20_000 + Math.floor(Math.random() * 25_000);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    const all = await Promise.all(ports.flatMap((p) => [portFree(p), portFree(p + 10_000)]));
    if (all.every(Boolean)) return base;
  }
  throw new Error('no free range of ports for Redis');
}

async function cli(port: number, ...args: string[]): Promise<string> {
  const { stdout } = await run(REDIS_CLI, ['-h', '127.0.0.1', '-p', String(port), ...args], {
    timeout: 10_000,
  });
  return stdout.trim();
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline)
      throw new Error(`Redis test topology: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startServer(dir: string, name: string, conf: string[], sentinel = false): ChildProcess {
  const file = join(dir, `${name}.conf`);
  writeFileSync(file, `${conf.join('\n')}\n`);
  const child = spawn(REDIS_SERVER, sentinel ? [file, '--sentinel'] : [file], {
    cwd: dir,
    stdio: 'ignore',
  });
  child.on('error', () => undefined);
  return child;
}

const baseConf = (dir: string, port: number, name: string) => [
  `port ${port}`,
  'bind 127.0.0.1',
  'protected-mode no',
  'save ""',
  'appendonly no',
  `dir ${dir}`,
  `dbfilename ${name}.rdb`,
  'maxmemory-policy noeviction',
  'enable-debug-command local',
];

async function stopAll(children: ChildProcess[], dir: string): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A real Redis Cluster of `masters` masters and no replica, on ports of its own, in a
 * temporary directory, created with `redis-cli --cluster create`; `stop()` kills it and
 * removes the directory.
 */
export async function startRedisCluster(masters = 3): Promise<RedisTopologyUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-redis-cluster-'));
  const base = await freeRange(masters);
  const ports = Array.from({ length: masters }, (_, i) => base + i);
  const children = ports.map((port) =>
    startServer(dir, `node-${port}`, [
      ...baseConf(dir, port, `node-${port}`),
      'cluster-enabled yes',
      `cluster-config-file nodes-${port}.conf`,
      'cluster-node-timeout 2000',
    ]),
  );
  try {
    for (const port of ports)
      await waitFor(`node ${port}`, async () => (await cli(port, 'ping')) === 'PONG');
    await run(
      REDIS_CLI,
      [
        '--cluster',
        'create',
        ...ports.map((p) => `127.0.0.1:${p}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { timeout: 30_000 },
    );
    for (const port of ports)
      await waitFor(`cluster_state:ok on ${port}`, async () =>
        (await cli(port, 'cluster', 'info')).includes('cluster_state:ok'),
      );
  } catch (error) {
    await stopAll(children, dir);
    throw error;
  }
  return {
    env: { REDIS_CLUSTER_NODES: ports.map((p) => `127.0.0.1:${p}`).join(',') },
    dataPorts: ports,
    cli,
    stop: () => stopAll(children, dir),
  };
}

/**
 * A master, a replica of it and three sentinels watching it (quorum 2), on ports of their
 * own in a temporary directory: a small but real Sentinel deployment.
 */
export async function startRedisSentinel(name = 'guichet'): Promise<RedisTopologyUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-redis-sentinel-'));
  const base = await freeRange(5);
  const [master, replica, ...sentinels] = Array.from({ length: 5 }, (_, i) => base + i) as [
    number,
    number,
    ...number[],
  ];
  const children = [
    startServer(dir, 'master', baseConf(dir, master, 'master')),
    startServer(dir, 'replica', [
      ...baseConf(dir, replica, 'replica'),
      `replicaof 127.0.0.1 ${master}`,
    ]),
  ];
  try {
    for (const port of [master, replica])
      await waitFor(`server ${port}`, async () => (await cli(port, 'ping')) === 'PONG');
    for (const port of sentinels)
      children.push(
        startServer(
          dir,
          `sentinel-${port}`,
          [
            `port ${port}`,
            'bind 127.0.0.1',
            'protected-mode no',
            `dir ${dir}`,
            `sentinel monitor ${name} 127.0.0.1 ${master} 2`,
            `sentinel down-after-milliseconds ${name} 3000`,
            `sentinel failover-timeout ${name} 10000`,
          ],
          true,
        ),
      );
    for (const port of sentinels)
      await waitFor(`sentinel ${port}`, async () =>
        (await cli(port, 'sentinel', 'get-master-addr-by-name', name)).includes(String(master)),
      );
    await waitFor('the replica in sync', async () =>
      (await cli(master, 'info', 'replication')).includes('connected_slaves:1'),
    );
  } catch (error) {
    await stopAll(children, dir);
    throw error;
  }
  return {
    env: {
      REDIS_SENTINELS: sentinels.map((p) => `127.0.0.1:${p}`).join(','),
      REDIS_SENTINEL_NAME: name,
    },
    dataPorts: [master, replica],
    cli,
    stop: () => stopAll(children, dir),
  };
}

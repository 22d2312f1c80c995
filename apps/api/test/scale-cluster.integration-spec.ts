import { expect, it } from '@jest/globals';
import { startRedisCluster } from '@guichet/testing';
import { until } from './support/scale-out.js';
import { describeScaleOut } from './support/scale-out-suite.js';

// A real 3-master Redis Cluster (Debian's redis-server, cluster mode, ports and directory of
// its own): BullMQ on a hash-tagged prefix, rate limits, tenant-change pub/sub and the
// reconciler's lease all on it, with 2 APIs and 2 workers.
describeScaleOut(
  'scale-out on a 3-master Redis Cluster',
  () => startRedisCluster(3),
  (get) => {
    it('a worker refuses to start when one master of the cluster may evict keys', async () => {
      const { topology, fleet } = get();
      const port = topology.dataPorts[2]!;
      await topology.cli(port, 'config', 'set', 'maxmemory-policy', 'allkeys-lru');
      try {
        await expect(fleet.startWorker()).rejects.toThrow(
          new RegExp(`127\\.0\\.0\\.1:${port}.*maxmemory-policy "allkeys-lru"`),
        );
      } finally {
        await topology.cli(port, 'config', 'set', 'maxmemory-policy', 'noeviction');
      }
    });

    it('readiness is 503 while one master of the cluster does not answer, 200 again after', async () => {
      const { topology, fleet } = get();
      const api = fleet.apis[0]!;
      const ready = () => fleet.request(api, 'any.localhost', { path: '/health/ready' });
      expect((await ready()).status).toBe(200);
      // The node stops answering for 5 s (the cluster does not fail it over: no replica).
      const asleep = topology.cli(topology.dataPorts[1]!, 'debug', 'sleep', '5');
      await until('readiness 503', async () => (await ready()).status === 503, 10_000);
      await asleep;
      await until('readiness 200 again', async () => (await ready()).status === 200, 15_000);
    }, 40_000);
  },
);

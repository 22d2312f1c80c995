import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RedisTopologyUnderTest } from '@guichet/testing';
import { adminClient } from './admin.js';
import {
  type Fleet,
  forgotPassword,
  inParallel,
  insertAccounts,
  perRecipient,
  startFleet,
  until,
} from './scale-out.js';
import { ADMIN, ADMIN_HOST, CEGEP, type TestContext } from './test-app.js';

const LEASE = 'scheduled_lease_held';
const TASK = 'task="outbox-reconciler"';
const WORKER_CONCURRENCY = 5;

/**
 * 2 APIs + 2 workers on one database and one Redis topology (started by `start`): the work
 * is shared, nothing is done twice, nothing is lost when a worker dies, and what one API
 * changes or counts the other sees.
 */
export function describeScaleOut(
  title: string,
  start: () => Promise<RedisTopologyUnderTest>,
  more?: (get: () => { topology: RedisTopologyUnderTest; fleet: Fleet }) => void,
): void {
  describe(title, () => {
    let topology: RedisTopologyUnderTest;
    let fleet: Fleet;
    const emailsTo = (username: string) => `${username}@example.ca`;

    beforeAll(async () => {
      topology = await start();
      fleet = await startFleet(topology, { WORKER_CONCURRENCY: String(WORKER_CONCURRENCY) });
      await Promise.all([fleet.startApi(), fleet.startApi()]);
      await Promise.all([fleet.startWorker(), fleet.startWorker()]);
    }, 120_000);
    afterAll(async () => {
      await fleet?.close();
      await topology?.stop();
    });

    it('every process is ready on the topology (REDIS_URL points nowhere)', async () => {
      for (const proc of [...fleet.apis, ...fleet.workers]) {
        const res = await fleet.request(proc, 'any.localhost', { path: '/health/ready' });
        expect(res.status).toBe(200);
      }
    });

    it('scheduled work: the outbox reconciler runs in one worker of the two', async () => {
      const [a, b] = fleet.workers as [Fleet['workers'][0], Fleet['workers'][0]];
      await until('a reconciler leader', async () => {
        const held = (await fleet.metric(a, LEASE, TASK)) + (await fleet.metric(b, LEASE, TASK));
        return held === 1;
      });
      const leader = (await fleet.metric(a, LEASE, TASK)) === 1 ? a : b;
      const other = leader === a ? b : a;
      const runs = await fleet.metric(leader, 'scheduled_runs_total', TASK);
      await until(
        'three more rounds of the leader',
        async () => (await fleet.metric(leader, 'scheduled_runs_total', TASK)) >= runs + 3,
      );
      expect(await fleet.metric(other, 'scheduled_runs_total', TASK)).toBe(0);
      expect(await fleet.metric(other, LEASE, TASK)).toBe(0);
    });

    it('1,000 forgot-password requests spread over both APIs: every accepted email is sent once', async () => {
      const usernames = await insertAccounts(fleet.dataSource, 1, 1000);
      const statuses = await inParallel(
        usernames.map(
          (username, i) => () =>
            forgotPassword(
              fleet,
              fleet.apis[i % 2]!,
              username,
              `10.1.${Math.floor(i / 250)}.${i % 250}`,
            ).then((res) => ({ username, status: res.status })),
        ),
        40,
      );
      const accepted = statuses.filter((s) => s.status === 202);
      expect(statuses.filter((s) => s.status !== 202)).toEqual([]);
      await until(
        'every accepted email sent',
        async () => {
          const [{ n }] = await fleet.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM email_deliveries WHERE status = 'sent'`,
          );
          return n >= accepted.length && fleet.sink.messages.length >= accepted.length;
        },
        90_000,
      );
      const counts = perRecipient(fleet.sink);
      expect(accepted.filter((s) => counts.get(emailsTo(s.username)) !== 1)).toEqual([]);
      expect(fleet.sink.messages).toHaveLength(accepted.length);
      // Both workers took part.
      for (const worker of fleet.workers)
        expect(
          await fleet.metric(worker, 'email_jobs_total', 'outcome="completed"'),
        ).toBeGreaterThan(0);
    }, 150_000);

    it('a worker SIGKILLed mid-batch: the other finishes its jobs and takes over the reconciler', async () => {
      const before = fleet.sink.messages.length;
      const usernames = await insertAccounts(fleet.dataSource, 2001, 150);
      fleet.sink.setDelay(100);
      try {
        const [a, b] = fleet.workers as [Fleet['workers'][0], Fleet['workers'][0]];
        const victim = (await fleet.metric(a, LEASE, TASK)) === 1 ? a : b;
        const survivor = victim === a ? b : a;
        const completedBefore = await fleet.metric(
          victim,
          'email_jobs_total',
          'outcome="completed"',
        );
        const statuses = await inParallel(
          usernames.map(
            (username, i) => () =>
              forgotPassword(fleet, fleet.apis[i % 2]!, username, `10.2.0.${i}`).then(
                (r) => r.status,
              ),
          ),
          20,
        );
        expect(statuses.every((s) => s === 202)).toBe(true);
        await until(
          'the victim in the middle of the batch',
          async () =>
            (await fleet.metric(victim, 'email_jobs_total', 'outcome="completed"')) >=
            completedBefore + 10,
        );
        await victim.stop('SIGKILL');
        await until(
          'every email of the batch sent',
          async () => {
            const [{ n }] = await fleet.dataSource.query<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM email_deliveries WHERE status <> 'sent'`,
            );
            return n === 0;
          },
          60_000,
        );
        const counts = perRecipient(fleet.sink);
        expect(usernames.filter((u) => !counts.get(emailsTo(u)))).toEqual([]);
        // At least once: only the jobs in flight in the killed worker may have gone twice.
        const extra = fleet.sink.messages.length - before - usernames.length;
        expect(extra).toBeLessThanOrEqual(WORKER_CONCURRENCY);
        await until(
          'the survivor holding the lease',
          async () => (await fleet.metric(survivor, LEASE, TASK)) === 1,
        );
      } finally {
        fleet.sink.setDelay(0);
      }
    }, 120_000);

    it('a tenant change made on one API is served by the other within a second', async () => {
      const [a, b] = fleet.apis as [Fleet['apis'][0], Fleet['apis'][0]];
      const nameOn = async () =>
        (await fleet.request(b, CEGEP, { path: '/api/v1/tenant' })).json<{ name: string }>().name;
      expect(await nameOn()).toBe('Cégep de Sept-Îles'); // now in B's cache (60 s)
      const login = await fleet.request(a, ADMIN_HOST, {
        method: 'POST',
        path: '/api/v1/admin/auth/login',
        body: ADMIN,
      });
      expect(login.status).toBe(200);
      const ctxOfA = {
        request: (host: string, req: Parameters<Fleet['request']>[2]) =>
          fleet.request(a, host, req),
      } as unknown as TestContext;
      const admin = adminClient(ctxOfA, login.json<{ accessToken: string }>().accessToken);
      const [{ id }] = await fleet.dataSource.query<{ id: string }[]>(
        `SELECT id FROM tenants WHERE slug = 'cegepdeseptiles'`,
      );
      const changedAt = Date.now();
      const res = await admin.request('PATCH', `/tenants/${id}`, {
        name: 'Cégep de Sept-Îles (B)',
      });
      expect(res.status).toBe(200);
      await until(
        'B serving the new name',
        async () => (await nameOn()) === 'Cégep de Sept-Îles (B)',
        5000,
      );
      expect(Date.now() - changedAt).toBeLessThan(1000);
    });

    it('a per-address limit is shared by both APIs', async () => {
      const ip = '10.3.0.1';
      const statuses: number[] = [];
      // 50 forgot-password requests from one address per 10 minutes (recovery-ip), wherever they land.
      for (let i = 0; i < 50; i += 1)
        statuses.push((await forgotPassword(fleet, fleet.apis[i % 2]!, `nobody${i}`, ip)).status);
      expect(statuses.every((s) => s === 202)).toBe(true);
      for (const api of fleet.apis)
        expect((await forgotPassword(fleet, api, 'nobody-more', ip)).status).toBe(429);
      // Another address is not concerned.
      expect((await forgotPassword(fleet, fleet.apis[1]!, 'nobody', '10.3.0.2')).status).toBe(202);
    });

    more?.(() => ({ topology, fleet }));
  });
}

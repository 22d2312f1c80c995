import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser } from './factories/users.js';
import { median } from './support/http.js';
import { outboxRows, waitFor } from './support/outbox.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { CEGEP, createTestContext, type TestContext } from './support/test-app.js';

const ACCEPTED = JSON.stringify({
  status: 'accepted',
  message: 'If an account matches, an email is on its way to the address on file for it.',
});
const INVALID = JSON.stringify({
  error: 'invalid_credentials',
  message: 'Incorrect username or password.',
});

describe('no enumeration while Redis or SMTP is down', () => {
  let ctx: TestContext;
  let proxy: TcpProxy;
  beforeAll(async () => {
    const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    // The API reaches Redis through a proxy the test can cut; SMTP points at a closed port.
    ctx = await createTestContext({
      REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
      SMTP_URL: 'smtp://127.0.0.1:1',
    });
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await ctx.close();
    await proxy.close();
  });

  it('forgot, enrol and sign-in answer as usual, in the same time, with the work saved in the outbox', async () => {
    const users = await Promise.all(
      Array.from({ length: 8 }, () => createUser(ctx, 'cegepdeseptiles')),
    );
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 200));

    const times: Record<string, number[]> = { known: [], unknown: [] };
    for (const [i, user] of users.entries()) {
      for (const path of ['/api/v1/password/forgot', '/api/v1/enrollment']) {
        for (const [kind, username] of [
          ['known', user.username],
          ['unknown', `ghost-${i}`],
        ] as const) {
          const started = performance.now();
          const res = await ctx.request(CEGEP, { method: 'POST', path, body: { username } });
          times[kind]!.push(performance.now() - started);
          expect(res.status).toBe(202);
          expect(res.body).toBe(ACCEPTED);
        }
      }
    }
    expect(Math.abs(median(times.known!) - median(times.unknown!))).toBeLessThan(
      Math.max(25, 0.5 * Math.min(median(times.known!), median(times.unknown!))),
    );
    expect(median(times.known!)).toBeLessThan(250);

    // The emails are in the outbox, left queued for the worker's reconciler.
    for (const user of users) {
      const rows = await waitFor(
        () => outboxRows(ctx, { userId: user.id }),
        (r) => r.length === 2,
        8000,
      );
      expect(rows.map((r) => r.kind).sort()).toEqual(['already-enrolled', 'password-reset']);
      expect(rows.every((r) => r.status === 'queued')).toBe(true);
    }

    const [user] = users;
    for (const body of [
      { username: user!.username, password: 'wrong-password-1' },
      { username: 'ghost-account', password: 'wrong-password-1' },
    ]) {
      const res = await ctx.request(CEGEP, { method: 'POST', path: '/api/v1/auth/login', body });
      expect(res.status).toBe(401);
      expect(res.body).toBe(INVALID);
    }
    expect(
      (
        await ctx.request(CEGEP, {
          method: 'POST',
          path: '/api/v1/auth/login',
          body: { username: user!.username, password: user!.password },
        })
      ).status,
    ).toBe(200);
    await proxy.restore();
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { httpRequest, type RunningProcess } from '@guichet/testing';
import type { PublicTenant } from '@guichet/types';
import { waitFor } from './support/outbox.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import { CEGEP, createTestContext, MONTEREGIE, type TestContext } from './support/test-app.js';

/** Text that would tell an outsider what runs behind the API, or where. */
const INTERNAL_DETAIL = /postgres|redis|ECONN|connect|terminat|127\.0\.0\.1|timeout|stack/i;

describe('PostgreSQL connections dropped', () => {
  let ctx: TestContext;
  let proxy: TcpProxy;
  let api: RunningProcess;
  beforeAll(async () => {
    ctx = await createTestContext();
    // A second API that reaches PostgreSQL through a proxy the test can cut: every
    // connection of its pool dies at once, and new ones are refused until restore().
    const url = new URL(ctx.db.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    api = await ctx.startApi({ DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await ctx.close();
    await proxy.close();
  });

  const ready = () => httpRequest(api.port, { path: '/health/ready' });

  it('reports not ready without internal detail, then recovers without a restart once the database is back', async () => {
    expect((await ctx.request(CEGEP, { path: '/api/v1/tenant' }, api)).status).toBe(200);

    await proxy.cut();
    // An admin change while the database is away: the cached tenants are dropped, so the
    // next tenant request needs PostgreSQL.
    await ctx.publishTenantChange('any');
    const down = await waitFor(ready, (r) => r.status === 503, 10_000);
    expect(down.status).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable' });
    expect(down.body).not.toMatch(INTERNAL_DETAIL);
    const detail = await ctx.management({ path: '/health/ready' }, api);
    expect(detail.json()).toMatchObject({
      status: 'unavailable',
      checks: { postgres: 'down', redis: 'up' },
    });

    // A tenant request meanwhile: a clear 503, not a 500 carrying the driver's message.
    const during = await ctx.request(MONTEREGIE, { path: '/api/v1/tenant' }, api);
    expect(during.status).toBe(503);
    expect(during.json()).toEqual({ error: 'unavailable', message: expect.any(String) });
    expect(during.body).not.toMatch(INTERNAL_DETAIL);

    await proxy.restore();
    const up = await waitFor(ready, (r) => r.status === 200, 20_000);
    expect(up.json()).toEqual({ status: 'ok' });
    const tenant = await ctx.request(CEGEP, { path: '/api/v1/tenant' }, api);
    expect(tenant.status).toBe(200);
    expect(tenant.json<PublicTenant>().slug).toBe('cegepdeseptiles');
    expect(
      (await ctx.request(MONTEREGIE, { path: '/api/v1/tenant' }, api)).json<PublicTenant>().slug,
    ).toBe('monteregie');
    expect(api.child.exitCode).toBeNull();
  }, 60_000);

  it.each([
    'bad_host.localhost:3000',
    `${'a'.repeat(64)}.localhost`,
    `${'abcdefghi.'.repeat(30)}localhost`,
    'x'.repeat(5000),
    'cegepdeseptiles..localhost',
    '-cegepdeseptiles.localhost',
    'cegepdeseptiles.localhost:3000:1',
    'cegep deseptiles.localhost',
    '[::1]:3000',
    '192.168.0.1',
  ])(
    'answers an invalid Host (%s) with the unknown-host 404 without asking the database',
    async (host) => {
      await proxy.cut(); // were the database asked, the answer would be a 503
      try {
        const res = await ctx.request(host, { path: '/api/v1/tenant' }, api);
        expect(res.status).toBe(404);
        expect(res.json()).toEqual({
          error: 'unknown_host',
          message: 'No portal answers on this host name.',
        });
      } finally {
        await proxy.restore();
      }
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUser, tenantId } from './factories/users.js';
import { median } from './support/http.js';
import { auditEvents } from './support/outbox.js';
import { CEGEP, createTestContext, MONTEREGIE, type TestContext } from './support/test-app.js';

const INVALID = JSON.stringify({
  error: 'invalid_credentials',
  message: 'Incorrect username or password.',
});

describe('brute force: lockout, per-address limits, timing', () => {
  let ctx: TestContext;
  // The API believes X-Forwarded-For from the test (a trusted proxy), so each test has its own client address.
  beforeAll(async () => {
    ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(() => ctx.close());

  const login = (body: unknown, ip: string, host = CEGEP) =>
    ctx.request(host, {
      method: 'POST',
      path: '/api/v1/auth/login',
      body,
      headers: { 'x-forwarded-for': ip },
    });
  const failedLogins = async (userId: string) =>
    (
      await ctx.dataSource.query<{ n: number; locked: Date | null }[]>(
        `SELECT failed_logins AS n, locked_until AS locked FROM users WHERE id = $1`,
        [userId],
      )
    )[0]!;

  it("locks an account after the tenant's number of failures, with the same 401, and unlocks it after a reset of the counter", async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    for (let i = 0; i < 5; i += 1) {
      const res = await login(
        { username: user.username, password: `wrong-${i}-password` },
        '198.51.100.10',
      );
      expect(res.status).toBe(401);
      expect(res.body).toBe(INVALID);
    }
    const state = await failedLogins(user.id);
    expect(state.n).toBe(5);
    expect(state.locked!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The right password now gets the same generic 401, from any address.
    const refused = await login(
      { username: user.username, password: user.password },
      '198.51.100.11',
    );
    expect(refused.status).toBe(401);
    expect(refused.body).toBe(INVALID);
    const locked = await auditEvents(ctx, user.tenantId, 'auth.account.locked');
    expect(locked.filter((e) => e.targetId === user.id)).toHaveLength(1);
    expect(locked.find((e) => e.targetId === user.id)!.after).toMatchObject({
      failures: 5,
      lockMinutes: 15,
    });
    expect(
      (await auditEvents(ctx, user.tenantId, 'auth.login.failed'))
        .filter((e) => e.targetId === user.id)
        .map((e) => e.after?.reason),
    ).toEqual([...Array(5).fill('wrong_password'), 'account_locked']);

    // When the lock ends (here: the counters are cleared as time would), the account signs in again.
    await ctx.dataSource.query(
      `UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [user.id],
    );
    await ctx.redis.del(`${ctx.prefix}:rl:login-account:${user.tenantId}:${user.username}`);
    expect(
      (await login({ username: user.username, password: user.password }, '198.51.100.11')).status,
    ).toBe(200);
    expect((await failedLogins(user.id)).n).toBe(0);
  });

  it('counts 50 parallel wrong passwords exactly, and locks once', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        login({ username: user.username, password: `parallel-wrong-${i}` }, '198.51.100.20'),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(401));
    expect(new Set(replies.map((r) => r.body))).toEqual(new Set([INVALID]));
    expect((await failedLogins(user.id)).n).toBe(50);
    expect(Number(await ctx.redis.get(`${ctx.prefix}:rl:login-ip:198.51.100.20`))).toBe(50);
    expect(
      (await auditEvents(ctx, user.tenantId, 'auth.account.locked')).filter(
        (e) => e.targetId === user.id,
      ),
    ).toHaveLength(1);
    expect(
      (await auditEvents(ctx, user.tenantId, 'auth.login.failed')).filter(
        (e) => e.targetId === user.id,
      ),
    ).toHaveLength(50);
    expect(
      (await login({ username: user.username, password: user.password }, '198.51.100.21')).status,
    ).toBe(401);
  });

  it('locks an unknown username the same way (nothing to learn from the lock)', async () => {
    for (let i = 0; i < 6; i += 1) {
      const res = await login(
        { username: 'ghost-account', password: `nope-${i}-nope` },
        '198.51.100.30',
      );
      expect(res.body).toBe(INVALID);
    }
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    const locked = (await auditEvents(ctx, tid, 'auth.account.locked')).filter(
      (e) => e.targetId === null,
    );
    expect(locked.length).toBeGreaterThanOrEqual(1);
    expect(locked.at(-1)!.after).toMatchObject({ knownAccount: false });
  });

  it('the lockout is per tenant: the same username elsewhere is not locked', async () => {
    const cegep = await createUser(ctx, 'cegepdeseptiles', { username: 'bola5678' });
    const monteregie = await createUser(ctx, 'monteregie', {
      username: 'bola5678',
      password: 'abc123xyz',
    });
    for (let i = 0; i < 5; i += 1)
      await login({ username: cegep.username, password: `wrong-${i}-pw` }, '198.51.100.40');
    expect(
      (await login({ username: 'bola5678', password: 'abc123xyz' }, '198.51.100.40', MONTEREGIE))
        .status,
    ).toBe(200);
    expect(monteregie.id).not.toBe(cegep.id);
  });

  it('answers 429 with Retry-After to an address over its limit of failures, and audits it', async () => {
    const ip = '203.0.113.50';
    const replies = [];
    for (let i = 0; i < 100; i += 10) {
      replies.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, j) =>
            login({ username: `spray-${i + j}`, password: 'Spring2024!' }, ip),
          ),
        )),
      );
    }
    expect(replies.every((r) => r.status === 401)).toBe(true);
    const limited = await login({ username: 'spray-last', password: 'Spring2024!' }, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(limited.json()).toMatchObject({ error: 'too_many_requests' });
    // Even the right password of a real account is refused from that address; other addresses are not affected.
    const user = await createUser(ctx, 'cegepdeseptiles');
    expect((await login({ username: user.username, password: user.password }, ip)).status).toBe(
      429,
    );
    expect(
      (await login({ username: user.username, password: user.password }, '203.0.113.51')).status,
    ).toBe(200);
    const tid = await tenantId(ctx, 'cegepdeseptiles');
    expect(
      (await auditEvents(ctx, tid, 'security.rate_limited')).filter((e) => e.ip === ip),
    ).toEqual([expect.objectContaining({ after: { limit: 'login-ip' } })]);
  });

  it('a successful sign-in clears the failure count', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    for (let i = 0; i < 3; i += 1)
      await login({ username: user.username, password: `oops-${i}-oops` }, '198.51.100.60');
    expect(
      (await login({ username: user.username, password: user.password }, '198.51.100.60')).status,
    ).toBe(200);
    expect((await failedLogins(user.id)).n).toBe(0);
    for (let i = 0; i < 4; i += 1)
      await login({ username: user.username, password: `oops-${i}-again` }, '198.51.100.60');
    expect(
      (await login({ username: user.username, password: user.password }, '198.51.100.60')).status,
    ).toBe(200);
  });

  it('forgot-password never locks an account', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    for (let i = 0; i < 8; i += 1) {
      const res = await ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/password/forgot',
        body: { username: user.username },
        headers: { 'x-forwarded-for': `198.51.100.${70 + i}` },
      });
      expect(res.status).toBe(202);
    }
    expect(
      (await login({ username: user.username, password: user.password }, '198.51.100.80')).status,
    ).toBe(200);
  });

  it('does the same work for an unknown account, a wrong password, a locked and a disabled account: one argon2id verification each, near the same time', async () => {
    const known = await createUser(ctx, 'cegepdeseptiles');
    const locked = await createUser(ctx, 'cegepdeseptiles', {
      lockedUntil: new Date(Date.now() + 3_600_000),
    });
    const disabled = await createUser(ctx, 'cegepdeseptiles', { status: 'disabled' });
    const kinds = {
      unknown: { username: 'nobody-at-all', password: 'Wrong-pass-123' },
      wrongPassword: { username: known.username, password: 'Wrong-pass-123' },
      locked: { username: locked.username, password: locked.password },
      disabled: { username: disabled.username, password: 'Wrong-pass-123' },
    };
    const verifications = async () => {
      const metrics = await ctx.management({ path: '/metrics' });
      return Number(
        /^password_verifications_total(?:\{[^}]*\})? (\d+)/m.exec(metrics.body)?.[1] ?? NaN,
      );
    };
    const times: Record<string, number[]> = {
      unknown: [],
      wrongPassword: [],
      locked: [],
      disabled: [],
    };
    // Interleaved, each from its own address (the per-account lock of `known` is reached, which is the point: it must not show).
    for (let round = 0; round < 12; round += 1) {
      for (const [kind, body] of Object.entries(kinds)) {
        const before = await verifications();
        const started = performance.now();
        const res = await login(body, `192.0.2.${round + 1}`);
        times[kind]!.push(performance.now() - started);
        expect(res.body).toBe(INVALID);
        // The work itself, exactly: one password verification on every path.
        expect({ kind, verifications: (await verifications()) - before }).toEqual({
          kind,
          verifications: 1,
        });
      }
    }
    // And the clock agrees, within what a loaded 2-core machine adds as noise.
    const medians = Object.values(times).map(median);
    expect(Math.max(...medians) - Math.min(...medians)).toBeLessThan(
      Math.max(20, Math.min(...medians)),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AdminAccountView,
  AdminLoginResponse,
  TotpEnabledResponse,
  TotpSetupResponse,
} from '@guichet/types';
import { generate } from 'otplib';
import { createUser, portalLogin } from './factories/users.js';
import { type AdminClient, adminClient, signIn, startAdminSuite } from './support/admin.js';
import { cookieHeader } from './support/http.js';
import { ADMIN_HOST, CEGEP, type TestContext } from './support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sessions and secrets: what a new password, a second factor and time end', () => {
  let ctx: TestContext;
  let platform: AdminClient;
  beforeAll(async () => {
    ({ ctx, platform } = await startAdminSuite());
  });
  afterAll(() => ctx.close());

  const createAdmin = async (email: string, password: string): Promise<AdminAccountView> => {
    const res = await platform.request('POST', '/admins', {
      email,
      password,
      role: 'platform-admin',
    });
    expect(res.status).toBe(201);
    return res.json<AdminAccountView>();
  };
  const stillValid = async (client: AdminClient) => (await client.get('/me')).status;
  /** `by` sets the admin's password: the answer's status. */
  const setPassword = async (by: AdminClient, admin: AdminAccountView, password: string) =>
    (await by.request('PATCH', `/admins/${admin.id}`, { password })).status;
  /** Whether the password signs the admin in to a token that works. */
  const signsIn = async (admin: AdminAccountView, password: string) =>
    stillValid(await signIn(ctx, { email: admin.email, password }));

  describe('admin tokens', () => {
    it("another admin setting an admin's password ends every token of that admin", async () => {
      const created = await createAdmin('reset.by.other@guichet.test', 'the first password of it');
      const [first, second] = [
        await signIn(ctx, { email: created.email, password: 'the first password of it' }),
        await signIn(ctx, { email: created.email, password: 'the first password of it' }),
      ];
      expect(await stillValid(first!)).toBe(200);
      expect(await setPassword(platform, created, 'a password set by another')).toBe(200);
      expect(await stillValid(first!)).toBe(401);
      expect(await stillValid(second!)).toBe(401);
      // The one who set it keeps its own; the new password signs in.
      expect(await stillValid(platform)).toBe(200);
      expect(await signsIn(created, 'a password set by another')).toBe(200);
    });

    it('an admin setting its own password ends its own tokens, the one it used included', async () => {
      const created = await createAdmin('reset.by.self@guichet.test', 'my own first password');
      const used = await signIn(ctx, { email: created.email, password: 'my own first password' });
      const elsewhere = await signIn(ctx, {
        email: created.email,
        password: 'my own first password',
      });
      expect(await setPassword(used, created, 'my own second password')).toBe(200);
      expect(await stillValid(used)).toBe(401);
      expect(await stillValid(elsewhere)).toBe(401);
      expect(await signsIn(created, 'my own second password')).toBe(200);
    });

    it('turning the second factor on ends every earlier token; the enabling session goes on with the token of the reply', async () => {
      const created = await createAdmin(
        'totp.ends.tokens@guichet.test',
        'password before a factor',
      );
      const enabling = await signIn(ctx, {
        email: created.email,
        password: 'password before a factor',
      });
      const stolen = await signIn(ctx, {
        email: created.email,
        password: 'password before a factor',
      });
      const { secret } = (
        await enabling.request('POST', '/me/totp/setup')
      ).json<TotpSetupResponse>();
      const enabled = await enabling.request('POST', '/me/totp/enable', {
        code: await generate({ secret }),
      });
      expect(enabled.status).toBe(200);
      const renewed = enabled.json<TotpEnabledResponse>();
      expect(renewed).toMatchObject({
        id: created.id,
        totpEnabled: true,
        accessToken: expect.any(String),
        expiresIn: 1800,
      });
      expect(await stillValid(stolen)).toBe(401);
      expect(await stillValid(enabling)).toBe(401);
      expect(await stillValid(adminClient(ctx, renewed.accessToken))).toBe(200);
    });
  });

  it('the code that turned the second factor on is used: it does not sign in afterwards', async () => {
    const created = await createAdmin('totp.single.use@guichet.test', 'password of a single use');
    const admin = await signIn(ctx, { email: created.email, password: 'password of a single use' });
    const { secret } = (await admin.request('POST', '/me/totp/setup')).json<TotpSetupResponse>();
    const code = await generate({ secret });
    expect((await admin.request('POST', '/me/totp/enable', { code })).status).toBe(200);
    const replay = await ctx.request(ADMIN_HOST, {
      method: 'POST',
      path: '/api/v1/admin/auth/login',
      body: { email: created.email, password: 'password of a single use', totpCode: code },
    });
    expect(replay.status).toBe(401);
    expect(replay.json()).toMatchObject({ error: 'totp_required' });
    // The next step's code does.
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await ctx.request(ADMIN_HOST, {
      method: 'POST',
      path: '/api/v1/admin/auth/login',
      body: { email: created.email, password: 'password of a single use', totpCode: next },
    });
    expect(ok.status).toBe(200);
    expect(ok.json<AdminLoginResponse>().admin.totpEnabled).toBe(true);
  });

  it('a refreshed session ends at its absolute lifetime from the sign-in (90 days for a remembered one), however often it is refreshed', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const login = await portalLogin(ctx, CEGEP, user, 'all');
    expect(login.status).toBe(200);
    let cookie = cookieHeader(login);
    const familyOf = async () =>
      (
        await ctx.dataSource.query<{ family: string }[]>(
          `SELECT family_id AS family FROM refresh_sessions WHERE user_id = $1 LIMIT 1`,
          [user.id],
        )
      )[0]!.family;
    const family = await familyOf();
    // As if 20 days went by: every time of the sign-in moves back.
    const daysPass = (days: number) =>
      ctx.dataSource.query(
        `UPDATE refresh_sessions SET signed_in_at = signed_in_at - make_interval(days => $2), created_at = created_at - make_interval(days => $2),
                expires_at = expires_at - make_interval(days => $2), rotated_at = rotated_at - make_interval(days => $2)
          WHERE family_id = $1`,
        [family, days],
      );
    const refresh = () =>
      ctx.request(CEGEP, { method: 'POST', path: '/api/v1/auth/refresh', headers: { cookie } });
    const maxAges: number[] = [];
    // Refreshed every 20 days (within the 30-day refresh lifetime): days 20, 40, 60, 80 still refresh…
    for (let day = 20; day <= 80; day += 20) {
      await daysPass(20);
      const res = await refresh();
      expect({ day, status: res.status }).toEqual({ day, status: 200 });
      maxAges.push(
        Number(res.cookies.find((c) => c.name === 'guichet_session')!.attributes['max-age']),
      );
      cookie = cookieHeader(res);
    }
    // …the cookie never outlives the sign-in's 90 days (at day 80: 10 days left, not 30)…
    const days = maxAges.map((s) => s / 86_400);
    expect(days.slice(0, 2)).toEqual([30, 30]);
    expect(days[2]).toBeCloseTo(30, 2);
    expect(days[3]).toBeCloseTo(10, 2);
    expect(days[3]).toBeLessThanOrEqual(10);
    // …and at day 100 the session is over: the password is asked again.
    await daysPass(20);
    expect((await refresh()).status).toBe(401);
    const rows = await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(DISTINCT signed_in_at)::int AS n FROM refresh_sessions WHERE family_id = $1`,
      [family],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it("stores our own request id in the audit log, never the client's X-Request-Id", async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const res = await portalLogin(ctx, CEGEP, user, 'none', {
      'x-request-id': 'forged-by-the-client',
    });
    expect(res.status).toBe(200);
    const ours = res.headers['x-request-id'];
    expect(ours).toMatch(UUID);
    const [row] = await ctx.dataSource.query<{ requestId: string }[]>(
      `SELECT request_id AS "requestId" FROM audit_events WHERE action = 'auth.login.succeeded' AND target_id = $1`,
      [user.id],
    );
    expect(row!.requestId).toBe(ours);
  });
});

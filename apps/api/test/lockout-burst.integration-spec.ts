import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AdminLoginResponse, AdminView, TotpSetupResponse } from '@guichet/types';
import type { HttpResponse } from '@guichet/testing';
import { generate } from 'otplib';
import { createUser } from './factories/users.js';
import { type AdminClient, adminClient, signIn } from './support/admin.js';
import { auditEvents } from './support/outbox.js';
import { ADMIN, ADMIN_HOST, CEGEP, MONTEREGIE } from './support/hosts.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/** Attempts in one burst, and where the right answer sits in it. */
const BURST = 200;
// Far enough in that the burst's first attempts (those inside the budget) are sent before them.
const RIGHT_AT = [60, 150];
/** The lockout of the seeded tenants and of admin accounts. */
const MAX_FAILURES = 5;

/**
 * A burst of parallel guesses for one account, each from an address of its own (so no
 * per-address limit steps in): the lockout alone must stop it at its number of failures,
 * and the right answer somewhere in the middle must not get through.
 */
describe('lockout under a burst of parallel guesses', () => {
  let ctx: TestContext;
  let burstNo = 0;
  beforeAll(async () => {
    ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(() => ctx.close());

  /** A distinct client address for attempt `i` of the current burst. */
  const address = (i: number) => `10.${100 + burstNo}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const nextBurst = () => {
    burstNo += 1;
  };

  const metric = async (name: string) => {
    const body = (await ctx.management({ path: '/metrics' })).body;
    return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'm').exec(body)?.[1] ?? NaN);
  };
  /** Verifications against a stored password hash (a guess really tested), every verification, and TOTP codes checked. */
  const counters = async () => ({
    guesses: await metric('password_guesses_verified_total'),
    verifications: await metric('password_verifications_total'),
    totpChecks: await metric('totp_code_checks_total'),
  });
  const spent = async (before: Awaited<ReturnType<typeof counters>>) => {
    const after = await counters();
    return {
      guesses: after.guesses - before.guesses,
      verifications: after.verifications - before.verifications,
      totpChecks: after.totpChecks - before.totpChecks,
    };
  };

  /** Six digits valid at no step near now (the check allows one step of drift). */
  const wrongCodes = async (secret: string, n: number): Promise<string[]> => {
    const now = Date.now() / 1000;
    const valid = new Set(
      await Promise.all(
        [-60, -30, 0, 30, 60].map((d) => generate({ secret, epoch: Math.floor(now + d) })),
      ),
    );
    const codes: string[] = [];
    for (let i = 0; codes.length < n; i += 1) {
      const code = String((i * 7919 + 100_003) % 1_000_000).padStart(6, '0');
      if (!valid.has(code)) codes.push(code);
    }
    return codes;
  };

  describe('portal sign-in', () => {
    const login = (host: string, body: Record<string, unknown>, ip: string) =>
      ctx.request(host, {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { remember: 'none', ...body },
        headers: { 'x-forwarded-for': ip },
      });

    it(`JSON API: ${BURST} parallel guesses for one Montérégie account, the right password at #${RIGHT_AT.join(' and #')}: never signed in, at most ${MAX_FAILURES} guesses tested`, async () => {
      nextBurst();
      const user = await createUser(ctx, 'monteregie', { password: 'ab12' });
      const before = await counters();
      const replies = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          login(
            MONTEREGIE,
            { username: user.username, password: RIGHT_AT.includes(i) ? 'ab12' : `g${i}x` },
            address(i),
          ),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(BURST).fill(401));
      expect(new Set(replies.map((r) => r.body)).size).toBe(1);
      // Only the attempts inside the budget were checked: the others were refused by the lock, not checked and found wrong.
      const reasons = await auditEvents(ctx, user.tenantId, 'auth.login.failed');
      const wrong = reasons.filter(
        (e) => e.targetId === user.id && e.after?.reason === 'wrong_password',
      );
      expect(wrong.length).toBeLessThanOrEqual(MAX_FAILURES);
      const work = await spent(before);
      // …so only they were tested against the account's hash…
      expect(work.guesses).toBeLessThanOrEqual(MAX_FAILURES);
      // …and every attempt still costs one argon2id verification (a dummy one when refused): a locked account looks like any other.
      expect(work.verifications).toBe(BURST);
      // The lock holds afterwards too.
      expect(
        (await login(MONTEREGIE, { username: user.username, password: 'ab12' }, address(BURST)))
          .status,
      ).toBe(401);
    });

    it(`portal form: ${BURST / 2} parallel posts of /login for one account, the right password at #${RIGHT_AT[0]}: never signed in, at most ${MAX_FAILURES} guesses tested`, async () => {
      nextBurst();
      const n = BURST / 2;
      const user = await createUser(ctx, 'monteregie', { password: 'cd34' });
      // Each attacker's browser gets its form (and CSRF token) first; then all post at once.
      const forms = await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const page = await ctx.request(MONTEREGIE, {
            path: '/login',
            headers: { accept: 'text/html', 'x-forwarded-for': address(i) },
          });
          const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
          expect(csrf).toBeDefined();
          return {
            csrf: csrf!,
            cookie: page.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
          };
        }),
      );
      const before = await counters();
      const replies = await Promise.all(
        forms.map((form, i) =>
          ctx.request(MONTEREGIE, {
            method: 'POST',
            path: '/login',
            body: new URLSearchParams({
              _csrf: form.csrf,
              username: user.username,
              password: i === RIGHT_AT[0] ? 'cd34' : `f${i}y`,
              remember: 'none',
            }).toString(),
            headers: {
              accept: 'text/html',
              'content-type': 'application/x-www-form-urlencoded',
              cookie: form.cookie,
              'x-forwarded-for': address(i),
            },
          }),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(n).fill(401));
      const work = await spent(before);
      expect(work.guesses).toBeLessThanOrEqual(MAX_FAILURES);
      expect(work.verifications).toBe(n);
    });

    it('a right password inside the budget signs in and gives its attempt back: the guesses after it get the full budget again', async () => {
      nextBurst();
      const user = await createUser(ctx, 'cegepdeseptiles');
      for (let i = 0; i < MAX_FAILURES - 1; i += 1)
        expect(
          (await login(CEGEP, { username: user.username, password: `nope-${i}-nope` }, address(i)))
            .status,
        ).toBe(401);
      expect(
        (await login(CEGEP, { username: user.username, password: user.password }, address(10)))
          .status,
      ).toBe(200);
      const before = await counters();
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          login(CEGEP, { username: user.username, password: `again-${i}-again` }, address(20 + i)),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(20).fill(401));
      expect((await spent(before)).guesses).toBe(MAX_FAILURES);
    });
  });

  describe('admin sign-in', () => {
    let platform: AdminClient;
    beforeAll(async () => {
      platform = await signIn(ctx, ADMIN);
    });
    const adminLogin = (body: unknown, ip: string) =>
      ctx.request(ADMIN_HOST, {
        method: 'POST',
        path: '/api/v1/admin/auth/login',
        body,
        headers: { 'x-forwarded-for': ip },
      });
    const createAdmin = async (email: string, password: string) => {
      const res = await platform.request('POST', '/admins', {
        email,
        password,
        role: 'platform-admin',
      });
      expect(res.status).toBe(201);
    };

    it(`password: ${BURST} parallel guesses, the right one at #${RIGHT_AT.join(' and #')}: never signed in, at most ${MAX_FAILURES} guesses tested`, async () => {
      nextBurst();
      const email = 'burst.password@guichet.test';
      await createAdmin(email, 'the burst admin password');
      const before = await counters();
      const replies = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          adminLogin(
            {
              email,
              password: RIGHT_AT.includes(i) ? 'the burst admin password' : `guess number ${i}`,
            },
            address(i),
          ),
        ),
      );
      expect(replies.map((r) => r.status)).toEqual(Array(BURST).fill(401));
      expect(new Set(replies.map((r) => r.body))).toEqual(
        new Set([
          JSON.stringify({ error: 'invalid_credentials', message: 'Incorrect email or password.' }),
        ]),
      );
      const work = await spent(before);
      expect(work.guesses).toBeLessThanOrEqual(MAX_FAILURES);
      expect(work.verifications).toBe(BURST);
      expect(
        (await adminLogin({ email, password: 'the burst admin password' }, address(BURST))).status,
      ).toBe(401);
    });

    /** An admin with the second factor on; its secret. */
    const adminWithTotp = async (email: string, password: string): Promise<string> => {
      await createAdmin(email, password);
      const admin = await signIn(ctx, { email, password });
      const { secret } = (await admin.request('POST', '/me/totp/setup')).json<TotpSetupResponse>();
      expect(
        (await admin.request('POST', '/me/totp/enable', { code: await generate({ secret }) }))
          .status,
      ).toBe(200);
      return secret;
    };

    it(`second factor at sign-in: ${BURST} parallel codes with the right password, the right code at #${RIGHT_AT.join(' and #')}: never signed in, at most ${MAX_FAILURES} codes checked`, async () => {
      nextBurst();
      const email = 'burst.totp@guichet.test';
      const password = 'the totp burst admin password';
      const secret = await adminWithTotp(email, password);
      const wrong = await wrongCodes(secret, BURST);
      const right = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const before = await counters();
      const replies = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          adminLogin(
            { email, password, totpCode: RIGHT_AT.includes(i) ? right : wrong[i] },
            address(i),
          ),
        ),
      );
      expect(replies.filter((r) => r.status === 200)).toHaveLength(0);
      const work = await spent(before);
      expect(work.totpChecks).toBeLessThanOrEqual(MAX_FAILURES);
      expect(work.guesses).toBeLessThanOrEqual(MAX_FAILURES);
    });
  });

  describe('second factor of the signed-in admin', () => {
    /** A new platform admin, signed in, with a pending (set up, not yet enabled) secret. */
    const pendingAdmin = async (email: string): Promise<{ admin: AdminClient; secret: string }> => {
      const platform = await signIn(ctx, ADMIN);
      expect(
        (
          await platform.request('POST', '/admins', {
            email,
            password: 'a second factor password',
            role: 'platform-admin',
          })
        ).status,
      ).toBe(201);
      const res = await ctx.request(ADMIN_HOST, {
        method: 'POST',
        path: '/api/v1/admin/auth/login',
        body: { email, password: 'a second factor password' },
        headers: { 'x-forwarded-for': address(999) },
      });
      const admin = adminClient(ctx, res.json<AdminLoginResponse>().accessToken);
      const { secret } = (await admin.request('POST', '/me/totp/setup')).json<TotpSetupResponse>();
      return { admin, secret };
    };
    const noneAccepted = (replies: HttpResponse[]) =>
      expect(replies.filter((r) => r.status === 200)).toHaveLength(0);

    it(`enable: ${BURST} parallel codes, the right one at #${RIGHT_AT.join(' and #')}: not enabled, at most ${MAX_FAILURES} codes checked`, async () => {
      nextBurst();
      const { admin, secret } = await pendingAdmin('burst.enable@guichet.test');
      const wrong = await wrongCodes(secret, BURST);
      const right = await generate({ secret });
      const before = await counters();
      const replies = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          admin.request('POST', '/me/totp/enable', {
            code: RIGHT_AT.includes(i) ? right : wrong[i],
          }),
        ),
      );
      noneAccepted(replies);
      expect(new Set(replies.map((r) => r.status))).toEqual(new Set([400, 429]));
      expect((await spent(before)).totpChecks).toBeLessThanOrEqual(MAX_FAILURES);
      expect((await admin.get('/me')).json<AdminView>().totpEnabled).toBe(false);
    });

    it(`disable: ${BURST} parallel codes, the right one at #${RIGHT_AT.join(' and #')}: still on, at most ${MAX_FAILURES} codes checked`, async () => {
      nextBurst();
      const email = 'burst.disable@guichet.test';
      const { secret } = await pendingAdmin(email);
      // On, with no code used yet (as if enabled long ago), so that this step signs in and the next one is left for disabling.
      await ctx.dataSource.query(
        `UPDATE admin_accounts SET totp_secret_ciphertext = totp_pending_ciphertext, totp_pending_ciphertext = NULL, totp_last_step = NULL WHERE email = $1`,
        [email],
      );
      const res = await ctx.request(ADMIN_HOST, {
        method: 'POST',
        path: '/api/v1/admin/auth/login',
        body: { email, password: 'a second factor password', totpCode: await generate({ secret }) },
        headers: { 'x-forwarded-for': address(998) },
      });
      expect(res.status).toBe(200);
      const signedIn = adminClient(ctx, res.json<AdminLoginResponse>().accessToken);
      const wrong = await wrongCodes(secret, BURST);
      const right = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const before = await counters();
      const replies = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          signedIn.request('POST', '/me/totp/disable', {
            code: RIGHT_AT.includes(i) ? right : wrong[i],
          }),
        ),
      );
      noneAccepted(replies);
      expect((await spent(before)).totpChecks).toBeLessThanOrEqual(MAX_FAILURES);
      expect((await signedIn.get('/me')).json<AdminView>().totpEnabled).toBe(true);
    });
  });
});

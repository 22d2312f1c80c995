import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HttpResponse } from '@guichet/testing';
import type { LoginResponse, UserView } from '@guichet/types';
import { verify as argon2Verify } from '@node-rs/argon2';
import { argon2Parameters } from '../src/platform/crypto/password-hasher.js';
import { createUser, tenantId, testHash } from './factories/users.js';
import { setTenantSettings } from './factories/tenants.js';
import { cookieHeader } from './support/http.js';
import { decodeJwt, verifyWithJwks } from './support/jwt.js';
import { auditEvents } from './support/outbox.js';
import { ADMIN, ADMIN_HOST, CEGEP, MONTEREGIE } from './support/hosts.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const INVALID = { error: 'invalid_credentials', message: 'Incorrect username or password.' };

describe('sign-in, sessions and access tokens', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const login = (host: string, body: unknown, headers: Record<string, string> = {}) =>
    ctx.request(host, { method: 'POST', path: '/api/v1/auth/login', body, headers });
  const me = (host: string, headers: Record<string, string>) =>
    ctx.request(host, { path: '/api/v1/me', headers });
  const refresh = (host: string, cookie: string) =>
    ctx.request(host, { method: 'POST', path: '/api/v1/auth/refresh', headers: { cookie } });
  const cookie = (res: HttpResponse, name: string) => res.cookies.find((c) => c.name === name);

  it('signs in with the username in any case and returns a short-lived ES256 token for this tenant', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', {
      username: 'trej',
      firstName: 'Jean',
      lastName: 'Tremblay',
    });
    const res = await login(CEGEP, {
      username: ' TREJ ',
      password: user.password,
      remember: 'username',
    });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<LoginResponse>();
    expect(body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 600,
      user: {
        id: user.id,
        username: 'trej',
        firstName: 'Jean',
        lastName: 'Tremblay',
        email: user.email,
      },
    });
    const { header, claims } = decodeJwt(body.accessToken);
    expect(header.alg).toBe('ES256');
    expect(claims).toMatchObject({
      sub: user.id,
      aud: await tenantId(ctx, 'cegepdeseptiles'),
      iss: 'http://cegepdeseptiles.localhost:3000',
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(600);

    const jwks = await ctx.request(CEGEP, { path: '/.well-known/jwks.json' });
    expect(jwks.status).toBe(200);
    const keys = jwks.json<{ keys: Record<string, string>[] }>();
    expect(keys.keys[0]).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      use: 'sig',
      kid: header.kid,
    });
    expect(keys.keys[0]).not.toHaveProperty('d');
    expect(verifyWithJwks(body.accessToken, keys)).toBe(true);
    expect((await ctx.request(MONTEREGIE, { path: '/.well-known/jwks.json' })).status).toBe(200);
    expect(
      (
        await ctx.request(ADMIN_HOST, {
          path: '/.well-known/jwks.json',
          headers: { accept: 'application/json' },
        })
      ).status,
    ).toBe(404);

    const viaBearer = await me(CEGEP, { authorization: `Bearer ${body.accessToken}` });
    expect(viaBearer.status).toBe(200);
    expect(viaBearer.json<UserView>()).toEqual(body.user);
    const viaCookie = await me(CEGEP, { cookie: cookieHeader(res) });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.json<UserView>().id).toBe(user.id);
    expect((await me(CEGEP, {})).status).toBe(401);
    expect(
      (await auditEvents(ctx, user.tenantId, 'auth.login.succeeded')).some(
        (e) => e.targetId === user.id,
      ),
    ).toBe(true);
  });

  describe('remember modes (development: plain cookie names over http)', () => {
    it('all: a persistent session cookie for the tenant lifetime and a persistent username cookie', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const res = await login(CEGEP, {
        username: user.username,
        password: user.password,
        remember: 'all',
      });
      const session = cookie(res, 'guichet_session')!;
      const username = cookie(res, 'guichet_username')!;
      expect(session.attributes).toMatchObject({
        'max-age': String(30 * 86400),
        path: '/',
        httponly: true,
        samesite: 'Lax',
      });
      expect(session.attributes.secure).toBeUndefined();
      expect(session.value).toMatch(/^[\w-]{43}$/);
      expect(username).toMatchObject({
        value: user.username,
        attributes: { 'max-age': String(365 * 86400), path: '/', httponly: true, samesite: 'Lax' },
      });
      const [row] = await ctx.dataSource.query<{ persistent: boolean; days: number }[]>(
        `SELECT persistent, round(extract(epoch FROM expires_at - created_at) / 86400) AS days FROM refresh_sessions WHERE user_id = $1`,
        [user.id],
      );
      expect(row).toEqual({ persistent: true, days: '30' });
    });

    it('username: a browser-session session cookie and a persistent username cookie', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const res = await login(CEGEP, {
        username: user.username,
        password: user.password,
        remember: 'username',
      });
      const session = cookie(res, 'guichet_session')!;
      expect(session.attributes['max-age']).toBeUndefined();
      expect(session.attributes.expires).toBeUndefined();
      expect(session.attributes).toMatchObject({ httponly: true, samesite: 'Lax', path: '/' });
      expect(cookie(res, 'guichet_username')).toMatchObject({
        value: user.username,
        attributes: { 'max-age': String(365 * 86400) },
      });
    });

    it('none: a browser-session session cookie and the username cookie cleared', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const res = await login(
        CEGEP,
        { username: user.username, password: user.password, remember: 'none' },
        { cookie: 'guichet_username=someone' },
      );
      expect(cookie(res, 'guichet_session')!.attributes['max-age']).toBeUndefined();
      const cleared = cookie(res, 'guichet_username')!;
      expect(cleared.value).toBe('');
      expect(cleared.attributes['max-age']).toBe('0');
    });

    it('a tenant with another refresh lifetime gets it on the persistent cookie', async () => {
      const tid = await tenantId(ctx, 'monteregie');
      await setTenantSettings(ctx, tid, { 'tokenLifetimes.refreshDays': 7 });
      await new Promise((r) => setTimeout(r, 100));
      const user = await createUser(ctx, 'monteregie', {
        username: 'tala1234',
        password: 'soleil42x',
      });
      const res = await login(MONTEREGIE, {
        username: 'tala1234',
        password: 'soleil42x',
        remember: 'all',
      });
      expect(res.status).toBe(200);
      expect(cookie(res, 'guichet_session')!.attributes['max-age']).toBe(String(7 * 86400));
      expect(user.id).toBeTruthy();
    });
  });

  it('with secure cookies: __Host- names, Secure, HttpOnly, Path=/, no Domain; SameSite=None and Partitioned for the Cégep, whose portal is a Teams tab', async () => {
    const secureApi = await ctx.startApi({ SECURE_COOKIES: 'true' });
    const user = await createUser(ctx, 'cegepdeseptiles');
    for (const remember of ['all', 'username', 'none'] as const) {
      const res = await ctx.request(
        CEGEP,
        {
          method: 'POST',
          path: '/api/v1/auth/login',
          body: { username: user.username, password: user.password, remember },
        },
        secureApi,
      );
      expect(res.status).toBe(200);
      expect(res.cookies.map((c) => c.name).sort()).toEqual([
        '__Host-guichet_session',
        '__Host-guichet_username',
      ]);
      for (const c of res.cookies) {
        expect(c.attributes).toMatchObject({
          secure: true,
          httponly: true,
          samesite: 'None',
          partitioned: true,
          path: '/',
        });
        expect(c.attributes.domain).toBeUndefined();
      }
      const session = res.cookies.find((c) => c.name === '__Host-guichet_session')!;
      expect(session.attributes['max-age']).toBe(
        remember === 'all' ? String(30 * 86400) : undefined,
      );
      const viaCookie = await ctx.request(
        CEGEP,
        { path: '/api/v1/me', headers: { cookie: cookieHeader(res) } },
        secureApi,
      );
      expect(viaCookie.status).toBe(200);
    }
  });

  it('rotates the refresh token; presenting a rotated one revokes the whole sign-in', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const first = await login(CEGEP, {
      username: user.username,
      password: user.password,
      remember: 'all',
    });
    const firstCookie = cookieHeader(first);

    const second = await refresh(CEGEP, firstCookie);
    expect(second.status).toBe(200);
    const rotated = cookie(second, 'guichet_session')!;
    expect(rotated.value).not.toBe(cookie(first, 'guichet_session')!.value);
    expect(rotated.attributes['max-age']).toBe(String(30 * 86400)); // remember = all stays persistent
    const secondBody = second.json<LoginResponse>();
    expect(decodeJwt(secondBody.accessToken).claims.sid).toBe(
      decodeJwt(first.json<LoginResponse>().accessToken).claims.sid,
    );
    const secondCookie = cookieHeader(second);
    expect((await me(CEGEP, { cookie: secondCookie })).status).toBe(200);
    expect((await me(CEGEP, { cookie: firstCookie })).status).toBe(401); // a rotated token is no session

    // The old token again: theft assumed, the family is revoked.
    const reuse = await refresh(CEGEP, firstCookie);
    expect(reuse.status).toBe(401);
    expect(reuse.json()).toEqual({
      error: 'invalid_session',
      message: 'Your session has ended. Sign in again.',
    });
    expect(cookie(reuse, 'guichet_session')!.attributes['max-age']).toBe('0');
    expect((await refresh(CEGEP, secondCookie)).status).toBe(401);
    expect((await me(CEGEP, { authorization: `Bearer ${secondBody.accessToken}` })).status).toBe(
      401,
    );
    const [revoked] = await ctx.dataSource.query<{ open: number }[]>(
      `SELECT count(*)::int AS open FROM refresh_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [user.id],
    );
    expect(revoked!.open).toBe(0);
    expect(await auditEvents(ctx, user.tenantId, 'auth.refresh.reused')).toHaveLength(1);
  });

  it('a remember=username session refreshes as a browser-session cookie', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const res = await login(CEGEP, {
      username: user.username,
      password: user.password,
      remember: 'username',
    });
    const next = await refresh(CEGEP, cookieHeader(res));
    expect(next.status).toBe(200);
    expect(cookie(next, 'guichet_session')!.attributes['max-age']).toBeUndefined();
  });

  it('logout ends the session (cookie and access token) and keeps the remembered username', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const res = await login(CEGEP, {
      username: user.username,
      password: user.password,
      remember: 'all',
    });
    const token = res.json<LoginResponse>().accessToken;
    const out = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/auth/logout',
      headers: { cookie: cookieHeader(res) },
    });
    expect(out.status).toBe(204);
    expect(cookie(out, 'guichet_session')!.attributes['max-age']).toBe('0');
    expect(cookie(out, 'guichet_username')).toBeUndefined();
    expect((await refresh(CEGEP, cookieHeader(res))).status).toBe(401);
    expect((await me(CEGEP, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await ctx.request(CEGEP, { method: 'POST', path: '/api/v1/auth/logout' })).status).toBe(
      204,
    );
  });

  it('refuses a cross-site Origin on cookie-authenticated POSTs', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const res = await login(CEGEP, {
      username: user.username,
      password: user.password,
      remember: 'all',
    });
    const cross = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/auth/refresh',
      headers: { cookie: cookieHeader(res), origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    const same = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/auth/refresh',
      headers: { cookie: cookieHeader(res), origin: 'http://cegepdeseptiles.localhost:3000' },
    });
    expect(same.status).toBe(200);
  });

  it('refuses a token, a cookie or a session of one tenant on another, admin tokens on portals and portal tokens on the admin API', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', {
      username: 'gama1234',
      password: 'Cegep-only-pw-9',
    });
    await createUser(ctx, 'monteregie', { username: 'gama1234', password: 'Monteregie-pw-9' });
    const res = await login(CEGEP, {
      username: 'gama1234',
      password: 'Cegep-only-pw-9',
      remember: 'all',
    });
    const token = res.json<LoginResponse>().accessToken;

    expect(
      (
        await login(MONTEREGIE, {
          username: 'gama1234',
          password: 'Cegep-only-pw-9',
          remember: 'all',
        })
      ).status,
    ).toBe(401);
    expect((await me(MONTEREGIE, { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await me(MONTEREGIE, { cookie: cookieHeader(res) })).status).toBe(401);
    expect((await refresh(MONTEREGIE, cookieHeader(res))).status).toBe(401);
    // The Cégep session is untouched by those attempts.
    expect((await me(CEGEP, { authorization: `Bearer ${token}` })).json<UserView>().id).toBe(
      user.id,
    );

    const admin = await ctx.request(ADMIN_HOST, {
      method: 'POST',
      path: '/api/v1/admin/auth/login',
      body: ADMIN,
    });
    const adminToken = admin.json<{ accessToken: string }>().accessToken;
    expect((await me(CEGEP, { authorization: `Bearer ${adminToken}` })).status).toBe(401);
    expect(
      (
        await ctx.request(ADMIN_HOST, {
          path: '/api/v1/admin/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    ).toBe(401);
    expect((await me(CEGEP, { authorization: 'Bearer not.a.jwt' })).status).toBe(401);
    expect((await me(CEGEP, { authorization: 'Basic Zm9vOmJhcg==' })).status).toBe(401);
  });

  it('re-hashes a password hashed with other parameters at the next sign-in', async () => {
    const oldHash = await testHash('Rehash-me-2024', 9216);
    const user = await createUser(ctx, 'cegepdeseptiles', {
      passwordHash: oldHash,
      password: 'Rehash-me-2024',
    });
    const res = await login(CEGEP, { username: user.username, password: 'Rehash-me-2024' });
    expect(res.status).toBe(200);
    const [row] = await ctx.dataSource.query<{ hash: string }[]>(
      `SELECT password_hash AS hash FROM users WHERE id = $1`,
      [user.id],
    );
    expect(row!.hash).not.toBe(oldHash);
    expect(argon2Parameters(row!.hash)).toEqual({ memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(await argon2Verify(row!.hash, 'Rehash-me-2024')).toBe(true);
    expect(
      (await login(CEGEP, { username: user.username, password: 'Rehash-me-2024' })).status,
    ).toBe(200);
  });

  it('answers every failed sign-in with the same 401: unknown, wrong password, locked, disabled, not enrolled', async () => {
    const known = await createUser(ctx, 'cegepdeseptiles');
    const locked = await createUser(ctx, 'cegepdeseptiles', {
      lockedUntil: new Date(Date.now() + 600_000),
    });
    const disabled = await createUser(ctx, 'cegepdeseptiles', { status: 'disabled' });
    const notEnrolled = await createUser(ctx, 'cegepdeseptiles', { password: null });
    const attempts = [
      { username: 'nobody-here', password: 'whatever-123' },
      { username: known.username, password: 'wrong-password-1' },
      { username: locked.username, password: locked.password }, // right password, locked account
      { username: disabled.username, password: disabled.password }, // right password, disabled account
      { username: notEnrolled.username, password: 'anything-123' },
    ];
    for (const body of attempts) {
      const res = await login(CEGEP, { ...body, remember: 'all' });
      expect(res.status).toBe(401);
      expect(res.body).toBe(JSON.stringify(INVALID));
      expect(res.cookies).toEqual([]);
    }
    const reasons = (await auditEvents(ctx, known.tenantId, 'auth.login.failed')).map(
      (e) => e.after?.reason,
    );
    expect(reasons).toEqual(
      expect.arrayContaining([
        'unknown_account',
        'wrong_password',
        'account_locked',
        'account_disabled',
        'not_enrolled',
      ]),
    );
  });

  it('documents the identity endpoints in the OpenAPI document', async () => {
    const paths = Object.keys(
      (await ctx.request(CEGEP, { path: '/api/docs/openapi.json' })).json<{ paths: object }>()
        .paths,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/auth/logout',
        '/api/v1/me',
        '/api/v1/password/forgot',
        '/api/v1/password/reset',
        '/api/v1/enrollment',
        '/api/v1/username/lookup',
        '/.well-known/jwks.json',
        '/api/v1/admin/tenants/{tenantId}/users/import',
      ]),
    );
  });

  describe('input', () => {
    it('answers 400 with field messages for a body that does not fit the schema', async () => {
      const cases: unknown[] = [
        {},
        { username: 'x' },
        { username: ['trej', 'x'], password: 'p' },
        { username: 'trej', password: 'p', remember: 'forever' },
        { username: 'trej', password: 'p', isAdmin: true },
        { username: 'tr\u0000ej', password: 'p' },
        { username: 'trej', password: { $ne: null } },
        { username: 'a'.repeat(201), password: 'p' },
      ];
      for (const body of cases) {
        const res = await login(CEGEP, body);
        expect(res.status).toBe(400);
        expect(res.json<{ error: string; fields: object }>()).toMatchObject({
          error: 'invalid_body',
          fields: expect.any(Object),
        });
      }
    });

    it.each([
      ['[1,2]', 'application/json', 400],
      ['null', 'application/json', 400],
      ['{"username":', 'application/json', 400],
      ['', 'application/json', 400],
      ['username=trej&password=x', 'application/x-www-form-urlencoded', 415],
      ['username,password\ntrej,x', 'text/csv', 415],
      ['hello', 'text/plain', 415],
    ])('body %p as %s → %i', async (body, type, status) => {
      const res = await login(CEGEP, body, { 'content-type': type });
      expect(res.status).toBe(status);
      expect(res.json<{ error: string; message: string }>().message).toEqual(expect.any(String));
    });

    it('answers 413 to a body over the limit', async () => {
      const res = await login(CEGEP, { username: 'trej', password: 'x'.repeat(70 * 1024) });
      expect(res.status).toBe(413);
      expect(res.json()).toMatchObject({ error: 'payload_too_large' });
    });
  });
});

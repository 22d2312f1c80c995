import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningProcess } from '@guichet/testing';
import type { LoginResponse } from '@guichet/types';
import { createUser, portalLogin } from './factories/users.js';
import { type AdminClient, startAdminSuite } from './support/admin.js';
import { cookieHeader } from './support/http.js';
import { CEGEP, type TestContext } from './support/test-app.js';

/**
 * The Bearer guard keeps session liveness in memory (no query per request): a session ended
 * through one API process must be refused by another at once, without waiting.
 */
describe('session liveness across two API processes', () => {
  let ctx: TestContext;
  let platform: AdminClient;
  let cegep: string;
  let other: RunningProcess;
  beforeAll(async () => {
    // One signing key for both processes (each would generate its own outside production).
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    ({ ctx, platform, cegep } = await startAdminSuite({
      JWT_PRIVATE_KEY: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
    }));
    other = await ctx.startApi();
  });
  afterAll(() => ctx.close());

  /** Signed in through the first process; /me answered (and remembered) by the second. */
  const signedInOnBoth = async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const res = await portalLogin(ctx, CEGEP, user, 'all');
    expect(res.status).toBe(200);
    const { accessToken } = res.json<LoginResponse>();
    const bearer = { authorization: `Bearer ${accessToken}` };
    for (let i = 0; i < 3; i++) expect((await meOn(other, bearer)).status).toBe(200);
    return { user, login: res, bearer };
  };
  const meOn = (api: RunningProcess, headers: Record<string, string>) =>
    ctx.request(CEGEP, { path: '/api/v1/me', headers }, api);

  it('the second process serves a known session from memory: ending it behind its back (no notice) is not seen until the notice', async () => {
    // Proves the cache is in the path, so that the tests below could fail without the notices.
    const { user, bearer } = await signedInOnBoth();
    await ctx.dataSource.query(
      'UPDATE refresh_sessions SET revoked_at = now() WHERE tenant_id = $1 AND user_id = $2',
      [cegep, user.id],
    );
    expect((await meOn(other, bearer)).status).toBe(200);
    await ctx.redis.publish(`${ctx.prefix}:sessions-ended`, `${cegep} ${user.id}`);
    // The notice is asynchronous for this test's own publish: wait for its effect, not a delay.
    for (let i = 0; i < 50 && (await meOn(other, bearer)).status === 200; i++);
    expect((await meOn(other, bearer)).status).toBe(401);
  });

  it('a sign-out through the first process is refused by the second at once', async () => {
    const { login, bearer } = await signedInOnBoth();
    const out = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/auth/logout',
      headers: { cookie: cookieHeader(login) },
    });
    expect(out.status).toBe(204);
    expect((await meOn(other, bearer)).status).toBe(401);
    expect((await meOn(ctx.api, bearer)).status).toBe(401);
  });

  it('a reused refresh token (the family revoked) is refused by the second process at once', async () => {
    const { login, bearer } = await signedInOnBoth();
    const refresh = () =>
      ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/auth/refresh',
        headers: { cookie: cookieHeader(login) },
      });
    expect((await refresh()).status).toBe(200);
    // The same (now rotated) token again: the whole family ends.
    expect((await refresh()).status).toBe(401);
    expect((await meOn(other, bearer)).status).toBe(401);
  });

  it('an account disabled by an admin through the first process is refused by the second at once', async () => {
    const { user, bearer } = await signedInOnBoth();
    const res = await platform.request('POST', `/tenants/${cegep}/users/${user.id}/disable`);
    expect(res.status).toBe(200);
    expect((await meOn(other, bearer)).status).toBe(401);
  });
});

import { describe, expect, it, jest } from '@jest/globals';
import { expectScimError, PATCH_OP, scimFixture } from './support/scim.js';
import { createUser, portalLogin, tenantId } from './factories/users.js';
import { signIn as adminSignIn } from './support/admin.js';
import { cookieHeader } from './support/http.js';
import { outboxRows, waitFor } from './support/outbox.js';
import { ADMIN_HOST, CEGEP, MONTEREGIE } from './support/test-app.js';

// A loaded 2-core machine: the processes and CLI runs of this file take their time.
jest.setTimeout(120_000);

describe('SCIM 2.0: tokens per tenant, failed-attempt limits, leavers out everywhere', () => {
  const f = scimFixture('10.61');
  const { scim, cegep, nextIp } = f;

  it("a token works on its tenant's host only: a Cégep token at the Montérégie is a 401 with no data; no token, a wrong one, a revoked one: 401", async () => {
    const gama = await createUser(f.ctx, 'monteregie', { username: 'gama9999' });
    const cross = await scim(MONTEREGIE, f.cegepToken, 'GET', '/Users');
    expectScimError(cross, 401);
    expect(cross.body).not.toContain('gama9999');
    expectScimError(await scim(MONTEREGIE, f.cegepToken, 'GET', `/Users/${gama.id}`), 401);
    expectScimError(
      await scim(MONTEREGIE, f.cegepToken, 'PATCH', `/Users/${gama.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      }),
      401,
    );
    expect(
      (await f.ctx.dataSource.query(`SELECT status FROM users WHERE id = $1`, [gama.id]))[0].status,
    ).toBe('active');
    expectScimError(await scim(CEGEP, null, 'GET', '/Users'), 401);
    expectScimError(await scim(CEGEP, `gscim_${'A'.repeat(43)}`, 'GET', '/Users'), 401);
    expectScimError(
      await scim(CEGEP, 'x', 'GET', '/Users', undefined, {
        authorization: `Basic ${f.cegepToken}`,
      }),
      401,
    );
    // The admin host has no SCIM endpoint (its app's page at most, never SCIM data).
    const onAdmin = await scim(ADMIN_HOST, f.cegepToken, 'GET', '/Users');
    expect(onAdmin.body).not.toContain('urn:ietf:params:scim');
    expect(onAdmin.body).not.toContain('gama9999');

    // Revoked in the admin API: refused from the next request on.
    const admin = await adminSignIn(f.ctx);
    const cegepId = await tenantId(f.ctx, 'cegepdeseptiles');
    const created = await admin.request('POST', `/tenants/${cegepId}/scim-tokens`, {
      name: 'Temporaire',
    });
    expect(created.status).toBe(201);
    const { token, id, scimUrl } = created.json<{ token: string; id: string; scimUrl: string }>();
    expect(scimUrl).toBe(`http://${CEGEP}/scim/v2`);
    expect((await scim(CEGEP, token, 'GET', '/Users')).status).toBe(200);
    const listed = (await admin.get(`/tenants/${cegepId}/scim-tokens`)).json<{
      tokens: { id: string; lastUsedAt: string | null }[];
    }>();
    expect(listed.tokens.find((t) => t.id === id)!.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(
      (await admin.request('POST', `/tenants/${cegepId}/scim-tokens/${id}/revoke`)).status,
    ).toBe(200);
    expectScimError(await scim(CEGEP, token, 'GET', '/Users'), 401);
    expect(
      (await admin.request('POST', `/tenants/${cegepId}/scim-tokens/${id}/revoke`)).status,
    ).toBe(404);
    const audit = await f.ctx.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE target_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['scim-token.created', 'scim-token.revoked']);
    const [{ hash }] = (await f.ctx.dataSource.query<{ hash: string }[]>(
      `SELECT encode(token_hash, 'hex') AS hash FROM scim_tokens WHERE id = $1`,
      [id],
    )) as [{ hash: string }];
    expect(hash).toHaveLength(64);
    expect(hash).not.toContain(token);
  });

  it('failed bearer attempts are limited per tenant and address: 429 after 20, even with a good token, while other addresses go on', async () => {
    const ip = nextIp();
    for (let i = 0; i < 20; i += 1)
      expectScimError(
        await scim(CEGEP, `gscim_${'B'.repeat(43)}`, 'GET', '/Users', undefined, {
          'x-forwarded-for': ip,
        }),
        401,
      );
    const blocked = await scim(CEGEP, f.cegepToken, 'GET', '/Users', undefined, {
      'x-forwarded-for': ip,
    });
    expectScimError(blocked, 429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await scim(CEGEP, f.cegepToken, 'GET', '/Users', undefined, { 'x-forwarded-for': nextIp() }))
        .status,
    ).toBe(200);
    // The Montérégie's provisioning from the same address is not blocked by the Cégep's failures.
    expect(
      (
        await scim(MONTEREGIE, f.monteregieToken, 'GET', '/Users', undefined, {
          'x-forwarded-for': ip,
        })
      ).status,
    ).toBe(200);
  });

  it('a leaver (DELETE, or PATCH active false) cannot sign in, loses access and refresh tokens, and gets no email — the replies stay those of anyone', async () => {
    for (const how of ['delete', 'patch'] as const) {
      const user = await createUser(f.ctx, 'cegepdeseptiles');
      const login = await portalLogin(f.ctx, CEGEP, user, 'all', { 'x-forwarded-for': nextIp() });
      expect(login.status).toBe(200);
      const { accessToken } = login.json<{ accessToken: string }>();
      const me = () =>
        f.ctx.request(CEGEP, {
          path: '/api/v1/me',
          headers: { authorization: `Bearer ${accessToken}` },
        });
      const refresh = () =>
        f.ctx.request(CEGEP, {
          method: 'POST',
          path: '/api/v1/auth/refresh',
          headers: { cookie: cookieHeader(login) },
        });
      expect((await me()).status).toBe(200);

      const res =
        how === 'delete'
          ? await cegep('DELETE', `/Users/${user.id}`)
          : await cegep('PATCH', `/Users/${user.id}`, {
              schemas: [PATCH_OP],
              Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
            });
      expect(res.status).toBe(how === 'delete' ? 204 : 200);
      expect((await me()).status).toBe(401);
      expect((await refresh()).status).toBe(401);
      const again = await portalLogin(f.ctx, CEGEP, user, 'none', { 'x-forwarded-for': nextIp() });
      const wrong = await f.ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { username: 'nobody-here', password: user.password, remember: 'none' },
        headers: { 'x-forwarded-for': nextIp() },
      });
      expect(again.status).toBe(401);
      expect(again.body).toBe(wrong.body);

      const forgot = await f.ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/password/forgot',
        body: { username: user.username },
        headers: { 'x-forwarded-for': nextIp() },
      });
      const unknown = await f.ctx.request(CEGEP, {
        method: 'POST',
        path: '/api/v1/password/forgot',
        body: { username: 'nobody-here' },
        headers: { 'x-forwarded-for': nextIp() },
      });
      expect(forgot.status).toBe(202);
      expect(forgot.body).toBe(unknown.body);
      // Worked once every handed-off request row is gone: then nothing was written for the leaver.
      await waitFor(
        () => f.ctx.dataSource.query<unknown[]>('SELECT 1 FROM account_requests'),
        (rows) => rows.length === 0,
      );
      expect(await f.ctx.dataSource.query('SELECT 1 FROM account_requests')).toEqual([]);
      expect(await outboxRows(f.ctx, { userId: user.id })).toEqual([]);
      const sessions = await f.ctx.dataSource.query<{ revoked: boolean }[]>(
        'SELECT revoked_at IS NOT NULL AS revoked FROM refresh_sessions WHERE user_id = $1',
        [user.id],
      );
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.every((s) => s.revoked)).toBe(true);
    }
  });
});

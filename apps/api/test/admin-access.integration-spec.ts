import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AdminAccountView,
  AdminLoginResponse,
  AdminView,
  TenantSummary,
  TotpEnabledResponse,
  TotpSetupResponse,
} from '@guichet/types';
import { generate } from 'otplib';
import { createUser, portalLogin } from './factories/users.js';
import {
  type AdminClient,
  adminClient,
  auditRows,
  createTenantAdmin,
  signIn,
  startAdminSuite,
} from './support/admin.js';
import { ADMIN, ADMIN_HOST, CEGEP, type TestContext } from './support/test-app.js';

const NOT_FOUND = { error: 'not_found', message: 'No tenant has this id.' };

describe('admin API: sign-in, second factor, admin accounts, and who may touch which tenant', () => {
  let ctx: TestContext;
  let platform: AdminClient;
  let cegep: string;
  let monteregie: string;

  // The API believes X-Forwarded-For from the test (a trusted proxy): the per-address limit is
  // tried from addresses of its own. A stand-in admin app is served on the admin host.
  beforeAll(async () => {
    const adminDist = mkdtempSync(join(tmpdir(), 'guichet-admin-dist-'));
    writeFileSync(join(adminDist, 'index.html'), '<!doctype html><title>Guichet</title>');
    ({ ctx, platform, cegep, monteregie } = await startAdminSuite({
      TRUSTED_PROXIES: '127.0.0.1',
      ADMIN_DIST_DIR: adminDist,
    }));
  });
  afterAll(() => ctx.close());

  const login = (body: unknown, ip?: string) =>
    ctx.request(ADMIN_HOST, {
      method: 'POST',
      path: '/api/v1/admin/auth/login',
      body,
      headers: ip ? { 'x-forwarded-for': ip } : {},
    });

  it('signs in with email and password: a bearer token of the admin audience and the admin; the same 401 for every failure', async () => {
    const res = await login({ email: ADMIN.email.toUpperCase(), password: ADMIN.password });
    expect(res.status).toBe(200);
    const body = res.json<AdminLoginResponse>();
    expect(body.token).toBe(body.accessToken);
    expect(body.admin).toEqual({
      id: expect.any(String),
      email: ADMIN.email,
      role: 'platform-admin',
      tenantIds: [],
      totpEnabled: false,
    });
    expect((await adminClient(ctx, body.token).get('/me')).json<AdminView>()).toEqual(body.admin);

    const wrong = await login({ email: ADMIN.email, password: 'not the password' });
    const unknown = await login({ email: 'nobody@guichet.test', password: 'whatever it is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json()).toEqual({
      error: 'invalid_credentials',
      message: 'Incorrect email or password.',
    });
    expect(unknown.json()).toEqual(wrong.json());
    expect((await login({ email: 'not an email', password: 'x' })).status).toBe(400);
    expect((await auditRows(ctx, null, 'admin.login.succeeded')).length).toBeGreaterThan(0);
  });

  it('locks an account after 5 failures (the right password then fails the same way) until a platform admin enables it again', async () => {
    const created = await platform.request('POST', '/admins', {
      email: 'Lock.Me@guichet.test',
      password: 'a long admin password',
      role: 'tenant-admin',
      tenantIds: [cegep],
    });
    expect(created.status).toBe(201);
    const account = created.json<AdminAccountView>();
    expect(account).toMatchObject({
      email: 'lock.me@guichet.test',
      role: 'tenant-admin',
      tenantIds: [cegep],
      status: 'active',
      totpEnabled: false,
      lockedUntil: null,
    });
    for (let i = 0; i < 5; i += 1)
      expect((await login({ email: 'lock.me@guichet.test', password: `wrong ${i}` })).status).toBe(
        401,
      );
    const locked = await login({
      email: 'lock.me@guichet.test',
      password: 'a long admin password',
    });
    expect(locked.status).toBe(401);
    expect(locked.json()).toEqual({
      error: 'invalid_credentials',
      message: 'Incorrect email or password.',
    });
    expect(
      (await auditRows(ctx, null, 'admin.locked')).some((e) => e.targetId === account.id),
    ).toBe(true);
    const listed = (await platform.get('/admins'))
      .json<AdminAccountView[]>()
      .find((a) => a.id === account.id)!;
    expect(listed.lockedUntil).not.toBeNull();

    expect(
      (await platform.request('PATCH', `/admins/${account.id}`, { disabled: false })).status,
    ).toBe(200);
    expect(
      (await login({ email: 'lock.me@guichet.test', password: 'a long admin password' })).status,
    ).toBe(200);
  });

  it('answers 429 with Retry-After to an address over its limit of failed admin sign-ins (unknown emails too), audited once in the platform log', async () => {
    const ip = '203.0.113.80';
    // Password spraying: one guess for each of 20 addresses, in parallel (counted exactly).
    const sprayed = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        login({ email: `guess-${i}@guichet.test`, password: 'Printemps2024!' }, ip),
      ),
    );
    expect(sprayed.map((r) => r.status)).toEqual(Array(20).fill(401));
    const limited = await login({ email: 'guess-21@guichet.test', password: 'Printemps2024!' }, ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(limited.json()).toMatchObject({ error: 'too_many_requests' });
    // Even the right password is refused from that address, before any hashing; another address signs in.
    expect((await login(ADMIN, ip)).status).toBe(429);
    expect((await login(ADMIN, '203.0.113.81')).status).toBe(200);
    // The portals keep their own budget: a member of staff behind that address still signs in.
    const user = await createUser(ctx, 'cegepdeseptiles');
    const portal = await portalLogin(ctx, CEGEP, user, 'none', { 'x-forwarded-for': ip });
    expect(portal.status).toBe(200);

    const events = await ctx.dataSource.query<
      { tenantId: string | null; actorType: string; after: unknown }[]
    >(
      `SELECT tenant_id AS "tenantId", actor_type AS "actorType", after FROM audit_events WHERE action = 'security.rate_limited' AND ip = $1`,
      [ip],
    );
    expect(events).toEqual([
      { tenantId: null, actorType: 'anonymous', after: { limit: 'admin-login-ip' } },
    ]);
    expect(
      (
        await ctx.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'admin.login.failed' AND ip = $1`,
          [ip],
        )
      )[0]!.n,
    ).toBe(20);
  });

  it("sets another admin's password (platform admins): the admin floor (12 characters, not common, not the email), a lockout lifted, audited without the password", async () => {
    const email = 'desk.agent@guichet.test';
    const created = (
      await platform.request('POST', '/admins', {
        email,
        password: 'first long admin password',
        role: 'tenant-admin',
        tenantIds: [cegep],
      })
    ).json<AdminAccountView>();
    // Locked out (from an address of its own: the shared test address keeps its budget).
    for (let i = 0; i < 5; i += 1)
      expect((await login({ email, password: `wrong guess ${i}` }, '198.51.100.90')).status).toBe(
        401,
      );
    expect(
      (await platform.get('/admins')).json<AdminAccountView[]>().find((a) => a.id === created.id)!
        .lockedUntil,
    ).not.toBeNull();

    const refused = async (password: string) => {
      const res = await platform.request(
        'PATCH',
        `/admins/${created.id}`,
        { password },
        { 'accept-language': 'fr' },
      );
      expect([password, res.status]).toEqual([password, 400]);
      return res
        .json<{ error: string; fields: { password: string[] } }>()
        .fields.password.join(' ');
    };
    expect(await refused('too short')).toMatch(/12/);
    expect(await refused('motdepasse123')).toMatch(/courant|fréquent|connu/i);
    expect(await refused('Desk.Agent is my password')).toMatch(/utilisateur/i);
    expect(
      (
        await platform.request('PATCH', `/admins/${created.id}`, { password: 'password1234' })
      ).json(),
    ).toMatchObject({ error: 'invalid_body', fields: { password: [expect.any(String)] } });
    expect(
      (
        await platform.request('PATCH', '/admins/00000000-0000-4000-8000-000000000000', {
          password: 'a brand new admin passphrase',
        })
      ).status,
    ).toBe(404);

    const set = await platform.request('PATCH', `/admins/${created.id}`, {
      password: 'a brand new admin passphrase',
    });
    expect(set.status).toBe(200);
    expect(set.json<AdminAccountView>()).toMatchObject({
      id: created.id,
      status: 'active',
      lockedUntil: null,
    });
    expect((await login({ email, password: 'first long admin password' })).status).toBe(401);
    expect((await login({ email, password: 'a brand new admin passphrase' })).status).toBe(200);
    // Creating an account goes through the same floor.
    expect(
      (
        await platform.request('POST', '/admins', {
          email: 'weak@guichet.test',
          password: 'motdepasse123',
          role: 'platform-admin',
        })
      ).status,
    ).toBe(400);

    const events = (await auditRows(ctx, null, 'admin.updated')).filter(
      (e) => e.targetId === created.id,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: 'admin',
      after: { email, passwordChanged: true },
    });
    expect(JSON.stringify(await auditRows(ctx, null))).not.toMatch(
      /brand new admin passphrase|motdepasse123|argon2/,
    );
  });

  it('sets up, enables and requires a TOTP second factor; a code is used once; turning it off takes a current code', async () => {
    await platform.request('POST', '/admins', {
      email: 'totp@guichet.test',
      password: 'another long password',
      role: 'platform-admin',
    });
    const admin = await signIn(ctx, {
      email: 'totp@guichet.test',
      password: 'another long password',
    });
    const setup = await admin.request('POST', '/me/totp/setup');
    expect(setup.status).toBe(200);
    const { secret, otpauthUrl } = setup.json<TotpSetupResponse>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Guichet:totp%40guichet\.test\?.*secret=/);
    // Not active until confirmed.
    expect(
      (await login({ email: 'totp@guichet.test', password: 'another long password' })).status,
    ).toBe(200);

    expect(
      (
        await admin.request('POST', '/me/totp/enable', {
          code: '000000' === (await generate({ secret })) ? '111111' : '000000',
        })
      ).status,
    ).toBe(400);
    expect((await admin.request('POST', '/me/totp/enable', { code: 'abc' })).json()).toMatchObject({
      error: 'invalid_body',
      fields: { code: expect.any(Array) },
    });
    // Confirmed with the previous step's code (one step of drift is allowed), which is then used.
    const enablingCode = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    const enabled = await admin.request('POST', '/me/totp/enable', { code: enablingCode });
    expect(enabled.status).toBe(200);
    const renewed = enabled.json<TotpEnabledResponse>();
    expect(renewed.totpEnabled).toBe(true);
    // The token signed in without the second factor has ended; this session goes on with the new one.
    expect((await admin.get('/me')).status).toBe(401);
    expect(
      (await adminClient(ctx, renewed.accessToken).request('POST', '/me/totp/setup')).status,
    ).toBe(409);

    const missing = await login({ email: 'totp@guichet.test', password: 'another long password' });
    expect(missing.status).toBe(401);
    expect(missing.json()).toMatchObject({ error: 'totp_required' });
    const wrongCode = await login({
      email: 'totp@guichet.test',
      password: 'another long password',
      totpCode: '123456' === (await generate({ secret })) ? '654321' : '123456',
    });
    expect(wrongCode.json()).toMatchObject({ error: 'totp_required' });
    // A wrong password with a right code is a plain failure: the code field tells nothing.
    expect(
      (
        await login({
          email: 'totp@guichet.test',
          password: 'wrong password',
          totpCode: await generate({ secret }),
        })
      ).json(),
    ).toMatchObject({ error: 'invalid_credentials' });
    // The code that turned it on does not sign in.
    expect(
      (
        await login({
          email: 'totp@guichet.test',
          password: 'another long password',
          totpCode: enablingCode,
        })
      ).status,
    ).toBe(401);

    const code = await generate({ secret });
    const ok = await login({
      email: 'totp@guichet.test',
      password: 'another long password',
      totpCode: code,
    });
    expect(ok.status).toBe(200);
    expect(ok.json<AdminLoginResponse>().admin.totpEnabled).toBe(true);
    // The same code again (a replay) is refused.
    expect(
      (
        await login({
          email: 'totp@guichet.test',
          password: 'another long password',
          totpCode: code,
        })
      ).status,
    ).toBe(401);

    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const fresh = adminClient(ctx, ok.json<AdminLoginResponse>().token);
    expect((await fresh.request('POST', '/me/totp/disable', { code })).status).toBe(400);
    const disabled = await fresh.request('POST', '/me/totp/disable', { code: next });
    expect(disabled.status).toBe(200);
    expect(disabled.json<AdminView>().totpEnabled).toBe(false);
    expect(
      (await login({ email: 'totp@guichet.test', password: 'another long password' })).status,
    ).toBe(200);
    const events = await auditRows(ctx, null);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['admin.totp.enabled', 'admin.totp.disabled']),
    );
    // The secret is stored encrypted, never in the audit log.
    expect(JSON.stringify(events)).not.toContain(secret);
    const [row] = await ctx.dataSource.query<{ c: string | null }[]>(
      `SELECT totp_secret_ciphertext AS c FROM admin_accounts WHERE email = 'totp@guichet.test'`,
    );
    expect(row!.c).toBeNull();
  });

  it('refuses admin tokens on portals, portal tokens on the admin API, and the admin API on portal hosts', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', {
      username: 'portaluser',
      password: 'Portal-password-42',
    });
    const portal = await portalLogin(ctx, CEGEP, user);
    expect(portal.status).toBe(200);
    const portalToken = portal.json<{ accessToken: string }>().accessToken;
    expect((await adminClient(ctx, portalToken).get('/me')).status).toBe(401);
    expect((await adminClient(ctx, portalToken).get(`/tenants/${cegep}`)).status).toBe(401);
    expect(
      (
        await ctx.request(CEGEP, {
          path: '/api/v1/me',
          headers: { authorization: `Bearer ${platform.token}` },
        })
      ).status,
    ).toBe(401);
    const onPortal = await ctx.request(CEGEP, {
      path: `/api/v1/admin/tenants/${cegep}`,
      headers: { authorization: `Bearer ${platform.token}` },
    });
    expect(onPortal.status).toBe(404);
    expect(onPortal.body).not.toContain('settings');
    expect((await ctx.request(ADMIN_HOST, { path: '/api/v1/admin/tenants' })).status).toBe(401);
  });

  it('manages admin accounts (platform admins only): validation, duplicates, role and tenant changes effective at once, no self-lockout, audited', async () => {
    const bad = await platform.request('POST', '/admins', {
      email: 'x@guichet.test',
      password: 'short',
      role: 'tenant-admin',
      tenantIds: [],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json<{ fields: Record<string, string[]> }>().fields).sort()).toEqual([
      'password',
      'tenantIds',
    ]);
    const unknownTenant = await platform.request('POST', '/admins', {
      email: 'x@guichet.test',
      password: 'a long admin password',
      role: 'tenant-admin',
      tenantIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownTenant.status).toBe(400);
    expect(unknownTenant.json()).toMatchObject({ fields: { tenantIds: expect.any(Array) } });

    const created = (
      await platform.request('POST', '/admins', {
        email: 'it@cisss.test',
        password: 'a long admin password',
        role: 'tenant-admin',
        tenantIds: [monteregie],
      })
    ).json<AdminAccountView>();
    expect(
      (
        await platform.request('POST', '/admins', {
          email: 'IT@cisss.test',
          password: 'a long admin password',
          role: 'platform-admin',
        })
      ).status,
    ).toBe(409);
    const tenantAdmin = await signIn(ctx, {
      email: 'it@cisss.test',
      password: 'a long admin password',
    });
    expect((await tenantAdmin.get('/tenants')).json<TenantSummary[]>().map((t) => t.slug)).toEqual([
      'monteregie',
    ]);
    for (const [method, path, body] of [
      ['GET', '/admins', undefined],
      [
        'POST',
        '/admins',
        { email: 'y@guichet.test', password: 'a long admin password', role: 'platform-admin' },
      ],
      ['PATCH', `/admins/${created.id}`, { role: 'platform-admin' }],
      ['POST', '/tenants', { slug: 'sneaky', name: 'Sneaky' }],
      ['GET', '/audit', undefined],
      ['GET', '/audit.csv', undefined],
    ] as const) {
      const res = await tenantAdmin.request(method, path, body);
      expect([path, res.status]).toEqual([path, 403]);
    }

    // A grant added now is effective on the token already issued; a withdrawn one too.
    expect((await tenantAdmin.get(`/tenants/${cegep}`)).status).toBe(404);
    const granted = await platform.request('PATCH', `/admins/${created.id}`, {
      tenantIds: [monteregie, cegep],
    });
    expect(granted.json<AdminAccountView>().tenantIds.sort()).toEqual([cegep, monteregie].sort());
    expect((await tenantAdmin.get(`/tenants/${cegep}`)).status).toBe(200);
    await platform.request('PATCH', `/admins/${created.id}`, { tenantIds: [monteregie] });
    expect((await tenantAdmin.get(`/tenants/${cegep}`)).status).toBe(404);
    // Disabled: the token stops working at once.
    expect(
      (
        await platform.request('PATCH', `/admins/${created.id}`, { disabled: true })
      ).json<AdminAccountView>().status,
    ).toBe('disabled');
    expect((await tenantAdmin.get('/me')).status).toBe(401);
    expect(
      (await login({ email: 'it@cisss.test', password: 'a long admin password' })).status,
    ).toBe(401);
    await platform.request('PATCH', `/admins/${created.id}`, { disabled: false });

    const me = (await platform.get('/me')).json<AdminView>();
    expect((await platform.request('PATCH', `/admins/${me.id}`, { disabled: true })).status).toBe(
      409,
    );
    expect(
      (
        await platform.request('PATCH', `/admins/${me.id}`, {
          role: 'tenant-admin',
          tenantIds: [cegep],
        })
      ).status,
    ).toBe(409);
    expect((await platform.request('PATCH', '/admins/not-a-uuid', { disabled: true })).status).toBe(
      404,
    );
    expect((await platform.request('PATCH', `/admins/${created.id}`, {})).status).toBe(400);

    const updates = (await auditRows(ctx, null, 'admin.updated')).filter(
      (e) => e.targetId === created.id,
    );
    expect(updates[0]).toMatchObject({
      actorType: 'admin',
      actorId: me.id,
      before: { tenantIds: [monteregie] },
      after: { tenantIds: [cegep, monteregie].sort() },
    });
    expect(JSON.stringify(await auditRows(ctx, null))).not.toMatch(/argon2|a long admin password/);
    const platformAudit = await platform.get('/audit?action=admin.created');
    expect(platformAudit.status).toBe(200);
    expect(
      platformAudit
        .json<{ items: { action: string; actor: { label: string } }[] }>()
        .items.every((e) => e.action === 'admin.created' && e.actor.label === ADMIN.email),
    ).toBe(true);
  });

  it('a tenant admin gets the 404 of a missing tenant for every endpoint of another tenant, and changes nothing there', async () => {
    const adminId = await createTenantAdmin(ctx, 'desk@cisss.test', 'montérégie admin password', [
      monteregie,
    ]);
    const tenantAdmin = await signIn(ctx, {
      email: 'desk@cisss.test',
      password: 'montérégie admin password',
    });
    const user = await createUser(ctx, 'cegepdeseptiles', {
      username: 'cegepvictim',
      email: 'victim@cegepsi.ca',
    });
    const [delivery] = await ctx.dataSource.query<{ id: string }[]>(
      `INSERT INTO email_deliveries (tenant_id, kind, recipient, payload, status, attempts, last_error)
       VALUES ($1, 'test-email', 'victim@cegepsi.ca', $2::jsonb, 'failed', 10, 'SMTP 451') RETURNING id`,
      [
        cegep,
        JSON.stringify({
          kind: 'test-email',
          tenantId: cegep,
          version: 1,
          recipient: { email: 'victim@cegepsi.ca', name: '' },
          locale: 'fr',
          data: { requestedBy: 'x' },
        }),
      ],
    );
    const template = { subject: 'Hijacked', html: '<p>Hijacked</p>', text: 'Hijacked' };
    const endpoints = (t: string): [string, string, unknown?, Record<string, string>?][] => [
      ['GET', `/tenants/${t}`],
      ['PATCH', `/tenants/${t}`, { name: 'Hijacked' }],
      ['POST', `/tenants/${t}/hosts`, { hostName: 'hijacked.example.org' }],
      ['DELETE', `/tenants/${t}/hosts/cegepdeseptiles.localhost`],
      [
        'PATCH',
        `/tenants/${t}/settings`,
        {
          branding: {
            primaryColor: '#000000',
            accentColor: '#000000',
            logoUrl: null,
            faviconUrl: null,
          },
        },
      ],
      [
        'POST',
        `/tenants/${t}/username-rule/test`,
        { names: [{ lastName: 'Tremblay', firstName: 'Jean' }] },
      ],
      ['POST', `/tenants/${t}/password-policy/test`, { password: 'secret' }],
      ['GET', `/tenants/${t}/smtp`],
      [
        'PUT',
        `/tenants/${t}/smtp`,
        { host: 'smtp.evil.example', port: 25, secure: false, password: 'x' },
      ],
      ['DELETE', `/tenants/${t}/smtp`],
      [
        'PUT',
        `/tenants/${t}/branding/logo`,
        '<svg xmlns="http://www.w3.org/2000/svg"/>',
        { 'content-type': 'image/svg+xml' },
      ],
      ['GET', `/tenants/${t}/branding/logo`],
      ['DELETE', `/tenants/${t}/branding/favicon`],
      ['POST', `/tenants/${t}/smtp/test`, { locale: 'fr' }],
      ['GET', `/tenants/${t}/templates`],
      ['GET', `/tenants/${t}/templates/password-reset/fr`],
      ['PUT', `/tenants/${t}/templates/password-reset/fr`, template],
      ['DELETE', `/tenants/${t}/templates/password-reset/fr`],
      ['POST', `/tenants/${t}/templates/password-reset/fr/preview`, template],
      [
        'POST',
        `/tenants/${t}/users/import`,
        'lastName,firstName,email\nPirate,Jack,jack@evil.example\n',
        { 'content-type': 'text/csv' },
      ],
      ['GET', `/tenants/${t}/users`],
      ['GET', `/tenants/${t}/users/${user.id}`],
      ['POST', `/tenants/${t}/users/${user.id}/disable`],
      ['POST', `/tenants/${t}/users/${user.id}/enable`],
      ['POST', `/tenants/${t}/users/${user.id}/unlock`],
      ['POST', `/tenants/${t}/users/${user.id}/send-reset`],
      ['GET', `/tenants/${t}/deliveries`],
      ['POST', `/tenants/${t}/deliveries/${delivery!.id}/retry`],
      ['GET', `/tenants/${t}/audit`],
      ['GET', `/tenants/${t}/audit.csv`],
    ];
    const state = async () =>
      JSON.stringify(
        await ctx.dataSource.query(
          `SELECT (SELECT row_to_json(t) FROM tenants t WHERE id = $1) AS tenant, (SELECT row_to_json(s) FROM tenant_settings s WHERE tenant_id = $1) AS settings,
                  (SELECT json_agg(h.host_name ORDER BY h.host_name) FROM tenant_hosts h WHERE tenant_id = $1) AS hosts,
                  (SELECT count(*) FROM email_templates WHERE tenant_id = $1) AS templates, (SELECT json_agg(row_to_json(u) ORDER BY u.id) FROM users u WHERE tenant_id = $1) AS users,
                  (SELECT json_agg(row_to_json(d) ORDER BY d.id) FROM email_deliveries d WHERE tenant_id = $1) AS deliveries, (SELECT count(*) FROM audit_events WHERE tenant_id = $1) AS audit`,
          [cegep],
        ),
      );
    const before = await state();
    for (const [method, path, body, headers] of endpoints(cegep)) {
      const res = await tenantAdmin.request(method, path, body, headers);
      expect([method, path, res.status, res.json()]).toEqual([method, path, 404, NOT_FOUND]);
      expect(res.body).not.toMatch(/cegep|Sept-Îles|victim/i);
    }
    // A tenant that does not exist answers exactly the same, to every admin.
    for (const [method, path, body, headers] of endpoints('00000000-0000-4000-8000-000000000000')) {
      const res = await platform.request(method, path, body, headers);
      expect([method, path, res.status, res.json()]).toEqual([method, path, 404, NOT_FOUND]);
    }
    expect(await state()).toBe(before);

    // On its own tenant the same admin reads and changes, except what is for platform admins;
    // the Cégep account and delivery, named through the Montérégie routes, are still not found.
    const own = endpoints(monteregie);
    const statuses: string[] = [];
    for (const [method, path, body, headers] of own) {
      const res = await tenantAdmin.request(method, path, body, headers);
      statuses.push(
        `${method} ${path.replace(monteregie, 'M')} ${res.status}${res.status === 404 ? ` ${res.json<{ message: string }>().message}` : ''}`,
      );
    }
    const uid = user.id;
    const did = delivery!.id;
    expect(statuses).toEqual([
      'GET /tenants/M 200',
      'PATCH /tenants/M 403',
      'POST /tenants/M/hosts 403',
      'DELETE /tenants/M/hosts/cegepdeseptiles.localhost 403',
      'PATCH /tenants/M/settings 200',
      'POST /tenants/M/username-rule/test 200',
      'POST /tenants/M/password-policy/test 200',
      'GET /tenants/M/smtp 200',
      'PUT /tenants/M/smtp 200',
      'DELETE /tenants/M/smtp 200',
      'PUT /tenants/M/branding/logo 200',
      'GET /tenants/M/branding/logo 200',
      'DELETE /tenants/M/branding/favicon 204',
      'POST /tenants/M/smtp/test 202',
      'GET /tenants/M/templates 200',
      'GET /tenants/M/templates/password-reset/fr 200',
      'PUT /tenants/M/templates/password-reset/fr 200',
      'DELETE /tenants/M/templates/password-reset/fr 200',
      'POST /tenants/M/templates/password-reset/fr/preview 200',
      'POST /tenants/M/users/import 200',
      'GET /tenants/M/users 200',
      ...['', '/disable', '/enable', '/unlock', '/send-reset'].map(
        (a) =>
          `${a ? 'POST' : 'GET'} /tenants/M/users/${uid}${a} 404 This tenant has no account with this id.`,
      ),
      'GET /tenants/M/deliveries 200',
      `POST /tenants/M/deliveries/${did}/retry 404 This tenant has no email delivery with this id.`,
      'GET /tenants/M/audit 200',
      'GET /tenants/M/audit.csv 200',
    ]);
    expect(await state()).toBe(before);
    expect(
      (await auditRows(ctx, monteregie)).some(
        (e) => e.actorId === adminId && e.action === 'settings.updated',
      ),
    ).toBe(true);
  });

  it('serves the admin app with a CSP that lets it frame the portals on *.{BASE_DOMAIN} (the live preview of /login), nothing else, and never be framed', async () => {
    const page = await ctx.request(ADMIN_HOST, { path: '/' });
    expect(page.status).toBe(200);
    const directives = Object.fromEntries(
      String(page.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'frame-src': 'http://*.localhost:3000',
      'frame-ancestors': "'none'",
    });
  });

  it('documents every admin endpoint in the OpenAPI document, tagged admin, with bearer auth', async () => {
    const doc = (await ctx.request(CEGEP, { path: '/api/docs/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>>;
    }>();
    const admin = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/v1/admin/'));
    const operations = admin.flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        route: `${method.toUpperCase()} ${path}`,
        ...op,
      })),
    );
    expect(operations.map((o) => o.route)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/admin/auth/login',
        'GET /api/v1/admin/me',
        'POST /api/v1/admin/me/totp/setup',
        'POST /api/v1/admin/me/totp/enable',
        'POST /api/v1/admin/me/totp/disable',
        'GET /api/v1/admin/admins',
        'POST /api/v1/admin/admins',
        'PATCH /api/v1/admin/admins/{adminId}',
        'GET /api/v1/admin/tenants',
        'POST /api/v1/admin/tenants',
        'GET /api/v1/admin/tenants/{tenantId}',
        'PATCH /api/v1/admin/tenants/{tenantId}',
        'POST /api/v1/admin/tenants/{tenantId}/hosts',
        'DELETE /api/v1/admin/tenants/{tenantId}/hosts/{hostName}',
        'PATCH /api/v1/admin/tenants/{tenantId}/settings',
        'POST /api/v1/admin/tenants/{tenantId}/username-rule/test',
        'POST /api/v1/admin/tenants/{tenantId}/password-policy/test',
        'GET /api/v1/admin/tenants/{tenantId}/smtp',
        'PUT /api/v1/admin/tenants/{tenantId}/smtp',
        'DELETE /api/v1/admin/tenants/{tenantId}/smtp',
        'POST /api/v1/admin/tenants/{tenantId}/smtp/test',
        'GET /api/v1/admin/tenants/{tenantId}/templates',
        'GET /api/v1/admin/tenants/{tenantId}/templates/{kind}/{locale}',
        'PUT /api/v1/admin/tenants/{tenantId}/templates/{kind}/{locale}',
        'DELETE /api/v1/admin/tenants/{tenantId}/templates/{kind}/{locale}',
        'POST /api/v1/admin/tenants/{tenantId}/templates/{kind}/{locale}/preview',
        'POST /api/v1/admin/tenants/{tenantId}/users/import',
        'GET /api/v1/admin/tenants/{tenantId}/users',
        'GET /api/v1/admin/tenants/{tenantId}/users/{userId}',
        'POST /api/v1/admin/tenants/{tenantId}/users/{userId}/disable',
        'POST /api/v1/admin/tenants/{tenantId}/users/{userId}/enable',
        'POST /api/v1/admin/tenants/{tenantId}/users/{userId}/unlock',
        'POST /api/v1/admin/tenants/{tenantId}/users/{userId}/send-reset',
        'GET /api/v1/admin/tenants/{tenantId}/deliveries',
        'POST /api/v1/admin/tenants/{tenantId}/deliveries/{deliveryId}/retry',
        'GET /api/v1/admin/tenants/{tenantId}/audit',
        'GET /api/v1/admin/tenants/{tenantId}/audit.csv',
        'GET /api/v1/admin/audit',
        'GET /api/v1/admin/audit.csv',
      ]),
    );
    for (const op of operations) {
      expect([op.route, op.tags]).toEqual([op.route, ['admin']]);
      if (op.route !== 'POST /api/v1/admin/auth/login')
        expect([op.route, op.security]).toEqual([op.route, [{ bearer: [] }]]);
    }
  });
});

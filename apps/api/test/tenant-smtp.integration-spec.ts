import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SmtpSettingsView } from '@guichet/types';
import {
  type AdminClient,
  auditRows,
  CEGEP_ADMIN,
  signInCegepAdmin,
  startAdminSuite,
} from './support/admin.js';
import { outboxRows } from './support/outbox.js';
import type { TestContext } from './support/test-app.js';

/** A tenant's own SMTP server is reached from inside the platform: what a tenant admin may point it at. */
describe('admin API: where a tenant SMTP server may be, its password, its test email', () => {
  let ctx: TestContext;
  let platform: AdminClient;
  let cegepAdmin: AdminClient;
  let cegep: string;

  beforeAll(async () => {
    // The harness lists 127.0.0.1 (the tests' SMTP sink) in SMTP_ALLOWED_HOSTS, not the name localhost.
    const suite = await startAdminSuite();
    ({ ctx, platform, cegep } = suite);
    cegepAdmin = await signInCegepAdmin(suite);
  });
  afterAll(() => ctx.close());

  const stored = async () =>
    (
      await ctx.dataSource.query<
        { smtp: { host: string; user: string | null; passwordCiphertext: string | null } | null }[]
      >('SELECT smtp FROM tenant_settings WHERE tenant_id = $1', [cegep])
    )[0]!.smtp;

  it.each([
    ['localhost', 25, /local or internal name/],
    ['LocalHost.', 587, /local or internal name/],
    ['mail.localhost', 25, /local or internal name/],
    ['metadata.google.internal', 25, /local or internal name/],
    ['[::1]', 587, /loopback/],
    ['::1', 25, /loopback/],
    ['127.0.0.2', 25, /loopback/],
    // Not an IP literal: a name getaddrinfo resolves to 127.0.0.2 (the reply does not tell the address).
    ['127.2', 25, /^The SMTP server may not be on a loopback address \(what 127\.2 resolves to\)/],
    ['169.254.169.254', 25, /metadata/],
    ['fd00:ec2::254', 25, /metadata/],
    ['10.0.0.5', 587, /private/],
    ['192.168.1.10', 25, /private/],
    ['172.20.0.1', 25, /private/],
    ['100.64.1.1', 25, /carrier-grade NAT/],
    ['fd12:3456::1', 25, /unique local/],
    ['::ffff:127.0.0.2', 25, /loopback/],
    ['[::ffff:10.0.0.1]', 25, /private/],
    ['0.0.0.0', 25, /unspecified/],
    ['224.0.0.1', 25, /multicast/],
    ['255.255.255.255', 25, /broadcast/],
    ['smtp.cegepsi.ca', 6379, /not an SMTP port/],
    ['smtp.cegepsi.ca', 5432, /not an SMTP port/],
  ])('refuses %s:%i with a 400 that says why, and stores nothing', async (host, port, reason) => {
    await ctx.dataSource.query('UPDATE tenant_settings SET smtp = NULL WHERE tenant_id = $1', [
      cegep,
    ]);
    const res = await cegepAdmin.request('PUT', `/tenants/${cegep}/smtp`, {
      host,
      port,
      secure: false,
      username: 'x',
      password: 'S3cret-smtp-password',
    });
    expect(res.status).toBe(400);
    expect(
      res.json<{ error: string; message: string; fields: Record<string, string[]> }>(),
    ).toMatchObject({ error: 'smtp_target_refused', message: expect.stringMatching(reason) });
    expect(res.body).not.toMatch(/resolves to \d/);
    expect(await stored()).toBeNull();
  });

  it('refuses the internal ports of a listed address only for hosts the operator did not list', async () => {
    // 127.0.0.1 is in SMTP_ALLOWED_HOSTS: the operator's own sink, any port.
    const listed = await platform.request('PUT', `/tenants/${cegep}/smtp`, {
      host: '127.0.0.1',
      port: 1025,
      secure: false,
    });
    expect(listed.status).toBe(200);
    expect(
      (
        await platform.request('PUT', `/tenants/${cegep}/smtp`, {
          host: 'smtp.cegepsi.ca',
          port: 587,
          secure: false,
        })
      ).status,
    ).toBe(200);
    expect((await platform.request('DELETE', `/tenants/${cegep}/smtp`)).status).toBe(200);
  });

  it('drops the stored password when the host, port or user changes without it, and keeps it otherwise', async () => {
    const put = (body: Record<string, unknown>) =>
      cegepAdmin.request('PUT', `/tenants/${cegep}/smtp`, { secure: false, ...body });
    /** The server and user the password was stored for, the password sent with them. */
    const withPassword = () =>
      put({
        host: 'smtp.cegepsi.ca',
        port: 587,
        username: 'guichet',
        password: 'S3cret-smtp-password',
      });
    const first = await withPassword();
    expect(first.json<SmtpSettingsView>()).toMatchObject({
      host: 'smtp.cegepsi.ca',
      passwordSet: true,
    });

    // Same server, same user (the sender changes): kept.
    expect(
      (await put({ host: 'smtp.cegepsi.ca', port: 587, fromName: 'TI' })).json<SmtpSettingsView>(),
    ).toMatchObject({ username: 'guichet', passwordSet: true });
    expect(
      (
        await put({ host: 'SMTP.cegepsi.ca', port: 587, username: 'guichet', secure: true })
      ).json<SmtpSettingsView>(),
    ).toMatchObject({ passwordSet: true });

    // Another host: the password would go to it. Dropped.
    const moved = await put({ host: 'smtp.attacker.example', port: 587 });
    expect(moved.status).toBe(200);
    expect(moved.json<SmtpSettingsView>()).toMatchObject({
      host: 'smtp.attacker.example',
      username: 'guichet',
      passwordSet: false,
    });
    expect((await stored())!.passwordCiphertext).toBeNull();
    expect((await auditRows(ctx, cegep, 'smtp.updated')).at(-1)).toMatchObject({
      before: { passwordSet: true },
      after: { passwordSet: false, passwordDropped: true },
    });

    // Another port, another user: dropped too; sent again in the same request: kept.
    await withPassword();
    expect(
      (await put({ host: 'smtp.cegepsi.ca', port: 465 })).json<SmtpSettingsView>(),
    ).toMatchObject({ passwordSet: false });
    await withPassword();
    expect(
      (
        await put({ host: 'smtp.cegepsi.ca', port: 587, username: 'other' })
      ).json<SmtpSettingsView>(),
    ).toMatchObject({ username: 'other', passwordSet: false });
    expect(
      (
        await put({
          host: 'smtp2.cegepsi.ca',
          port: 587,
          username: 'other',
          password: 'N3w-password',
        })
      ).json<SmtpSettingsView>(),
    ).toMatchObject({ host: 'smtp2.cegepsi.ca', passwordSet: true });
    await cegepAdmin.request('DELETE', `/tenants/${cegep}/smtp`);
  });

  it('sends the test email only to the signed-in admin, and limits how many', async () => {
    const elsewhere = await cegepAdmin.request('POST', `/tenants/${cegep}/smtp/test`, {
      to: 'someone@evil.example',
    });
    expect(elsewhere.status).toBe(400);
    expect(JSON.stringify(await outboxRows(ctx, { tenantId: cegep }))).not.toContain(
      'evil.example',
    );

    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await cegepAdmin.request('POST', `/tenants/${cegep}/smtp/test`, { locale: 'fr' });
      expect(res.status).toBe(202);
      ids.push(res.json<{ deliveryId: string }>().deliveryId);
    }
    const rows = await outboxRows(ctx, { tenantId: cegep });
    expect(rows.filter((r) => ids.includes(r.id)).map((r) => r.recipient)).toEqual(
      Array(5).fill(CEGEP_ADMIN.email),
    );

    const over = await cegepAdmin.request('POST', `/tenants/${cegep}/smtp/test`);
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
    expect(over.json<{ error: string; message: string }>()).toMatchObject({
      error: 'too_many_requests',
    });
    expect((await outboxRows(ctx, { tenantId: cegep })).length).toBe(rows.length);
    // The limit is the admin's on this tenant: another admin is not held back by it.
    expect((await platform.request('POST', `/tenants/${cegep}/smtp/test`)).status).toBe(202);
  });
});

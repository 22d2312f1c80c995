import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Tenant, TenantHost, TenantSettingsRow } from '@guichet/db';
import type { PublicTenant } from '@guichet/types';
import { waitFor } from './support/outbox.js';
import { CEGEP, createTestContext, MONTEREGIE, type TestContext } from './support/test-app.js';

describe('tenant resolution by host name', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  const getTenant = (host: string, headers: Record<string, string> = {}) =>
    ctx.request(host, { path: '/api/v1/tenant', headers });

  it("serves the Cégep's French texts on its host", async () => {
    const res = await getTenant(CEGEP);
    expect(res.status).toBe(200);
    const body = res.json<PublicTenant>();
    expect(body.slug).toBe('cegepdeseptiles');
    expect(body.name).toBe('Cégep de Sept-Îles');
    expect(body.texts.fr.welcomeTitle).toBe('Bienvenue sur le portail Web du Centre de services');
    expect(body.texts.fr.usernameHint).toBe(
      "Le nom d'utilisateur correspond (sauf exception) aux 3 premières lettres du nom et la première lettre du prénom",
    );
    expect(body.publicUrl).toBe('http://cegepdeseptiles.localhost:3000');
    expect(JSON.stringify(body)).not.toMatch(/senderAddress|smtp|allowedNetworks/);
  });

  it("serves the Montérégie's texts and rules on its host", async () => {
    const body = (await getTenant(MONTEREGIE)).json<PublicTenant>();
    expect(body.slug).toBe('monteregie');
    expect(body.texts.fr.usernameHint).toBe('Entrez votre compte unifié');
    expect(body.passwordPolicy).toMatchObject({
      minLength: 4,
      requireDigit: true,
      requireLetter: true,
    });
    expect(body.usernameRule).toMatchObject({ kind: 'pattern', example: 'gama1234' });
  });

  it.each([
    'CegepDeSeptIles.LOCALHOST:3000',
    'cegepdeseptiles.localhost',
    'cegepdeseptiles.localhost:8443',
    'cegepdeseptiles.localhost.',
  ])('folds case, strips the port and a trailing dot: %s', async (host) => {
    const res = await getTenant(host);
    expect(res.status).toBe(200);
    expect(res.json<PublicTenant>().slug).toBe('cegepdeseptiles');
  });

  it('resolves a custom host name from the table', async () => {
    const tenant = await ctx.dataSource
      .getRepository(Tenant)
      .findOneByOrFail({ slug: 'monteregie' });
    await ctx.dataSource
      .getRepository(TenantHost)
      .insert({ tenantId: tenant.id, hostName: 'portail.santemonteregie.qc.ca', isPrimary: false });
    await ctx.publishTenantChange(tenant.id);
    // The change notice is handled when the host answers; a host that never does fails here.
    const res = await waitFor(
      () => getTenant('Portail.SanteMonteregie.qc.ca'),
      (r) => r.status === 200,
    );
    expect(res.json<PublicTenant>().slug).toBe('monteregie');
  });

  it.each([
    'unknown.localhost:3000',
    'localhost:3000',
    '127.0.0.1:3000',
    'cegepdeseptiles.localhost.evil.com',
    '',
  ])('answers 404 and no data on any other host: %s', async (host) => {
    const json = await getTenant(host);
    expect(json.status).toBe(404);
    expect(json.json()).toEqual({
      error: 'unknown_host',
      message: 'No portal answers on this host name.',
    });
    const html = await ctx.request(host, { path: '/login', headers: { accept: 'text/html' } });
    expect(html.status).toBe(404);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('Portail introuvable');
    expect(html.body).not.toMatch(/Cégep|Montérégie/);
  });

  it('ignores X-Forwarded-Host when no proxy is trusted', async () => {
    const res = await getTenant('unknown.localhost', {
      'x-forwarded-host': 'cegepdeseptiles.localhost',
    });
    expect(res.status).toBe(404);
    const other = await getTenant(CEGEP, {
      'x-forwarded-host': 'monteregie.localhost',
      forwarded: 'host=monteregie.localhost',
    });
    expect(other.json<PublicTenant>().slug).toBe('cegepdeseptiles');
  });

  it('treats admin.{BASE_DOMAIN} as the admin host: no tenant API there, admin API only there', async () => {
    expect((await getTenant('admin.localhost:3000')).status).toBe(404);
    const onAdmin = await ctx.request('admin.localhost:3000', {
      method: 'POST',
      path: '/api/v1/admin/auth/login',
      body: { email: 'x@y.ca', password: 'nope' },
    });
    expect(onAdmin.status).toBe(401);
    const onPortal = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/admin/auth/login',
      body: { email: 'x@y.ca', password: 'nope' },
    });
    expect(onPortal.status).toBe(404);
  });

  it('publishes the OpenAPI document', async () => {
    const res = await ctx.request(CEGEP, { path: '/api/docs/openapi.json' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json<{ paths: object }>().paths)).toContain('/api/v1/tenant');
  });
});

describe('tenant cache invalidation', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('shows a change made through one API instance on another within a second', async () => {
    const other = await ctx.startApi();
    const read = async () =>
      (await ctx.request(CEGEP, { path: '/api/v1/tenant' }, other)).json<PublicTenant>();
    expect((await read()).texts.fr.welcomeTitle).toBe(
      'Bienvenue sur le portail Web du Centre de services',
    );

    const tenant = await ctx.dataSource
      .getRepository(Tenant)
      .findOneByOrFail({ slug: 'cegepdeseptiles' });
    const row = await ctx.dataSource
      .getRepository(TenantSettingsRow)
      .findOneByOrFail({ tenantId: tenant.id });
    row.settings.texts.fr.welcomeTitle = 'Bienvenue au Cégep';
    await ctx.dataSource
      .getRepository(TenantSettingsRow)
      .update({ tenantId: tenant.id }, { settings: row.settings, version: row.version + 1 });
    expect((await read()).texts.fr.welcomeTitle).toBe(
      'Bienvenue sur le portail Web du Centre de services',
    ); // still cached

    const started = Date.now();
    await ctx.publishTenantChange(tenant.id); // what the admin API does after a change
    let seen = '';
    while (Date.now() - started < 1000 && seen !== 'Bienvenue au Cégep') {
      seen = (await read()).texts.fr.welcomeTitle!;
      if (seen !== 'Bienvenue au Cégep') await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen).toBe('Bienvenue au Cégep');
  });
});

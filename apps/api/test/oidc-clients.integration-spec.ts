import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OidcClientCreated, OidcClientView } from '@guichet/types';
import {
  type AdminClient,
  type AdminSuite,
  auditRows,
  signInCegepAdmin,
  startAdminSuite,
} from './support/admin.js';
import { CEGEP } from './support/test-app.js';

describe('admin API: a tenant’s OpenID Connect clients', () => {
  let suite: AdminSuite;
  let cegepAdmin: AdminClient;
  const base = () => `/tenants/${suite.cegep}/oidc-clients`;

  beforeAll(async () => {
    suite = await startAdminSuite();
    cegepAdmin = await signInCegepAdmin(suite);
  });
  afterAll(() => suite?.ctx.close());

  /** Authenticates as the client at the tenant's introspection endpoint: 200 with the right secret, 401 otherwise. */
  const authenticates = async (clientId: string, secret: string) => {
    const res = await suite.ctx.request(CEGEP, {
      method: 'POST',
      path: '/oidc/token/introspection',
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'token=not-a-token',
    });
    return res.status;
  };
  const authorizeWith = (clientId: string, redirectUri: string) =>
    suite.ctx.request(CEGEP, {
      path: `/oidc/auth?${new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid', state: 's', nonce: 'n' })}`,
      headers: { accept: 'text/html' },
    });

  it('registers a confidential client: the secret in that answer only, working, stored hashed; audited without it', async () => {
    const res = await cegepAdmin.request('POST', base(), {
      name: 'Intranet',
      redirectUris: ['https://intranet.cegepsi.ca/cb'],
      firstParty: true,
    });
    expect(res.status).toBe(201);
    const created = res.json<OidcClientCreated>();
    expect(created).toMatchObject({
      name: 'Intranet',
      public: false,
      firstParty: true,
      redirectUris: ['https://intranet.cegepsi.ca/cb'],
      postLogoutRedirectUris: [],
    });
    expect(created.clientSecret).toMatch(/^[\w-]{43}$/);
    expect(await authenticates(created.clientId, created.clientSecret!)).toBe(200);
    expect(await authenticates(created.clientId, `${created.clientSecret!.slice(0, -1)}x`)).toBe(
      401,
    );

    const listed = (await cegepAdmin.get(base())).json<OidcClientView[]>();
    expect(listed.map((c) => c.clientId)).toContain(created.clientId);
    expect(JSON.stringify(listed)).not.toContain(created.clientSecret);
    expect(JSON.stringify(await auditRows(suite.ctx, suite.cegep))).not.toContain(
      created.clientSecret,
    );
    expect(await auditRows(suite.ctx, suite.cegep, 'oidc_client.created')).toEqual([
      expect.objectContaining({ actorType: 'admin', targetId: created.clientId }),
    ]);
  });

  it('rotates a secret (the old one stops working) and refuses to for a public client', async () => {
    const created = (
      await cegepAdmin.request('POST', base(), {
        name: 'Bibliothèque',
        redirectUris: ['https://biblio.cegepsi.ca/cb'],
      })
    ).json<OidcClientCreated>();
    const rotated = await cegepAdmin.request('POST', `${base()}/${created.clientId}/secret`);
    expect(rotated.status).toBe(200);
    const secret = rotated.json<OidcClientCreated>().clientSecret!;
    expect(secret).not.toBe(created.clientSecret);
    expect(await authenticates(created.clientId, created.clientSecret!)).toBe(401);
    expect(await authenticates(created.clientId, secret)).toBe(200);

    const pub = await cegepAdmin.request('POST', base(), {
      name: 'Mobile',
      redirectUris: ['http://127.0.0.1:8400/cb'],
      public: true,
    });
    expect(pub.status).toBe(201);
    expect(pub.json<OidcClientCreated>().clientSecret).toBeUndefined();
    const refused = await cegepAdmin.request(
      'POST',
      `${base()}/${pub.json<OidcClientCreated>().clientId}/secret`,
    );
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'public_client' });
  });

  it('changes redirect URIs: matched exactly by the issuer; http outside localhost and fragments refused with a message', async () => {
    const created = (
      await cegepAdmin.request('POST', base(), {
        name: 'Horaire',
        redirectUris: ['https://horaire.cegepsi.ca/cb'],
      })
    ).json<OidcClientCreated>();
    for (const bad of [
      ['http://horaire.cegepsi.ca/cb'],
      ['https://horaire.cegepsi.ca/cb#x'],
      ['not a url'],
      [],
    ]) {
      const res = await cegepAdmin.request('PATCH', `${base()}/${created.clientId}`, {
        redirectUris: bad,
      });
      expect(res.status).toBe(400);
      expect(res.json<{ message: string }>().message).toBeTruthy();
    }
    const res = await cegepAdmin.request('PATCH', `${base()}/${created.clientId}`, {
      redirectUris: ['https://horaire2.cegepsi.ca/cb'],
      name: 'Horaire 2',
    });
    expect(res.status).toBe(200);
    expect(res.json<OidcClientView>()).toMatchObject({
      name: 'Horaire 2',
      redirectUris: ['https://horaire2.cegepsi.ca/cb'],
    });
    expect((await authorizeWith(created.clientId, 'https://horaire2.cegepsi.ca/cb')).status).toBe(
      303,
    );
    expect((await authorizeWith(created.clientId, 'https://horaire.cegepsi.ca/cb')).status).toBe(
      400,
    );
    expect((await authorizeWith(created.clientId, 'https://horaire2.cegepsi.ca/cb/')).status).toBe(
      400,
    );
    expect(await auditRows(suite.ctx, suite.cegep, 'oidc_client.updated')).toEqual([
      expect.objectContaining({
        targetId: created.clientId,
        before: expect.objectContaining({ name: 'Horaire' }),
        after: expect.objectContaining({ name: 'Horaire 2' }),
      }),
    ]);
  });

  it('takes a back-channel logout URI checked like the redirect URIs, announced in the client’s metadata; PATCH null removes it', async () => {
    for (const bad of [
      'http://moodle.cegepsi.ca/logout',
      'https://moodle.cegepsi.ca/logout#x',
      'not a url',
    ]) {
      const res = await cegepAdmin.request('POST', base(), {
        name: 'Moodle',
        redirectUris: ['https://moodle.cegepsi.ca/cb'],
        backchannelLogoutUri: bad,
      });
      expect(res.status).toBe(400);
      expect(res.json<{ error: string; message: string }>()).toMatchObject({
        error: 'invalid_redirect_uri',
        message: expect.stringContaining(bad),
      });
    }
    const res = await cegepAdmin.request('POST', base(), {
      name: 'Moodle',
      redirectUris: ['https://moodle.cegepsi.ca/cb'],
      backchannelLogoutUri: 'https://moodle.cegepsi.ca/logout',
    });
    expect(res.status).toBe(201);
    const created = res.json<OidcClientCreated>();
    expect(created).toMatchObject({
      backchannelLogoutUri: 'https://moodle.cegepsi.ca/logout',
      lastUsedAt: null,
    });
    expect(
      (
        await cegepAdmin.request('PATCH', `${base()}/${created.clientId}`, {
          backchannelLogoutUri: 'http://evil.example/x',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await cegepAdmin.request('PATCH', `${base()}/${created.clientId}`, { name: 'Moodle 2' })
      ).json<OidcClientView>().backchannelLogoutUri,
    ).toBe('https://moodle.cegepsi.ca/logout');
    const removed = await cegepAdmin.request('PATCH', `${base()}/${created.clientId}`, {
      backchannelLogoutUri: null,
    });
    expect(removed.json<OidcClientView>().backchannelLogoutUri).toBeNull();
    const discovery = (
      await suite.ctx.request(CEGEP, { path: '/.well-known/openid-configuration' })
    ).json<Record<string, unknown>>();
    expect(discovery).toMatchObject({
      backchannel_logout_supported: true,
      backchannel_logout_session_supported: true,
    });
  });

  it('deletes a client: its credentials stop working at the issuer', async () => {
    const created = (
      await cegepAdmin.request('POST', base(), {
        name: 'Ancienne app',
        redirectUris: ['https://old.cegepsi.ca/cb'],
      })
    ).json<OidcClientCreated>();
    expect((await cegepAdmin.request('DELETE', `${base()}/${created.clientId}`)).status).toBe(204);
    expect(await authenticates(created.clientId, created.clientSecret!)).toBe(401);
    expect((await cegepAdmin.get(`${base()}/${created.clientId}`)).status).toBe(404);
    expect((await cegepAdmin.request('DELETE', `${base()}/${created.clientId}`)).status).toBe(404);
    expect(await auditRows(suite.ctx, suite.cegep, 'oidc_client.deleted')).toHaveLength(1);
  });

  it('checks roles like every tenant-scoped endpoint: another tenant is a 404, no token a 401, bad input a 400', async () => {
    const other = `/tenants/${suite.monteregie}/oidc-clients`;
    expect((await cegepAdmin.get(other)).status).toBe(404);
    expect(
      (
        await cegepAdmin.request('POST', other, {
          name: 'x',
          redirectUris: ['https://x.example/cb'],
        })
      ).status,
    ).toBe(404);
    const mine = (
      await suite.platform.request('POST', other, {
        name: 'CISSS',
        redirectUris: ['https://cisss.example/cb'],
      })
    ).json<OidcClientCreated>();
    expect((await cegepAdmin.get(`${base()}/${mine.clientId}`)).status).toBe(404);
    expect(
      (await cegepAdmin.request('PATCH', `${base()}/${mine.clientId}`, { name: 'pris' })).status,
    ).toBe(404);
    expect(
      (await suite.ctx.request('admin.localhost:3000', { path: `/api/v1/admin${base()}` })).status,
    ).toBe(401);
    expect(
      (
        await cegepAdmin.request('POST', base(), {
          name: '',
          redirectUris: ['https://x.example/cb'],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await cegepAdmin.request('POST', base(), {
          name: 'x',
          redirectUris: ['https://x.example/cb'],
          secret: 'mine',
        })
      ).status,
    ).toBe(400);
  });
});

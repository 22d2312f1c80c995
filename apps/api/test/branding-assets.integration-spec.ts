import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { BrandingAssetView, TenantDetail } from '@guichet/types';
import {
  type AdminClient,
  auditRows,
  cegepAdminSuite,
  createTenantAdmin,
  signIn,
} from './support/admin.js';
import { CEGEP } from './support/test-app.js';

// 1×1 pixels: two different PNGs, and a JPEG by its magic numbers (SOI, then a JFIF APP0 segment).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const OTHER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'),
  Buffer.alloc(64, 0x11),
  Buffer.from([0xff, 0xd9]),
]);
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const HOSTILE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg [<!ENTITY boom "boom">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 40" onload="alert('onload')">
  <script>alert('script')</script>
  <a xlink:href="javascript:alert('link')"><text x="5" y="30">Cégep</text></a>
  <rect width="100" height="40" fill="#00548c" onclick="alert('click')"/>
  <image href="javascript:alert('image')" width="10" height="10"/>
  <foreignObject width="100" height="40"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"></iframe></div></foreignObject>
</svg>`;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('branding: uploaded logo and favicon, checked, sanitised and served on the portal', () => {
  const s = cegepAdminSuite();

  const upload = (
    client: AdminClient,
    tenant: string,
    kind: string,
    body: Buffer | string,
    contentType: string,
  ) =>
    client.request('PUT', `/tenants/${tenant}/branding/${kind}`, body, {
      'content-type': contentType,
    });
  const loginPage = async () => {
    const res = await s.ctx.request(CEGEP, { path: '/login' });
    expect(res.status).toBe(200);
    return res.body;
  };
  const portalPath = (url: string) => new URL(url).pathname;

  it('takes a PNG logo from a tenant admin, serves it immutable at a content-named address on the tenant host, and /login shows it at once', async () => {
    const versionBefore = (await s.platform.get(`/tenants/${s.cegep}`)).json<TenantDetail>()
      .version;
    const res = await upload(s.cegepAdmin, s.cegep, 'logo', PNG, 'image/png');
    expect(res.status).toBe(200);
    const view = res.json<BrandingAssetView>();
    expect(view).toMatchObject({
      kind: 'logo',
      contentType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
    });
    const path = portalPath(view.url);
    expect(path).toBe(`/assets/brand/logo.${sha256(PNG).slice(0, 16)}.png`);
    expect(view.url.startsWith('http://cegepdeseptiles.localhost:3000/')).toBe(true);

    expect(await loginPage()).toContain(`<img src="${path}"`);
    const served = await s.ctx.request(CEGEP, { path });
    expect(served.status).toBe(200);
    expect(served.bytes.equals(PNG)).toBe(true);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    // The public tenant API names the same address in place of the URL.
    expect(
      (await s.ctx.request(CEGEP, { path: '/api/v1/tenant' })).json<{
        branding: { logoUrl: string };
      }>().branding.logoUrl,
    ).toBe(path);

    const detail = (await s.platform.get(`/tenants/${s.cegep}`)).json<TenantDetail>();
    expect(detail.version).toBe(versionBefore + 1);
    expect(detail.brandingAssets.logo).toEqual(view);
    expect(detail.brandingAssets.favicon).toBeNull();
    const [audit] = (await auditRows(s.ctx, s.cegep, 'branding.asset.uploaded')).filter(
      (e) => e.targetId === 'logo',
    );
    expect(audit).toMatchObject({
      actorType: 'admin',
      before: null,
      after: { contentType: 'image/png', size: PNG.length, sha256: sha256(PNG) },
    });

    // Another host never serves it; a new upload is a new address, the old one is gone.
    expect((await s.ctx.request('monteregie.localhost:3000', { path })).status).toBe(404);
    const next = (
      await upload(s.cegepAdmin, s.cegep, 'logo', OTHER_PNG, 'application/octet-stream')
    ).json<BrandingAssetView>();
    expect(portalPath(next.url)).not.toBe(path);
    const page = await loginPage();
    expect(page).toContain(`<img src="${portalPath(next.url)}"`);
    expect(page).not.toContain(path);
    expect((await s.ctx.request(CEGEP, { path })).status).toBe(404);
  });

  it('takes a JPEG favicon: the pages link it and /favicon.ico points to it', async () => {
    const res = await upload(s.platform, s.cegep, 'favicon', JPEG, 'image/jpeg');
    expect(res.status).toBe(200);
    const path = portalPath(res.json<BrandingAssetView>().url);
    expect(path).toMatch(/^\/assets\/brand\/favicon\.[0-9a-f]{16}\.jpg$/);
    expect(await loginPage()).toContain(`<link rel="icon" href="${path}">`);
    const served = await s.ctx.request(CEGEP, { path });
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.bytes.equals(JPEG)).toBe(true);
    const ico = await s.ctx.request(CEGEP, { path: '/favicon.ico' });
    expect(ico.status).toBe(302);
    expect(ico.headers.location).toBe(path);
  });

  it('serves an SVG without its scripts, event handlers, javascript: links and foreignObject, as image/svg+xml under a sandboxing CSP', async () => {
    const res = await upload(s.cegepAdmin, s.cegep, 'logo', HOSTILE_SVG, 'image/svg+xml');
    expect(res.status).toBe(200);
    const view = res.json<BrandingAssetView>();
    expect(view.contentType).toBe('image/svg+xml');
    const path = portalPath(view.url);
    expect(path).toMatch(/\.svg$/);
    expect(await loginPage()).toContain(`<img src="${path}"`);
    const served = await s.ctx.request(CEGEP, { path });
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/svg+xml');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    const svg = served.body;
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<rect');
    expect(svg).toContain('Cégep');
    for (const gone of [
      '<script',
      'alert',
      'onload',
      'onclick',
      'javascript:',
      'foreignObject',
      'iframe',
      'ENTITY',
    ])
      expect(svg).not.toContain(gone);
    expect(view.size).toBe(Buffer.byteLength(svg));
    // The admin app reads the stored file back the same way.
    const back = await s.cegepAdmin.get(`/tenants/${s.cegep}/branding/logo`);
    expect(back.status).toBe(200);
    expect(back.body).toBe(svg);
    expect(back.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a file over the size of its kind with 413 and a message naming the limit', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(300 * 1024)]);
    const logo = await upload(s.cegepAdmin, s.cegep, 'logo', big, 'image/png');
    expect(logo.status).toBe(413);
    expect(logo.json()).toEqual({
      error: 'payload_too_large',
      message: 'The logo is 300 KB; the largest allowed is 256 KB.',
    });
    const favicon = await upload(
      s.cegepAdmin,
      s.cegep,
      'favicon',
      Buffer.concat([PNG, Buffer.alloc(70 * 1024)]),
      'image/png',
    );
    expect(favicon.status).toBe(413);
    expect(favicon.json<{ message: string }>().message).toContain('64 KB');
    const huge = await upload(
      s.cegepAdmin,
      s.cegep,
      'logo',
      Buffer.alloc(2 * 1024 * 1024),
      'image/png',
    );
    expect(huge.status).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('refuses what is not a PNG, JPEG or SVG whatever it is called (an HTML page sent as a PNG, a GIF, an empty file) with a message', async () => {
    const before = (await s.platform.get(`/tenants/${s.cegep}`)).json<TenantDetail>();
    const html = await upload(
      s.cegepAdmin,
      s.cegep,
      'logo',
      '<!doctype html><html><body><script>alert(1)</script></body></html>',
      'image/png',
    );
    expect(html.status).toBe(415);
    expect(html.json()).toEqual({
      error: 'unsupported_type',
      message: 'This file is not an image we take: upload a PNG, JPEG or SVG image.',
    });
    const gif = await upload(s.cegepAdmin, s.cegep, 'favicon', GIF, 'image/gif');
    expect(gif.status).toBe(415);
    expect(gif.json<{ message: string }>().message).toBe(
      'This file is a GIF file: upload a PNG, JPEG or SVG image.',
    );
    const htmlRoot = await upload(
      s.cegepAdmin,
      s.cegep,
      'logo',
      '<html><svg xmlns="http://www.w3.org/2000/svg"></svg></html>',
      'image/svg+xml',
    );
    expect(htmlRoot.status).toBe(415);
    const asHtml = await upload(s.cegepAdmin, s.cegep, 'logo', '<p>hi</p>', 'text/html');
    expect(asHtml.status).toBe(415);
    expect((await upload(s.cegepAdmin, s.cegep, 'logo', Buffer.alloc(0), 'image/png')).status).toBe(
      400,
    );
    expect((await upload(s.cegepAdmin, s.cegep, 'banner', PNG, 'image/png')).status).toBe(404);
    // Elsewhere an image body is still refused as the JSON API refuses any other type, never a 500.
    const json415 = {
      error: 'unsupported_media_type',
      message: 'Unsupported content type: send application/json.',
    };
    const elsewhere = await s.ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/auth/login',
      body: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect([elsewhere.status, elsewhere.json()]).toEqual([415, json415]);
    const settings = await s.platform.request('PATCH', `/tenants/${s.cegep}/settings`, PNG, {
      'content-type': 'image/png',
    });
    expect([settings.status, settings.json()]).toEqual([415, json415]);
    const after = (await s.platform.get(`/tenants/${s.cegep}`)).json<TenantDetail>();
    expect(after.version).toBe(before.version);
    expect(after.brandingAssets).toEqual(before.brandingAssets);
  });

  it('answers 404 to a Montérégie admin on the Cégep, exactly as for a tenant that does not exist, and stores nothing', async () => {
    await createTenantAdmin(s.ctx, 'ti@monteregie.ca', 'monteregie admin password', [s.monteregie]);
    const other = await signIn(s.ctx, {
      email: 'ti@monteregie.ca',
      password: 'monteregie admin password',
    });
    const before = (await s.platform.get(`/tenants/${s.cegep}`)).json<TenantDetail>();
    for (const res of [
      await upload(other, s.cegep, 'favicon', PNG, 'image/png'),
      await other.request('DELETE', `/tenants/${s.cegep}/branding/logo`),
      await other.get(`/tenants/${s.cegep}/branding/logo`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.json()).toEqual({ error: 'not_found', message: 'No tenant has this id.' });
    }
    expect(
      (await s.platform.get(`/tenants/${s.cegep}`)).json<TenantDetail>().brandingAssets,
    ).toEqual(before.brandingAssets);
    // Its own tenant it may brand.
    expect((await upload(other, s.monteregie, 'logo', PNG, 'image/png')).status).toBe(200);
  });

  it('removes an upload: the portal goes back to the branding URL or the default, audited', async () => {
    const logo = (await s.platform.get(`/tenants/${s.cegep}`)).json<TenantDetail>().brandingAssets
      .logo!;
    expect((await s.cegepAdmin.request('DELETE', `/tenants/${s.cegep}/branding/logo`)).status).toBe(
      204,
    );
    expect(
      (await s.cegepAdmin.request('DELETE', `/tenants/${s.cegep}/branding/favicon`)).status,
    ).toBe(204);
    const page = await loginPage();
    expect(page).not.toContain('/assets/brand/');
    expect(page).toMatch(/<link rel="icon" href="\/assets\/favicon\.svg\?v=\d+">/);
    expect((await s.ctx.request(CEGEP, { path: portalPath(logo.url) })).status).toBe(404);
    expect((await s.ctx.request(CEGEP, { path: '/favicon.ico' })).headers.location).toBe(
      '/assets/favicon.svg',
    );
    expect((await s.cegepAdmin.get(`/tenants/${s.cegep}/branding/logo`)).status).toBe(404);
    const removed = await auditRows(s.ctx, s.cegep, 'branding.asset.removed');
    expect(removed.map((e) => e.targetId).sort()).toEqual(['favicon', 'logo']);
    // Nothing left to remove: nothing audited.
    expect((await s.cegepAdmin.request('DELETE', `/tenants/${s.cegep}/branding/logo`)).status).toBe(
      204,
    );
    expect(await auditRows(s.ctx, s.cegep, 'branding.asset.removed')).toHaveLength(2);
  });
});

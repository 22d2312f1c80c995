import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminAccountView, TenantSummary } from '@guichet/types';
import { eventually, ROOT, signIn, type Stack, startStack } from './support.js';

jest.setTimeout(90_000);

const CEGEP_ADMIN = { email: 'branding@cegepsi.test', password: 'cegep admin password 2' };
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" onload="alert(1)"><rect width="120" height="40" fill="#7a1f5c"/><script>alert(2)</script></svg>';

describe('admin app: a tenant admin uploads the logo, and the portal shows it', () => {
  let stack: Stack;
  let cegep: TenantSummary;
  const files = mkdtempSync(join(tmpdir(), 'guichet-logo-'));

  beforeAll(async () => {
    stack = await startStack();
    cegep = await stack.tenant('cegepdeseptiles');
    const created = await stack.adminApi<AdminAccountView>(ROOT, 'POST', '/admins', {
      ...CEGEP_ADMIN,
      role: 'tenant-admin',
      tenantIds: [cegep.id],
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    writeFileSync(join(files, 'logo.svg'), LOGO_SVG);
    writeFileSync(join(files, 'page.png'), '<!doctype html><title>not an image</title>');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('previews the chosen file, refuses a page named .png with a clear message, uploads the SVG, and the portal serves it cleaned', async () => {
    const page = await stack.newPage();
    await signIn(page, stack.adminOrigin, CEGEP_ADMIN);
    await page.goto(`${stack.adminOrigin}/#/tenants/${cegep.id}/branding`);
    await page.waitForSelector('[data-testid=brand-logo-upload]');
    expect(await page.textContent('[data-testid=brand-logo-upload]')).toContain('256 Ko');

    await page.setInputFiles('[data-testid=brand-logo-file]', join(files, 'page.png'));
    await page.click('[data-testid=brand-logo-submit]');
    await page.waitForSelector('[data-testid=brand-logo-error]');
    expect(await page.textContent('[data-testid=brand-logo-error]')).toContain(
      'n’est pas une image PNG, JPEG ou SVG',
    );

    await page.setInputFiles('[data-testid=brand-logo-file]', join(files, 'logo.svg'));
    await page.waitForSelector('[data-testid=brand-logo-chosen]');
    await page.click('[data-testid=brand-logo-submit]');
    await page.waitForSelector('[data-testid=brand-logo-ok]');
    // The stored (cleaned) image replaces the chosen one, and the preview of the login page uses it.
    await page.waitForSelector('[data-testid=brand-logo-stored]');
    await eventually(
      async () =>
        (
          (await page.getAttribute('[data-testid=login-preview] .pp-brand img', 'src')) ?? ''
        ).startsWith('data:image/svg+xml'),
      'the preview to show the upload',
    );

    const portal = await stack.newPage();
    await portal.goto(`${stack.portalOrigin('cegepdeseptiles')}/login`);
    const src = await portal.getAttribute('header .brand img', 'src');
    expect(src).toMatch(/^\/assets\/brand\/logo\.[0-9a-f]{16}\.svg$/);
    // The browser really loaded and drew it.
    await eventually(
      async () =>
        portal.$eval(
          'header .brand img',
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        ),
      'the logo to load',
    );
    const served = await stack.request(`cegepdeseptiles.localhost:${stack.port}`, src!);
    expect(served.headers['content-type']).toBe('image/svg+xml');
    expect(served.body).toContain('<rect');
    expect(served.body).not.toContain('script');
    expect(served.body).not.toContain('onload');
    await portal.close();
    await page.close();
  });

  it('left no console error in any page but the refused upload', () => {
    expect(stack.problems.filter((p) => !/415|Unsupported Media Type/i.test(p))).toEqual([]);
  });
});

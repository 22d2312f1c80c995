import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ARTIFACTS, listedTenants, ROOT as ADMIN, type Stack, startStack } from './support.js';

describe('admin app in a browser', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('signs the bootstrap platform admin in and lists both tenants', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.adminOrigin}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', 'wrong password');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=form-error]');
    await page.fill('#password', ADMIN.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=tenants-table] tr[data-slug]');
    const slugs = await listedTenants(page);
    expect(slugs.sort()).toEqual(['cegepdeseptiles', 'monteregie']);
    expect(await page.textContent('[data-testid=tenants-table]')).toContain('Cégep de Sept-Îles');
    await page.screenshot({ path: `${ARTIFACTS}/tenants-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: `${ARTIFACTS}/tenants-phone.png`, fullPage: true });
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { TenantSummary } from '@guichet/types';
import { httpRequest } from '@guichet/testing';
import { ARTIFACTS, ROOT, signIn, type Stack, startStack } from './support.js';

jest.setTimeout(120_000);

describe('admin app: Provisioning (SCIM tokens for Microsoft Entra ID), in a browser', () => {
  let stack: Stack;
  let cegep: TenantSummary;

  beforeAll(async () => {
    stack = await startStack();
    const list = await stack.adminApi<TenantSummary[]>(ROOT, 'GET', '/tenants');
    cegep = list.body.find((t) => t.slug === 'cegepdeseptiles')!;
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
  });

  /** What Entra ID's "Test Connection" does: a SCIM request with the token, on the tenant host. */
  const scimStatus = async (token: string) =>
    (
      await httpRequest(stack.port, {
        host: `cegepdeseptiles.localhost:${stack.port}`,
        path: '/scim/v2/Users?filter=userName%20eq%20%22nobody%22',
        headers: { authorization: `Bearer ${token}` },
      })
    ).status;

  it('creates a token shown once with the tenant URL for Entra (copy button), lists its last use, and revokes it after a confirmation', async () => {
    const page = await stack.newPage();
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.adminOrigin });
    await signIn(page, stack.adminOrigin, ROOT);
    await page.goto(`${stack.adminOrigin}/#/tenants/${cegep.id}/provisioning`);
    await page.waitForSelector('[data-testid=scim-tokens-empty]');
    expect(await page.textContent('[data-testid=scim-url]')).toBe(
      `http://cegepdeseptiles.localhost:${stack.port}/scim/v2`,
    );

    await page.fill('#scim-token-name', 'Entra ID – production');
    await page.click('[data-testid=scim-token-create]');
    await page.waitForSelector('[data-testid=scim-token-notice]');
    expect(await page.textContent('[data-testid=scim-token-warning]')).toContain(
      'vous ne le reverrez plus',
    );
    expect(await page.textContent('[data-testid=scim-token-url]')).toBe(
      `http://cegepdeseptiles.localhost:${stack.port}/scim/v2`,
    );
    const token = (await page.textContent('[data-testid=scim-token-value]'))!.trim();
    expect(token).toMatch(/^gscim_[\w-]{43}$/);
    await page.click('[data-testid=scim-token-copy]');
    await page.waitForSelector('[data-testid=scim-token-copy]:has-text("Copié")');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    expect(await scimStatus(token)).toBe(200);

    // Once dismissed (or the page reloaded), the token is nowhere to be seen; its use is listed.
    await page.click('[data-testid=scim-token-done]');
    await page.waitForSelector('[data-testid=scim-token-notice]', { state: 'detached' });
    await page.reload();
    const row = '[data-testid=scim-token-row][data-name="Entra ID – production"]';
    await page.waitForSelector(row);
    expect(await page.content()).not.toContain(token);
    expect(await page.textContent(`${row} [data-testid=scim-token-last-use]`)).not.toBe('Jamais');
    expect(await page.textContent(`${row} [data-testid=scim-token-state]`)).toBe('Actif');

    // Revoked after a confirmation: refused at once.
    page.once('dialog', (d) => void d.accept());
    await page.click(`${row} [data-testid=scim-token-revoke]`);
    await page.waitForSelector('[data-testid=scim-notice]');
    expect(await page.textContent('[data-testid=scim-notice]')).toContain('est révoqué');
    await page.waitForSelector(`${row} [data-testid=scim-token-state]:has-text("Révoqué")`);
    expect(await scimStatus(token)).toBe(401);
    expect(await page.$(`${row} [data-testid=scim-token-revoke]`)).toBeNull();
    expect(stack.problems).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/provisioning.png`, fullPage: true });
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AdminUserView, Page as ApiPage, TenantSummary } from '@guichet/types';
import { httpRequest } from '@guichet/testing';
import { ARTIFACTS, ROOT, signIn, type Stack, startStack } from './support.js';

jest.setTimeout(120_000);

describe('admin app: Provisioning (SCIM tokens for Microsoft Entra ID), in a browser', () => {
  let stack: Stack;
  let cegep: TenantSummary;

  beforeAll(async () => {
    stack = await startStack();
    cegep = await stack.tenant('cegepdeseptiles');
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

  it('a full export: the preview lists the account that would be disabled and changes nothing; the confirmation disables it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-full-export-'));
    const people = Array.from(
      { length: 12 },
      (_, i) => `Export${i},Personne,export${i}@cegepsi.test`,
    );
    const csv = (lines: string[]) => {
      const path = join(dir, `export-${lines.length}.csv`);
      writeFileSync(path, ['lastName,firstName,email', ...lines].join('\n'));
      return path;
    };
    const statusOf = async (email: string) => {
      const page = await stack.adminApi<ApiPage<AdminUserView>>(
        ROOT,
        'GET',
        `/tenants/${cegep.id}/users?q=${encodeURIComponent(email)}`,
      );
      return page.body.items.find((u) => u.email === email)?.status;
    };
    const page = await stack.newPage();
    await signIn(page, stack.adminOrigin, ROOT);
    await page.goto(`${stack.adminOrigin}/#/tenants/${cegep.id}/accounts`);
    await page.waitForSelector('[data-testid=import-form]');
    await page.setInputFiles('#import-file', csv(people));
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=import-report]');
    expect(await page.textContent('[data-testid=import-created] dd')).toBe('12');

    // The next export lacks export11: a preview first.
    await page.setInputFiles('#import-file', csv(people.slice(0, 11)));
    await page.check('#import-disable-missing');
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=import-preview]');
    expect(await page.textContent('[data-testid=import-preview-summary]')).toContain(
      '1 compte actif',
    );
    expect(await page.textContent('[data-testid=import-preview-disabled]')).toBe('expp12');
    expect(await statusOf('export11@cegepsi.test')).toBe('active');

    await page.click('[data-testid=import-confirm]');
    await page.waitForSelector('[data-testid=import-disabled]');
    expect(await page.textContent('[data-testid=import-disabled] dd')).toBe('1');
    expect(await statusOf('export11@cegepsi.test')).toBe('disabled');
    expect(await statusOf('export10@cegepsi.test')).toBe('active');
    expect(stack.problems).toEqual([]);
  });
});

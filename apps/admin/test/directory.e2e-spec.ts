import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type RunningSlapd, startSlapd } from '@guichet/testing';
import type { AdminUserView, Page, TenantSummary } from '@guichet/types';
import { ROOT, signIn, type Stack, startStack } from './support.js';

jest.setTimeout(120_000);

/** The Directory screen in a browser, against a real slapd: settings, test connection, preview, sync now, runs. */
describe('admin app: a tenant’s directory (LDAP), in a browser', () => {
  let stack: Stack;
  let ldap: RunningSlapd;
  let cegep: TenantSummary;

  beforeAll(async () => {
    [stack, ldap] = await Promise.all([
      startStack(),
      startSlapd({
        people: [
          { uid: 'trej', givenName: 'Jean', sn: 'Tremblay', mail: 'jean.tremblay@cegepsi.ca' },
          { uid: 'gagm', givenName: 'Marie', sn: 'Gagnon', mail: 'marie.gagnon@cegepsi.ca' },
          { uid: 'roya', givenName: 'Aline', sn: 'Roy', mail: 'aline.roy@cegepsi.ca' },
        ],
      }),
    ]);
    cegep = await stack.tenant('cegepdeseptiles');
  });
  afterAll(async () => {
    await Promise.all([stack?.close(), ldap?.stop()]);
  });

  const accounts = async () =>
    (await stack.adminApi<Page<AdminUserView>>(ROOT, 'GET', `/tenants/${cegep.id}/users`)).body
      .total;

  it('configures the directory, tests the connection, previews (nothing changes), then syncs', async () => {
    const page = await stack.newPage();
    await signIn(page, stack.adminOrigin, ROOT);
    await page.goto(`${stack.adminOrigin}/#/tenants/${cegep.id}/directory`);
    await page.waitForSelector('[data-testid=directory-form]');
    // Active Directory's defaults are in the form to start with.
    expect(await page.inputValue('#directory-attr-username')).toBe('sAMAccountName');

    await page.fill('#directory-url', ldap.url);
    await page.fill('#directory-bind-dn', ldap.syncDn);
    await page.fill('#directory-bind-password', ldap.syncPassword);
    await page.fill('#directory-base-dn', ldap.peopleDn);
    await page.fill('#directory-filter', '(objectClass=inetOrgPerson');
    await page.fill('#directory-attr-username', 'uid');
    await page.fill('#directory-attr-externalId', 'entryUUID');
    await page.selectOption('#directory-disabled-kind', 'none');
    await page.click('[data-testid=directory-save]');
    // The API's message for the field, next to it.
    await page.waitForSelector('[data-testid=error-directory-filter]');
    await page.fill('#directory-filter', '(objectClass=inetOrgPerson)');
    await page.click('[data-testid=directory-save]');
    await page.waitForSelector('[data-testid=directory-test]');
    // Saved: the password field is empty again, the stored one kept.
    expect(await page.inputValue('#directory-bind-password')).toBe('');

    await page.click('[data-testid=directory-test]');
    await page.waitForSelector('[data-testid=directory-test-result][data-ok=true]');
    expect(await page.textContent('[data-testid=directory-test-result]')).toContain(
      ldap.personDn('trej'),
    );

    await page.click('[data-testid=directory-preview]');
    await page.waitForSelector('[data-testid=directory-report][data-dry-run=true]');
    expect(await page.textContent('[data-testid=directory-summary]')).toContain('3 créés');
    expect(await page.textContent('[data-testid=directory-report]')).toContain('trej');
    expect(await accounts()).toBe(0);

    await page.click('[data-testid=directory-sync]');
    await page.waitForSelector('[data-testid=directory-report][data-dry-run=false]');
    expect(await page.textContent('[data-testid=directory-summary]')).toContain(
      '3 créés, 0 mis à jour, 0 désactivés, 0 inchangés, 0 rejetés',
    );
    expect(await accounts()).toBe(3);
    await page.waitForSelector('[data-testid=directory-runs] tr:nth-child(2)');
    expect(await page.locator('[data-testid=directory-runs] tr').count()).toBe(2);
    expect(stack.problems).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { OidcClientView, TenantSummary } from '@guichet/types';
import { httpRequest } from '@guichet/testing';
import { ROOT, signIn, type Stack, startStack } from './support.js';

jest.setTimeout(90_000);

describe('admin app: a tenant’s applications (OpenID Connect clients), in a browser', () => {
  let stack: Stack;
  let cegep: TenantSummary;

  beforeAll(async () => {
    stack = await startStack();
    cegep = await stack.tenant('cegepdeseptiles');
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** The issuer's answer to the client authenticating (introspection): 200 with its secret, 401 otherwise. */
  const authenticates = async (clientId: string, secret: string) =>
    (
      await httpRequest(stack.port, {
        method: 'POST',
        host: `cegepdeseptiles.localhost:${stack.port}`,
        path: '/oidc/token/introspection',
        headers: {
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'token=not-a-token',
      })
    ).status;

  it('registers an application: the secret shown once with a copy button, then rotated; an edit and a confirmed deletion', async () => {
    const page = await stack.newPage();
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.adminOrigin });
    await signIn(page, stack.adminOrigin, ROOT);
    await page.goto(`${stack.adminOrigin}/#/tenants/${cegep.id}/applications`);
    await page.waitForSelector('[data-testid=applications-empty]');

    // A redirect URI the API refuses: its reason shown, naming it.
    await page.fill('#create-client-name', 'Moodle');
    await page.fill('#create-client-redirect-uris', 'not a url');
    await page.click('[data-testid=create-client-submit]');
    await page.waitForSelector('[data-testid=create-client-status-error]');
    expect(await page.textContent('[data-testid=create-client-status-error]')).toContain(
      'not a url',
    );

    await page.fill(
      '#create-client-redirect-uris',
      'https://moodle.cegepsi.ca/callback\nhttps://moodle.cegepsi.ca/callback2',
    );
    await page.fill('#create-client-post-logout-uris', 'https://moodle.cegepsi.ca/');
    await page.fill(
      '#create-client-backchannel-uri',
      'https://moodle.cegepsi.ca/backchannel-logout',
    );
    await page.check('#create-client-first-party');
    await page.click('[data-testid=create-client-submit]');
    await page.waitForSelector('[data-testid=client-secret-notice]');
    expect(await page.textContent('[data-testid=client-secret-warning]')).toContain(
      'vous ne le reverrez plus',
    );
    const clientId = (await page.textContent('[data-testid=client-secret-client-id]'))!.trim();
    const secret = (await page.textContent('[data-testid=client-secret-value]'))!.trim();
    expect(secret).toMatch(/^[\w-]{43}$/);
    await page.click('[data-testid=client-secret-copy]');
    await page.waitForSelector('[data-testid=client-secret-copy]:has-text("Copié")');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await authenticates(clientId, secret)).toBe(200);

    const row = `[data-testid=application-row][data-client-id="${clientId}"]`;
    await page.waitForSelector(row);
    expect(await page.textContent(`${row} [data-testid=application-last-use]`)).toBe('Jamais');
    const stored = await stack.adminApi<OidcClientView>(
      ROOT,
      'GET',
      `/tenants/${cegep.id}/oidc-clients/${clientId}`,
    );
    expect(stored.body).toMatchObject({
      name: 'Moodle',
      firstParty: true,
      public: false,
      redirectUris: ['https://moodle.cegepsi.ca/callback', 'https://moodle.cegepsi.ca/callback2'],
      postLogoutRedirectUris: ['https://moodle.cegepsi.ca/'],
      backchannelLogoutUri: 'https://moodle.cegepsi.ca/backchannel-logout',
    });

    // Once dismissed (or the page reloaded), the secret is nowhere to be seen again.
    await page.click('[data-testid=client-secret-done]');
    await page.waitForSelector('[data-testid=client-secret-notice]', { state: 'detached' });
    await page.reload();
    await page.waitForSelector(row);
    expect(await page.content()).not.toContain(secret);

    // A new secret: after a confirmation, shown once; the old one stops working.
    page.once('dialog', (d) => void d.accept());
    await page.click(`${row} [data-testid=application-rotate]`);
    await page.waitForSelector('[data-testid=client-secret-notice]');
    const rotated = (await page.textContent('[data-testid=client-secret-value]'))!.trim();
    expect(rotated).not.toBe(secret);
    expect(await page.textContent('[data-testid=application-action-status]')).toContain(
      'l’ancien ne fonctionne plus',
    );
    expect(await authenticates(clientId, secret)).toBe(401);
    expect(await authenticates(clientId, rotated)).toBe(200);
    await page.click('[data-testid=client-secret-done]');

    // An edit: the name and the back-channel URI (emptied: removed).
    await page.click(`${row} [data-testid=application-edit]`);
    await page.fill(`#edit-client-${clientId}-name`, 'Moodle 2');
    await page.fill(`#edit-client-${clientId}-backchannel-uri`, '');
    await page.click(`[data-testid=edit-client-${clientId}-submit]`);
    await page.waitForSelector(`[data-testid=application-row][data-name="Moodle 2"]`);
    expect(
      (
        await stack.adminApi<OidcClientView>(
          ROOT,
          'GET',
          `/tenants/${cegep.id}/oidc-clients/${clientId}`,
        )
      ).body,
    ).toMatchObject({ name: 'Moodle 2', backchannelLogoutUri: null });

    // Deleting asks first, naming the application; then the client is gone and its secret dead.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => (resolve(d.message()), void d.accept())),
    );
    await page.click(`${row} [data-testid=application-delete]`);
    expect(await asked).toContain('Supprimer Moodle 2 ?');
    await page.waitForSelector('[data-testid=applications-empty]');
    expect(await authenticates(clientId, rotated)).toBe(401);
    expect(stack.problems).toEqual([]);
    await page.close();
  });
});

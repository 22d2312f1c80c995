import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminAccountView, TenantDetail, TenantSummary } from '@guichet/types';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS,
  eventually,
  ROOT,
  signIn,
  type Stack,
  startStack,
  totpCode,
} from './support.js';

jest.setTimeout(90_000);

const CEGEP_ADMIN = { email: 'ti@cegepsi.test', password: 'cegep admin password 1' };
const MONTEREGIE_ADMIN = { email: 'drim@monteregie.test', password: 'monteregie admin pass 1' };

describe('admin app, as platform and tenant admins, in a browser', () => {
  let stack: Stack;
  let tenants: Record<string, TenantSummary>;

  beforeAll(async () => {
    stack = await startStack();
    const list = await stack.adminApi<TenantSummary[]>(ROOT, 'GET', '/tenants');
    tenants = Object.fromEntries(list.body.map((t) => [t.slug, t]));
    for (const [who, slug] of [
      [CEGEP_ADMIN, 'cegepdeseptiles'],
      [MONTEREGIE_ADMIN, 'monteregie'],
    ] as const) {
      const created = await stack.adminApi<AdminAccountView>(ROOT, 'POST', '/admins', {
        ...who,
        role: 'tenant-admin',
        tenantIds: [tenants[slug]!.id],
      });
      expect(created.status).toBe(201);
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  /** The usernames of the Accounts table's rows, in order. */
  const listedUsers = (page: Page) =>
    page.$$eval('[data-testid=user-row]', (rows) =>
      rows.map((r) => r.getAttribute('data-username')),
    );
  const cegepUrl = (section: string) =>
    `${stack.adminOrigin}/#/tenants/${tenants.cegepdeseptiles!.id}/${section}`;
  /** A new page where the cégep's admin has signed in and opened `section`, once `ready` shows. */
  const cegepSection = async (section: string, ready: string) => {
    const page = await stack.newPage();
    await signIn(page, stack.adminOrigin, CEGEP_ADMIN);
    await page.goto(cegepUrl(section));
    await page.waitForSelector(ready);
    return page;
  };
  /** The whole page, in a viewport as tall as it (sticky bars and previews then sit where they belong). */
  const shot = async (page: Page, name: string) => {
    const size = page.viewportSize()!;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
    await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
    await page.setViewportSize(size);
  };

  it('a platform admin creates a third tenant with a host name, and its portal answers on both hosts', async () => {
    const page = await stack.newPage();
    await signIn(page, stack.adminOrigin, ROOT);
    expect(await page.$$eval('tr[data-slug]', (rows) => rows.length)).toBe(2);

    // The form checks the slug with the API's schema before sending anything.
    await page.fill('#new-tenant-slug', 'A b');
    await page.fill('#new-tenant-name', 'Cégep de la Gaspésie et des Îles');
    await page.click('[data-testid=create-tenant-submit]');
    await page.waitForSelector('[data-testid=new-tenant-slug-error]');
    await eventually(
      async () => (await page.evaluate(() => document.activeElement?.id)) === 'new-tenant-slug',
      'focus on the refused slug',
    );

    await page.fill('#new-tenant-slug', 'cegepgim');
    await page.fill('#new-tenant-host', 'portail-gim.localhost');
    await page.click('[data-testid=create-tenant-submit]');
    await page.waitForSelector('[data-testid=tenant-layout][data-tenant-slug=cegepgim]');
    await page.waitForSelector('[data-testid=host-list]');
    const hosts = await page.textContent('[data-testid=host-list]');
    expect(hosts).toContain('cegepgim.localhost');
    expect(hosts).toContain('portail-gim.localhost');
    await shot(page, 'tenant-created');

    const api = await stack.request(`cegepgim.localhost:${stack.port}`, '/api/v1/tenant');
    expect(api.status).toBe(200);
    expect(api.json<{ slug: string; name: string }>()).toMatchObject({
      slug: 'cegepgim',
      name: 'Cégep de la Gaspésie et des Îles',
    });

    const portal = await stack.newPage();
    const response = await portal.goto(`http://portail-gim.localhost:${stack.port}/login`);
    expect(response?.status()).toBe(200);
    expect(await portal.textContent('h1')).toBeTruthy();
    expect(await portal.textContent('button[type=submit]')).toBe('SOUMETTRE');
    await portal.close();

    await page.click('[data-testid=nav-tenants]');
    await page.waitForSelector('tr[data-slug=cegepgim]');
    await page.close();
  });

  it('a Cégep tenant admin changes the colour and the welcome text: the preview follows as they type, the portal shows them once saved', async () => {
    const page = await stack.newPage();
    expect(await signIn(page, stack.adminOrigin, CEGEP_ADMIN)).toEqual(['cegepdeseptiles']);
    await page.click('tr[data-slug=cegepdeseptiles] [data-testid=tenant-link]');
    await page.waitForSelector('[data-testid=tenant-layout]');
    await page.click('[data-testid=section-branding]');
    await page.waitForSelector('[data-testid=branding-form]');

    // A wrong colour is named, and nothing is sent.
    await page.fill('#primary-color', '#12345');
    await page.click('[data-testid=branding-save]');
    await page.waitForSelector('[data-testid=primary-color-error]');

    // Beside it, the real portal page, as saved.
    const liveTitle = async () => {
      const frame = await (await page.$('[data-testid=live-portal-frame]'))?.contentFrame();
      return frame ? frame.textContent('h1', { timeout: 1_000 }).catch(() => null) : null;
    };
    await eventually(async () => (await liveTitle()) !== null, 'the live portal page to load');
    const savedTitle = await liveTitle();
    const savedVersion = await page.getAttribute('[data-testid=live-portal-frame]', 'data-version');

    await page.fill('#primary-color', '#7A1F5C');
    await page.fill('#text-welcomeTitle', 'Bienvenue au Centre de services du Cégep');
    // The live preview shows the unsaved values.
    await eventually(
      async () =>
        (await page.textContent('[data-testid=preview-title]')) ===
        'Bienvenue au Centre de services du Cégep',
      'preview title',
    );
    const previewColour = await page.$eval(
      '[data-testid=preview-submit]',
      (el) => getComputedStyle(el).backgroundColor,
    );
    expect(previewColour).toBe('rgb(122, 31, 92)');
    expect(await page.textContent('[data-testid=preview-username-hint]')).toContain(
      '3 premières lettres du nom',
    );
    expect(await page.textContent('[data-testid=preview-submit]')).toBe('SOUMETTRE');
    // Not saved yet: the live portal still shows what is saved.
    expect(await liveTitle()).toBe(savedTitle);
    expect(savedTitle).toBe('Bienvenue sur le portail Web du Centre de services');
    await shot(page, 'branding-preview');

    await page.click('[data-testid=branding-save]');
    await page.waitForSelector('[data-testid=branding-status-ok]');
    // Saved: the live portal loads again (a new version in its address) and shows the new title and colour.
    await eventually(
      async () => (await liveTitle()) === 'Bienvenue au Centre de services du Cégep',
      'the live portal to show the saved title',
      5_000,
    );
    expect(await page.getAttribute('[data-testid=live-portal-frame]', 'data-version')).not.toBe(
      savedVersion,
    );
    expect(await page.getAttribute('[data-testid=live-portal-frame]', 'src')).toMatch(
      new RegExp(`^${stack.portalOrigin('cegepdeseptiles')}/login\\?lang=fr&v=\\d+$`),
    );
    const liveFrame = (await (await page.$('[data-testid=live-portal-frame]'))!.contentFrame())!;
    expect(
      await liveFrame.$eval('button[type=submit]', (el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(122, 31, 92)');
    await page.waitForTimeout(500); // the frame's first paint, for the picture
    await shot(page, 'branding-live-portal');

    const portal = await stack.newPage();
    await eventually(
      async () => {
        await portal.goto(`${stack.portalOrigin('cegepdeseptiles')}/login`);
        return (await portal.textContent('h1')) === 'Bienvenue au Centre de services du Cégep';
      },
      'the portal to show the new welcome title',
      3_000,
    );
    const primary = await portal.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--primary').trim().toLowerCase(),
    );
    expect(primary).toBe('#7a1f5c');
    const button = await portal.$eval(
      'button[type=submit]',
      (el) => getComputedStyle(el).backgroundColor,
    );
    expect(button).toBe('rgb(122, 31, 92)');
    await portal.screenshot({ path: `${ARTIFACTS}/portal-after-branding.png`, fullPage: true });
    await portal.close();

    // The change is in the audit log, with its before and after.
    await page.click('[data-testid=section-audit]');
    await page.waitForSelector('[data-testid=audit-row]');
    expect(await page.textContent('[data-testid=audit-table]')).toContain('settings');
    await page.click('[data-testid=audit-row] summary');
    await shot(page, 'audit');
    await page.close();
  });

  it('the username rule and password policy pages try the rule and the policy live', async () => {
    const page = await cegepSection('username-rule', '[data-testid=derived-username]');
    const usernames = await page.$$eval('[data-testid=derived-username]', (els) =>
      els.map((e) => e.textContent),
    );
    expect(usernames.slice(0, 3)).toEqual(['trej', 'trej2', 'cotm']);
    await page.fill('#last-name-letters', '4');
    await eventually(
      async () =>
        (await page.$$eval('[data-testid=derived-username]', (els) => els[0]?.textContent)) ===
        'tremj',
      'the test to follow the rule',
    );
    await shot(page, 'username-rule');

    await page.goto(cegepUrl('password-policy'));
    await page.waitForSelector(
      '[data-testid=policy-warnings] li, [data-testid=policy-warnings] .notice-success',
    );
    await page.fill('#min-length', '6');
    await eventually(
      async () =>
        (await page.$$('[data-testid=policy-warnings] li[data-code=min_length_under_8]')).length ===
        1,
      'the under-8 warning',
    );
    await page.fill('#test-password', 'abc');
    await page.waitForSelector('[data-testid=password-refused]');
    await page.fill('#test-password', 'Saint-Laurent en hiver 2024');
    await page.waitForSelector('[data-testid=password-accepted]');
    await shot(page, 'password-policy');
    await page.close();
  });

  it('imports a CSV, shows the report line by line, and finds the accounts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-import-'));
    const file = join(dir, 'personnel.csv');
    writeFileSync(
      file,
      'lastName,firstName,email\nGagnon,Marc,marc.gagnon@cegepsi.test\nBélanger,Émilie,emilie.belanger@cegepsi.test\nSansCourriel,Paul,pas-une-adresse\n',
    );
    const page = await cegepSection('accounts', '[data-testid=import-form]');
    await page.setInputFiles('#import-file', file);
    await page.click('[data-testid=import-submit]');
    await page.waitForSelector('[data-testid=import-report]');
    expect(await page.textContent('[data-testid=import-created] dd')).toBe('2');
    expect(await page.textContent('[data-testid=import-rejected] dd')).toBe('1');
    // Rejected lines first, with their line number and reason.
    const rejected = await page.$$eval(
      '[data-testid=import-lines] tr[data-status=rejected] td',
      (cells) => cells.map((c) => c.textContent),
    );
    expect(rejected[0]).toBe('4');
    await page.click('text=Toutes les lignes');
    expect(await page.$$eval('[data-testid=import-lines] tbody tr', (rows) => rows.length)).toBe(3);
    await shot(page, 'import-report');

    await page.fill('#users-q', 'gagnon');
    await eventually(
      async () => (await listedUsers(page)).join() === 'gagm',
      'the search to find Marc Gagnon',
    );
    await page.fill('#users-q', 'Émilie');
    await eventually(
      async () => (await listedUsers(page)).join() === 'bele',
      'the search to find Émilie Bélanger',
    );

    // Disable, then enable again.
    await page.click('[data-testid=user-row][data-username=bele] [data-testid=user-disable]');
    await page.waitForSelector('[data-testid=user-action-status-ok]');
    await eventually(
      async () =>
        (await page.textContent(
          '[data-testid=user-row][data-username=bele] [data-testid=user-status]',
        )) === 'Désactivé',
      'disabled',
    );
    await page.click('[data-testid=user-row][data-username=bele] [data-testid=user-enable]');
    await eventually(
      async () =>
        (await page.textContent(
          '[data-testid=user-row][data-username=bele] [data-testid=user-status]',
        )) === 'Actif',
      'enabled',
    );
    await page.close();
  });

  it('edits the French reset template, and the next reset email uses it', async () => {
    const page = await stack.newPage();
    await signIn(page, stack.adminOrigin, CEGEP_ADMIN);

    /** From the accounts page, sends Marc Gagnon his link, its button saying `kind`; the count of emails before. */
    const sendGagnonLink = async (kind: string) => {
      const button = '[data-testid=user-row][data-username=gagm] [data-testid=user-send-reset]';
      await page.goto(cegepUrl('accounts'));
      await page.fill('#users-q', 'gagnon');
      await page.waitForSelector(button);
      expect(await page.textContent(button)).toContain(kind);
      const before = stack.smtp.messages.length;
      await page.click(button);
      await page.waitForSelector('[data-testid=user-action-status-ok]');
      return before;
    };

    // Marc Gagnon, just imported, signs up first: the app sends him a sign-up link, he chooses a password.
    await sendGagnonLink('inscription');
    await stack.smtp.waitFor(1);
    const signUp = stack.smtp.messages.find((m) => m.to.includes('marc.gagnon@cegepsi.test'))!;
    const token = /reset-password\?token=([\w-]+)/.exec(signUp.text)![1];
    const enrolled = await stack.portalPost('cegepdeseptiles', '/api/v1/password/reset', {
      token,
      password: 'Le fleuve est large en hiver',
    });
    expect(enrolled.status).toBe(204);

    await page.goto(cegepUrl('templates'));
    await page.click('[data-testid=edit-template-password-reset-fr]');
    await page.waitForSelector(
      '[data-testid=template-editor][data-kind=password-reset][data-locale=fr]',
    );
    await page.waitForSelector('[data-testid=preview-subject]');

    // A template that does not compile: the error names the part and the line.
    const text = await page.inputValue('#template-text');
    await page.fill('#template-text', `${text}\n{{#if username}}`);
    await page.waitForSelector('[data-testid=template-preview-error]');
    expect(await page.textContent('[data-testid=template-preview-error]')).toMatch(/ligne \d+/);

    await page.fill(
      '#template-subject',
      'Cégep de Sept-Îles : votre lien pour changer de mot de passe',
    );
    await page.fill('#template-text', `Bonjour de l’équipe TI du Cégep.\n${text}`);
    await eventually(
      async () =>
        (await page.textContent('[data-testid=preview-subject]')) ===
        'Cégep de Sept-Îles : votre lien pour changer de mot de passe',
      'preview of the new subject',
    );
    await shot(page, 'template-editor');
    await page.click('[data-testid=template-save]');
    await page.waitForSelector(
      '[data-testid=template-status-ok], [data-testid=template-status-error]',
    );
    expect(await page.textContent('[data-testid=template-status]')).toContain('Modèle enregistré');
    expect(await page.textContent('[data-testid=template-state]')).toBe('Personnalisé');

    // The next reset email, asked from the accounts page, uses the edited template.
    const before = await sendGagnonLink('réinitialisation');
    await stack.smtp.waitFor(before + 1);
    const mail = stack.smtp.messages
      .filter((m) => m.to.includes('marc.gagnon@cegepsi.test'))
      .at(-1)!;
    expect(mail.subject).toBe('Cégep de Sept-Îles : votre lien pour changer de mot de passe');
    expect(mail.text).toContain('Bonjour de l’équipe TI du Cégep.');
    expect(mail.text).toMatch(
      /http:\/\/cegepdeseptiles\.localhost:\d+\/reset-password\?token=[\w-]+/,
    );
    await page.close();
  });

  it('a failed delivery is retried from the app', async () => {
    const page = await cegepSection('email', '[data-testid=test-email-form]');
    stack.smtp.failNext(1, 550, 'Mailbox unavailable');
    // The test email goes to the signed-in admin, and the page says so.
    expect(await page.textContent('[data-testid=test-email-intro]')).toContain(CEGEP_ADMIN.email);
    expect(await page.$('#test-email-to')).toBeNull();
    await page.click('[data-testid=test-email-send]');
    await page.waitForSelector('[data-testid=test-email-status-ok]');

    await page.click('[data-testid=section-deliveries]');
    await page.selectOption('#deliveries-status', 'failed');
    const failedRow = `[data-testid=delivery-row][data-recipient="${CEGEP_ADMIN.email}"][data-status=failed]`;
    await eventually(async () => {
      await page.click('[data-testid=deliveries-refresh]');
      await page.waitForTimeout(200);
      return (await page.$(failedRow)) !== null;
    }, 'the delivery to fail');
    expect(await page.textContent(failedRow)).toContain('550');
    await shot(page, 'deliveries-failed');

    const before = stack.smtp.messages.length;
    await page.click(`${failedRow} [data-testid=delivery-retry]`);
    await page.waitForSelector('[data-testid=retry-status-ok]');
    await stack.smtp.waitFor(before + 1);
    expect(stack.smtp.messages.at(-1)!.to).toContain(CEGEP_ADMIN.email);
    await page.selectOption('#deliveries-status', 'sent');
    await eventually(async () => {
      await page.click('[data-testid=deliveries-refresh]');
      await page.waitForTimeout(200);
      return (
        (await page.$(
          `[data-testid=delivery-row][data-recipient="${CEGEP_ADMIN.email}"][data-status=sent]`,
        )) !== null
      );
    }, 'the delivery to be sent');
    await page.close();
  });

  it('a Montérégie tenant admin sees only Montérégie and cannot open the Cégep', async () => {
    const page = await stack.newPage();
    expect(await signIn(page, stack.adminOrigin, MONTEREGIE_ADMIN)).toEqual(['monteregie']);
    expect(await page.$('[data-testid=nav-admins]')).toBeNull();
    expect(await page.$('[data-testid=nav-platform-audit]')).toBeNull();
    expect(await page.$('[data-testid=create-tenant-form]')).toBeNull();
    await page.goto(`${stack.adminOrigin}/#/audit`);
    await page.waitForSelector('main h1');
    expect(await page.$('[data-testid=platform-audit-page]')).toBeNull();

    await page.goto(cegepUrl('branding'));
    await page.waitForSelector('[data-testid=load-error]');
    expect(await page.textContent('[data-testid=load-error]')).toContain('Introuvable');
    expect(await page.$('[data-testid=branding-form]')).toBeNull();
    for (const path of ['', '/users', '/audit', '/deliveries', '/templates']) {
      const res = await stack.adminApi(
        MONTEREGIE_ADMIN,
        'GET',
        `/tenants/${tenants.cegepdeseptiles!.id}${path}`,
      );
      expect(res.status).toBe(404);
    }
    const own = await stack.adminApi<TenantDetail>(
      MONTEREGIE_ADMIN,
      'GET',
      `/tenants/${tenants.monteregie!.id}`,
    );
    expect(own.status).toBe(200);
    await page.close();
  });

  it('a platform admin creates an administrator, who turns on two-factor sign-in from My account', async () => {
    const gim = { email: 'ti@cegepgim.test', password: 'gaspesie admin password' };
    const page = await stack.newPage();
    await signIn(page, stack.adminOrigin, ROOT);
    await page.click('[data-testid=nav-admins]');
    await page.waitForSelector('[data-testid=admins-table]');
    await page.fill('#new-admin-email', gim.email);
    await page.fill('#new-admin-password', 'short');
    await page.click('[data-testid=create-admin-submit]');
    await page.waitForSelector('[data-testid=new-admin-password-error]');
    await page.fill('#new-admin-password', gim.password);
    await page.check('#new-admin-tenant-cegepgim');
    await page.click('[data-testid=create-admin-submit]');
    await page.waitForSelector('[data-testid=create-admin-status-ok]');
    await page.waitForSelector(`[data-testid=admin-row][data-email="${gim.email}"]`);
    expect(await page.textContent(`[data-testid=admin-row][data-email="${gim.email}"]`)).toContain(
      'Cégep de la Gaspésie',
    );
    await shot(page, 'admins');
    await page.close();

    const own = await stack.newPage();
    expect(await signIn(own, stack.adminOrigin, gim)).toEqual(['cegepgim']);
    await own.click('[data-testid=nav-account]');
    await own.click('[data-testid=totp-setup]');
    await own.waitForSelector('[data-testid=totp-qr]');
    const secret = (await own.textContent('[data-testid=totp-secret]'))!.trim();
    expect(
      await own.$eval('[data-testid=totp-qr]', (img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
    await shot(own, 'totp-setup');
    await own.fill('#totp-enable-code', totpCode(secret));
    await own.click('[data-testid=totp-enable]');
    await own.waitForSelector('[data-testid=totp-disable]');
    await own.click('[data-testid=sign-out]');

    // Signing in now asks for a code (the next step's: a code is accepted once).
    await own.fill('#email', gim.email);
    await own.fill('#password', gim.password);
    await own.click('button[type=submit]');
    await own.waitForSelector('#totpCode');
    expect(await own.textContent('[data-testid=form-error]')).toContain('6 chiffres');
    await eventually(
      async () => (await own.evaluate(() => document.activeElement?.id)) === 'totpCode',
      'focus on the code field',
    );
    await own.fill('#totpCode', totpCode(secret, Date.now() + 30_000));
    await own.click('button[type=submit]');
    await own.waitForSelector('[data-testid=tenants-table] tr[data-slug=cegepgim]');
    await own.close();
  });

  it("a platform admin sets an administrator's password from the Admins page, then finds it in the platform log and its CSV export", async () => {
    const helpdesk = { email: 'soutien@guichet.test', password: 'first helpdesk password' };
    const renewed = { email: helpdesk.email, password: 'Le traversier part à midi' };
    expect(
      (await stack.adminApi(ROOT, 'POST', '/admins', { ...helpdesk, role: 'platform-admin' }))
        .status,
    ).toBe(201);
    const page = await stack.newPage();
    await signIn(page, stack.adminOrigin, ROOT);
    await page.click('[data-testid=nav-admins]');
    const row = `[data-testid=admin-row][data-email="${helpdesk.email}"]`;
    await page.click(`${row} [data-testid=admin-edit]`);
    const passwordField = `${row} [data-testid=edit-admin-password]`;

    // Checked in the app first (12 characters), then by the API (not a common password).
    await page.fill(passwordField, 'trop court');
    await page.click(`${row} [data-testid=edit-admin-save]`);
    await page.waitForSelector(`${row} [data-testid$=-password-error]`);
    await page.fill(passwordField, 'motdepasse123');
    await page.click(`${row} [data-testid=edit-admin-save]`);
    await eventually(
      async () =>
        /courant/.test(
          (await page.textContent(`${row} [data-testid$=-password-error]`).catch(() => '')) ?? '',
        ),
      'the API to refuse a common password',
    );
    // Focus moves to the refused field on the next frame.
    await eventually(
      async () =>
        (await page.evaluate(
          () => (document.activeElement as HTMLElement | null)?.dataset.testid,
        )) === 'edit-admin-password',
      'focus on the refused password',
    );

    await page.fill(passwordField, renewed.password);
    await page.click(`${row} [data-testid=edit-admin-save]`);
    await page.waitForSelector('[data-testid=admin-action-status-ok]');
    expect(await page.textContent('[data-testid=admin-action-status-ok]')).toBe(
      'Administrateur modifié.',
    );
    await expect(stack.adminApi(helpdesk, 'GET', '/me')).rejects.toThrow(/401/);
    expect((await stack.adminApi(renewed, 'GET', '/me')).status).toBe(200);

    // The platform log: events of no tenant, filtered, with before/after, exported as CSV.
    await page.click('[data-testid=nav-platform-audit]');
    await page.waitForSelector('[data-testid=platform-audit-page] [data-testid=audit-row]');
    const actions = await page.$$eval('[data-testid=audit-row]', (rows) =>
      rows.map((r) => r.getAttribute('data-action')),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'admin.updated',
        'admin.created',
        'tenant.created',
        'admin.login.succeeded',
      ]),
    );
    await page.fill('#audit-action', 'admin.updated');
    await eventually(async () => {
      const filtered = await page.$$eval('[data-testid=audit-row]', (rows) =>
        rows.map((r) => r.getAttribute('data-action')),
      );
      return filtered.length > 0 && filtered.every((a) => a === 'admin.updated');
    }, 'the filter on admin.updated');
    await page.click('[data-testid=audit-row] summary');
    expect(await page.textContent('[data-testid=audit-row]')).toContain('passwordChanged');
    await shot(page, 'platform-audit');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=audit-export]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-platform-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('admin.updated');
    expect(csv).toContain(ROOT.email);
    expect(csv).not.toContain('admin.created');
    expect(csv).not.toContain(renewed.password);
    await page.close();
  });

  it('works at phone width and in English', async () => {
    const page = await stack.newPage({ width: 375, height: 800 });
    await signIn(page, stack.adminOrigin, CEGEP_ADMIN);
    await page.click('[data-testid=locale-en]');
    await page.goto(cegepUrl('branding'));
    await page.waitForSelector('[data-testid=login-preview]');
    expect(await page.textContent('#tenant-title')).toContain('Branding and texts');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'branding-phone');
    await page.goto(cegepUrl('accounts'));
    await page.waitForSelector('[data-testid=users-table]');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await shot(page, 'accounts-phone');
    await page.close();
  });

  it('left no console error in any page', () => {
    expect(stack.problems).toEqual([]);
  });
});

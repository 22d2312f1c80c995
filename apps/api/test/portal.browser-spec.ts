import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Browser, chromium } from 'playwright-core';
import { createUser } from './factories/users.js';
import { linkToken, outboxRows, waitFor } from './support/outbox.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/portal/', import.meta.url));

/** The Cégep de Sept-Îles guide, followed in Chromium on the built API, without any help from the test. */
describe('portal in a browser (Chromium)', () => {
  let ctx: TestContext;
  let browser: Browser;
  beforeAll(async () => {
    ctx = await createTestContext();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('Cégep guide: login page → « Mot de passe oublié ? » → username → email link → new password → login → account', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', { username: 'tremj', firstName: 'Julie', lastName: 'Tremblay' });
    const base = `http://cegepdeseptiles.localhost:${ctx.api.port}`;
    const context = await browser.newContext({ locale: 'fr-CA' });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') cspErrors.push(m.text());
    });

    await page.goto(`${base}/login`);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Bienvenue sur le portail Web du Centre de services');
    expect(await page.getByLabel('Se souvenir uniquement de mon nom').isChecked()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}login-fr-desktop.png`, fullPage: true });

    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    expect((await page.locator('h1').textContent())?.trim()).toBe('Réinitialiser votre mot de passe');
    await page.getByPlaceholder("Inscrire votre nom d'utilisateur").fill('tremj');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    await page.waitForURL(`${base}/forgot-password`);

    const rows = await waitFor(() => outboxRows(ctx, { userId: user.id }), (r) => r.some((x) => x.tokenCiphertext));
    const link = `${base}/reset-password?token=${linkToken(rows.find((x) => x.tokenCiphertext)!)}`;
    await page.goto(link);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Changer mon mot de passe');
    // Progressive enhancement: the show/hide button exists only with JavaScript.
    expect(await page.getByRole('button', { name: 'Afficher le mot de passe' }).count()).toBe(1);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Nouveau-secret-2026');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('Nouveau-secret-2026');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    await page.waitForURL(`${base}/login?notice=password-changed`);
    expect(await page.getByRole('status').textContent()).toContain('Votre mot de passe a été changé.');

    await page.getByLabel("Nom d'utilisateur", { exact: true }).fill('tremj');
    await page.getByLabel('Mot de passe', { exact: true }).fill('Nouveau-secret-2026');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    await page.waitForURL(`${base}/account`);
    expect(await page.locator('main').textContent()).toContain('Julie Tremblay');

    await page.getByRole('link', { name: 'ENGLISH' }).click();
    expect((await page.locator('h1').textContent())?.trim()).toBe('My account');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/login?notice=signed-out`);
    expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe('tremj');
    expect(cspErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await context.close();
  }, 60_000);

  it('wrong password, language switching on each page, desktop and phone screenshots', async () => {
    await createUser(ctx, 'cegepdeseptiles', { username: 'roym', password: 'Bon-secret-2026' });
    const base = `http://cegepdeseptiles.localhost:${ctx.api.port}`;
    const context = await browser.newContext({ locale: 'fr-CA' });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Nom d'utilisateur", { exact: true }).fill('roym');
    await page.getByLabel('Mot de passe', { exact: true }).fill('mauvais');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    expect(await page.getByRole('alert').textContent()).toContain("Nom d'utilisateur ou mot de passe incorrect.");
    expect(await page.getByLabel("Nom d'utilisateur", { exact: true }).inputValue()).toBe('roym');

    const titles: Record<string, Record<string, string>> = {
      '/login': { fr: 'Bienvenue sur le portail Web du Centre de services', en: 'Welcome to the Service Centre web portal', pt: 'Bem-vindo ao portal Web do Centro de Serviços' },
      '/forgot-password': { fr: 'Réinitialiser votre mot de passe', en: 'Reset your password', pt: 'Redefinir a sua palavra-passe' },
      '/register': { fr: "M'inscrire au service", en: 'Sign up for the service', pt: 'Inscrever-me no serviço' },
    };
    const names = { fr: 'FRANÇAIS', en: 'ENGLISH', pt: 'PORTUGUÊS' } as const;
    for (const [path, byLang] of Object.entries(titles)) {
      await page.goto(`${base}${path}`);
      for (const lang of ['en', 'pt', 'fr'] as const) {
        await page.getByRole('link', { name: names[lang] }).click();
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect((await page.locator('h1').textContent())?.trim()).toBe(byLang[lang]);
        const slug = path.slice(1);
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.screenshot({ path: `${ARTIFACTS}${slug}-${lang}-desktop.png`, fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: `${ARTIFACTS}${slug}-${lang}-phone.png`, fullPage: true });
        // Nothing wider than the phone screen.
        expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
    }
    await context.close();
  }, 60_000);

  it('axe-core: no WCAG 2.1 A/AA violation on any page, in fr, en and pt', async () => {
    const user = await createUser(ctx, 'monteregie', { username: 'axet0001', firstName: 'Ana', lastName: 'Axe' });
    const cegep = `http://cegepdeseptiles.localhost:${ctx.api.port}`;
    const mont = `http://monteregie.localhost:${ctx.api.port}`;
    // Only the test's own axe script is let past the CSP.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const reset = await ctx.request('monteregie.localhost:3000', { method: 'POST', path: '/api/v1/password/forgot', body: { username: user.username } });
    expect(reset.status).toBe(202);
    const rows = await waitFor(() => outboxRows(ctx, { userId: user.id }), (r) => r.some((x) => x.tokenCiphertext));
    const token = linkToken(rows.find((x) => x.tokenCiphertext)!);
    const pages = [
      `${cegep}/login`,
      `${cegep}/forgot-password`,
      `${cegep}/register`,
      `${cegep}/reset-password?token=malformed`,
      `${cegep}/lookup`, // feature off: the portal 404 page
      `${mont}/login`,
      `${mont}/lookup`,
      `${mont}/reset-password?token=${token}`,
    ];
    const failures: string[] = [];
    // Signed in, for the account page.
    await page.goto(`${mont}/login`);
    await page.fill('#username', user.username);
    await page.fill('#password', user.password!);
    await page.click('button[type=submit]');
    await page.waitForURL(`${mont}/account`);
    pages.push(`${mont}/account`);
    for (const url of pages) {
      for (const lang of ['fr', 'en', 'pt']) {
        await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
          const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        if (violations.length) failures.push(`${url} [${lang}]: ${violations.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    await context.close();
  }, 90_000);
});

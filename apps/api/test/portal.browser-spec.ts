import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { launchChromium, newWatchedPage } from '@guichet/testing';
import type { Browser, Page } from 'playwright-core';
import { JULIE, MARIE } from './factories/personas.js';
import { createUser } from './factories/users.js';
import { type MailWorker, startMailWorker } from './support/mail-worker.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/portal/', import.meta.url));
const LANGS = ['fr', 'en', 'pt'] as const;
const LANGUAGE_LINKS = { fr: 'FRANÇAIS', en: 'ENGLISH', pt: 'PORTUGUÊS' } as const;

const h1 = async (page: Page) => (await page.locator('h1').textContent())?.trim();

/**
 * The two guides followed in Chromium on the product as a user starts it: the built API, the
 * built email worker, and an SMTP server whose emails the test reads like a user would.
 */
describe('portal in a browser (Chromium, api + worker + SMTP)', () => {
  let ctx: TestContext;
  let mail: MailWorker;
  let browser: Browser;
  let cegep: string;
  let mont: string;
  /** The emailed link, on the port this test's API listens on (the email says the public :3000). */
  const local = (link: string, base: string) => {
    const url = new URL(link);
    return `${base}${url.pathname}${url.search}`;
  };
  // Script errors, CSP reports, and any sub-resource that fails (a refused form's own 400 is expected).
  const newPage = (options: Parameters<Browser['newContext']>[0] = {}) =>
    newWatchedPage(browser, options);

  beforeAll(async () => {
    // Request logs on: the test checks that no token reaches them.
    ctx = await createTestContext({ LOG_LEVEL: 'info' });
    mail = await startMailWorker(ctx);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
    cegep = `http://cegepdeseptiles.localhost:${ctx.api.port}`;
    mont = `http://monteregie.localhost:${ctx.api.port}`;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await mail?.stop();
    await ctx?.close();
  });

  it('Cégep guide: login page → « Mot de passe oublié ? » → username → email → link → new password → login → account; the used link then says so', async () => {
    await createUser(ctx, 'cegepdeseptiles', JULIE);
    const { context, page, errors } = await newPage();

    await page.goto(`${cegep}/login`);
    expect(await h1(page)).toBe('Bienvenue sur le portail Web du Centre de services');
    expect(
      await page
        .getByText(
          "Le nom d'utilisateur correspond (sauf exception) aux 3 premières lettres du nom et la première lettre du prénom",
        )
        .count(),
    ).toBe(1);
    expect(await page.getByLabel('Se souvenir uniquement de mon nom').isChecked()).toBe(true);

    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    expect(await h1(page)).toBe('Réinitialiser votre mot de passe');
    await page.getByPlaceholder("Inscrire votre nom d'utilisateur").fill('tremj');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    await page.waitForURL(`${cegep}/forgot-password`);
    expect(await page.getByRole('status').textContent()).toContain(
      "un courriel vient d'être envoyé",
    );

    const email = await mail.nextEmail(JULIE.email);
    expect(email.from).toBe('supportTI@cegepsi.ca');
    expect(email.subject).toBe(
      'Changement de mot de passe pour accéder au portail Web du Centre de services',
    );
    expect(email.text).toContain(
      'Pour confirmer votre nouveau mot de passe, vous devez accéder cette page',
    );
    const link = local(mail.linkIn(email), cegep);

    await page.goto(link);
    expect(await h1(page)).toBe('Changer mon mot de passe');
    // Progressive enhancement: the show/hide button exists only with JavaScript.
    const show = page.getByRole('button', { name: 'Afficher le mot de passe' }).first();
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Nouveau-secret-2026');
    await show.click();
    expect(
      await page.getByLabel('Nouveau mot de passe', { exact: true }).getAttribute('type'),
    ).toBe('text');
    await page.getByLabel('Confirmation du nouveau mot de passe').fill('Nouveau-secret-2026');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    await page.waitForURL(`${cegep}/login?notice=password-changed`);
    expect(await page.getByRole('status').textContent()).toContain(
      'Votre mot de passe a été changé.',
    );

    // The "password changed" notice reaches the mailbox too.
    const notice = await mail.nextEmail(JULIE.email);
    expect(notice.text).not.toMatch(/token=/);

    await page.getByLabel("Nom d'utilisateur", { exact: true }).fill('tremj');
    await page.getByLabel('Mot de passe', { exact: true }).fill('Nouveau-secret-2026');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    await page.waitForURL(`${cegep}/account`);
    expect(await page.locator('main').textContent()).toContain('Julie Tremblay');

    await page.getByRole('link', { name: 'ENGLISH' }).click();
    expect(await h1(page)).toBe('My account');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${cegep}/login?notice=signed-out`);
    expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe('tremj');

    // The same link a second time: used, with the way to a new one.
    await page.goto(link);
    expect(await h1(page)).toBe('This link has already been used');
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await page.waitForURL(`${cegep}/forgot-password`);
    expect(errors).toEqual([]);
    await context.close();
    // The token went through the API and the worker, and neither logged it.
    const token = new URL(link).searchParams.get('token')!;
    expect(ctx.api.output()).toContain('/reset-password?[redacted]');
    expect(ctx.api.output()).not.toContain(token);
    expect(mail.worker.output()).not.toContain(token);
  }, 90_000);

  it("Montérégie guide: « M'inscrire au service » → unified account → email → link → passwords refused by the rule, then accepted → login", async () => {
    const user = await createUser(ctx, 'monteregie', { ...MARIE, password: null });
    const { context, page, errors } = await newPage();
    await page.goto(`${mont}/login`);
    await page.getByRole('link', { name: "M'inscrire au service" }).click();
    expect(await h1(page)).toBe("M'inscrire au service");
    await page
      .getByLabel(/compte unifié|Nom d'utilisateur/)
      .first()
      .fill('gagm0001');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    await page.waitForURL(`${mont}/register`);

    const email = await mail.nextEmail(MARIE.email);
    const link = local(mail.linkIn(email), mont);
    await page.goto(link);
    // The rules of the guide, listed in the user's language.
    const rules = await page.locator('#password-rules').textContent();
    expect(rules).toMatch(/4/);
    const password = page.getByLabel('Nouveau mot de passe', { exact: true });
    const confirmation = page.getByLabel('Confirmation du nouveau mot de passe');
    const submit = page.getByRole('button', { name: 'SOUMETTRE' });

    // No digit: refused, the violation next to the field, the link still usable.
    await password.fill('abcdefgh');
    await confirmation.fill('abcdefgh');
    await submit.click();
    const refused = page.locator('#password-errors');
    expect(await refused.getAttribute('role')).toBe('alert');
    expect(await refused.textContent()).toMatch(/chiffre/i);
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    // No letter: refused too.
    await password.fill('20262026');
    await confirmation.fill('20262026');
    await submit.click();
    expect(await page.locator('#password-errors').textContent()).toMatch(/lettre/i);
    // What the guide asks: at least 4 characters, one digit and one letter.
    await password.fill('Mont2026x');
    await confirmation.fill('Mont2026x');
    await submit.click();
    await page.waitForURL(`${mont}/login?notice=password-changed`);

    await page
      .getByLabel(/compte unifié|Nom d'utilisateur/)
      .first()
      .fill('gagm0001');
    await page.getByLabel('Mot de passe', { exact: true }).fill('Mont2026x');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    await page.waitForURL(`${mont}/account`);
    expect(await page.locator('main').textContent()).toContain('gagm0001');
    expect(user.username).toBe('gagm0001');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('wrong password, an expired link, lookup refused outside the managed networks', async () => {
    await createUser(ctx, 'cegepdeseptiles', { username: 'roym', password: 'Bon-secret-2026' });
    const { context, page } = await newPage();
    await page.goto(`${cegep}/login`);
    await page.getByLabel("Nom d'utilisateur", { exact: true }).fill('roym');
    await page.getByLabel('Mot de passe', { exact: true }).fill('mauvais');
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    expect(await page.getByRole('alert').textContent()).toContain(
      "Nom d'utilisateur ou mot de passe incorrect.",
    );
    expect(await page.getByLabel("Nom d'utilisateur", { exact: true }).inputValue()).toBe('roym');
    expect(await page.getByLabel('Mot de passe', { exact: true }).inputValue()).toBe('');

    const late = await createUser(ctx, 'cegepdeseptiles', {
      username: 'lavp',
      email: 'pierre.lavoie@cegepsi.ca',
    });
    await page.goto(`${cegep}/forgot-password`);
    await page.getByPlaceholder("Inscrire votre nom d'utilisateur").fill(late.username);
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    const link = local(mail.linkIn(await mail.nextEmail('pierre.lavoie@cegepsi.ca')), cegep);
    // Time passes beyond the tenant's lifetime.
    await ctx.dataSource.query(
      "UPDATE action_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1",
      [late.id],
    );
    await page.goto(link);
    expect(await h1(page)).toBe('Ce lien a expiré');
    expect(await page.getByRole('alert').textContent()).toContain(
      "l'accès à cette page est pour une durée limitée",
    );
    expect(
      await page.getByRole('link', { name: 'Demander un nouveau lien' }).getAttribute('href'),
    ).toBe('/forgot-password');
    await context.close();

    // The lookup tool from outside the Montérégie's networks (a proxy that the API trusts says who the client is).
    const proxied = await ctx.startApi({ TRUSTED_PROXIES: '127.0.0.1' });
    const outside = await newPage({ extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.9' } });
    await outside.page.goto(`http://monteregie.localhost:${proxied.port}/lookup`);
    expect(await h1(outside.page)).toBe('Accès refusé');
    expect(await outside.page.getByRole('alert').textContent()).toContain(
      "uniquement à partir d'un poste de travail géré",
    );
    await outside.context.close();
    const inside = await newPage({ extraHTTPHeaders: { 'x-forwarded-for': '10.20.30.40' } });
    await inside.page.goto(`http://monteregie.localhost:${proxied.port}/lookup`);
    await inside.page.getByLabel('Prénom').fill('Marie');
    await inside.page.getByLabel('Nom', { exact: true }).fill('Gagnon');
    await inside.page.getByRole('button', { name: 'SOUMETTRE' }).click();
    expect(await inside.page.getByRole('status').textContent()).toContain('gagm0001');
    await inside.context.close();
  }, 90_000);

  it('language switching on each page keeps the page, sets lang, and is remembered', async () => {
    const titles: Record<string, Record<(typeof LANGS)[number], string>> = {
      '/login': {
        fr: 'Bienvenue sur le portail Web du Centre de services',
        en: 'Welcome to the Service Centre web portal',
        pt: 'Bem-vindo ao portal Web do Centro de Serviços',
      },
      '/forgot-password': {
        fr: 'Réinitialiser votre mot de passe',
        en: 'Reset your password',
        pt: 'Redefinir a sua palavra-passe',
      },
      '/register': {
        fr: "M'inscrire au service",
        en: 'Sign up for the service',
        pt: 'Inscrever-me no serviço',
      },
      '/reset-password?token=not-a-real-token': {
        fr: "Ce lien n'est pas valide",
        en: 'This link is not valid',
        pt: 'Esta ligação não é válida',
      },
    };
    const { context, page } = await newPage();
    for (const [path, byLang] of Object.entries(titles)) {
      await page.goto(`${cegep}${path}`);
      for (const lang of ['en', 'pt', 'fr'] as const) {
        await page.getByRole('link', { name: LANGUAGE_LINKS[lang] }).click();
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(new URL(page.url()).pathname).toBe(path.split('?')[0]);
        expect(await h1(page)).toBe(byLang[lang]);
      }
    }
    // The choice is kept for the next pages.
    await page.getByRole('link', { name: 'ENGLISH' }).click();
    await page.goto(`${cegep}/forgot-password`);
    expect(await h1(page)).toBe('Reset your password');
    await context.close();
  }, 60_000);

  it('axe-core: no WCAG 2.1 A/AA violation on any page in fr, en and pt; screenshots at desktop and phone widths', async () => {
    const user = await createUser(ctx, 'monteregie', {
      username: 'axet0001',
      firstName: 'Ana',
      lastName: 'Axe',
      email: 'ana.axe@ssss.gouv.qc.ca',
    });
    // Only the test's own axe script is let past the CSP.
    const { context, page } = await newPage({ bypassCSP: true });
    await page.goto(`${mont}/forgot-password`);
    await page
      .getByLabel(/compte unifié|Nom d'utilisateur/)
      .first()
      .fill(user.username);
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    const resetLink = local(mail.linkIn(await mail.nextEmail('ana.axe@ssss.gouv.qc.ca')), mont);
    const pages: [string, string][] = [
      ['login', `${cegep}/login`],
      ['forgot-password', `${cegep}/forgot-password`],
      ['sent', `${cegep}/forgot-password`],
      ['register', `${cegep}/register`],
      ['link-invalid', `${cegep}/reset-password?token=malformed`],
      ['not-found', `${cegep}/lookup`], // feature off at the Cégep: the portal 404 page
      ['login-monteregie', `${mont}/login`],
      ['lookup', `${mont}/lookup`],
      ['reset-password', resetLink],
      ['reset-password-errors', resetLink],
    ];
    const failures: string[] = [];
    const check = async (name: string, lang: string) => {
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: {
              run: (
                ctx: unknown,
                opts: unknown,
              ) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      if (violations.length) failures.push(`${name} [${lang}]: ${violations.join(', ')}`);
      for (const [width, height, label] of [
        [1280, 800, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: `${ARTIFACTS}${name}-${lang}-${label}.png`, fullPage: true });
        if (label === 'phone') {
          const scrollWidth = await page.evaluate(
            () =>
              (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
                .document.documentElement.scrollWidth,
          );
          if (scrollWidth > width)
            failures.push(`${name} [${lang}]: ${scrollWidth}px wide on a ${width}px phone`);
        }
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    };
    for (const lang of LANGS) {
      for (const [name, url] of pages) {
        await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        if (name === 'sent' || name === 'reset-password-errors') {
          // The page after a submission: the confirmation, or the violations next to the field.
          if (name === 'sent') await page.fill('#username', 'someone');
          else {
            await page.fill('#password', 'abc');
            await page.fill('#passwordConfirmation', 'abc');
          }
          await page.click('button[type=submit]');
          await page.waitForLoadState();
        }
        await check(name, lang);
      }
      // Signed in, for the account page.
      await page.goto(`${mont}/login?lang=${lang}`);
      await page.fill('#username', user.username);
      await page.fill('#password', user.password!);
      await page.click('button[type=submit]');
      await page.waitForURL(`${mont}/account`);
      await check('account', lang);
      await page.click('button[type=submit]');
      await page.waitForURL(/notice=signed-out/);
    }
    // The unknown host page.
    await page.goto(`http://nowhere.localhost:${ctx.api.port}/`);
    await check('unknown-host', 'fr');
    expect(failures).toEqual([]);
    await context.close();
  }, 180_000);
});

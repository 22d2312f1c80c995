import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as oidc from 'openid-client';
import { launchChromium, newWatchedPage, type WatchedPage } from '@guichet/testing';
import type { Browser, Cookie, Page } from 'playwright-core';
import { createUser, type TestUser } from './factories/users.js';
import { addClient, apiFetch, issuerAtTestAddress } from './support/oidc.js';
import { linkToken, outboxRows, waitFor } from './support/outbox.js';
import { createTestContext, type TestContext } from './support/test-app.js';

/**
 * A relying party of the test, on 127.0.0.1, built with openid-client: /start sends the
 * browser to the issuer (code + PKCE + state + nonce), /callback redeems the code and shows
 * who signed in, /signed-out is its post-logout page.
 */
async function startRelyingParty(
  issuer: string,
  apiPort: number,
  client: { clientId: string; clientSecret?: string },
) {
  const pending = new Map<string, { verifier: string; nonce: string }>();
  const signIns: { sub: string; idToken: string }[] = [];
  let origin = '';
  let config: oidc.Configuration | undefined;
  const configuration = async () =>
    (config ??= await oidc.discovery(
      new URL(issuer),
      client.clientId,
      client.clientSecret,
      oidc.ClientSecretBasic(client.clientSecret!),
      {
        execute: [oidc.allowInsecureRequests],
        [oidc.customFetch]: apiFetch(apiPort) as never,
      },
    ));
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const cfg = await configuration();
      if (url.pathname === '/start') {
        const verifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        const nonce = oidc.randomNonce();
        pending.set(state, { verifier, nonce });
        const params: Record<string, string> = {
          redirect_uri: `${origin}/callback`,
          scope: 'openid profile',
          state,
          nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        };
        if (url.searchParams.get('prompt')) params.prompt = url.searchParams.get('prompt')!;
        return void res
          .writeHead(302, { location: oidc.buildAuthorizationUrl(cfg, params).href })
          .end();
      }
      if (url.pathname === '/callback') {
        const state = url.searchParams.get('state') ?? '';
        const flow = pending.get(state);
        if (!flow) return void res.writeHead(400).end('unknown state');
        pending.delete(state);
        const tokens = await oidc.authorizationCodeGrant(cfg, url, {
          pkceCodeVerifier: flow.verifier,
          expectedState: state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        const { sub } = tokens.claims()!;
        const profile = await oidc.fetchUserInfo(cfg, tokens.access_token, sub);
        signIns.push({ sub, idToken: tokens.id_token! });
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            `<!doctype html><title>RP</title><h1 id="who" data-sub="${sub}">${String(profile.preferred_username)}</h1>`,
          );
      }
      if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
      if (url.pathname === '/signed-out')
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!doctype html><title>RP</title><h1 id="bye">signed out</h1>');
      res.writeHead(404).end();
    })().catch((error: Error) => {
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`relying party: ${error.message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    signIns,
    configuration,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const REMEMBER_LABELS = {
  all: 'Se souvenir de moi',
  username: 'Se souvenir uniquement de mon nom',
  none: 'Ne pas se souvenir de moi',
} as const;

/** An application's sign-in through the Cégep's portal, in Chromium: the CSP form-action chain as a real browser enforces it. */
describe('OpenID Connect sign-in through the portal in a browser (Chromium)', () => {
  let ctx: TestContext;
  let browser: Browser;
  let cegep: string;
  let rp: Awaited<ReturnType<typeof startRelyingParty>>;
  let thirdPartyRp: Awaited<ReturnType<typeof startRelyingParty>>;

  beforeAll(async () => {
    ctx = await createTestContext();
    // The issuer is the tenant's public URL: make it the address the browser uses.
    cegep = await issuerAtTestAddress(ctx, 'cegepdeseptiles');
    browser = await launchChromium();
    rp = await startRelyingPartyRegistered(true);
    thirdPartyRp = await startRelyingPartyRegistered(false);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await rp?.close();
    await thirdPartyRp?.close();
    await ctx?.close();
  });

  /** A relying party whose client is registered with its own callback (the client is looked up when the first request comes). */
  async function startRelyingPartyRegistered(firstParty: boolean) {
    const registered: { clientId: string; clientSecret?: string } = {
      clientId: '',
      clientSecret: '',
    };
    const party = await startRelyingParty(cegep, ctx.api.port, registered);
    const client = await addClient(ctx, 'cegepdeseptiles', {
      name: firstParty ? 'Intranet du Cégep' : 'Bibliothèque numérique',
      redirectUris: [`${party.origin}/callback`],
      postLogoutRedirectUris: [`${party.origin}/signed-out`],
      firstParty,
    });
    Object.assign(registered, client);
    return party;
  }

  /** Every console error and every 4xx/5xx answer, page loads included. */
  function newContext(): Promise<WatchedPage> {
    return newWatchedPage(browser, {}, { failedLoads: true, documents: true });
  }

  async function signInThroughPortal(
    page: Page,
    party: typeof rp,
    user: TestUser,
    remember: keyof typeof REMEMBER_LABELS,
  ) {
    await page.goto(`${party.origin}/start`);
    await page.waitForURL(`${cegep}/login`);
    await page.getByLabel("Nom d'utilisateur", { exact: true }).fill(user.username);
    await page.getByLabel('Mot de passe', { exact: true }).fill(user.password!);
    await page.getByLabel(REMEMBER_LABELS[remember], { exact: true }).check();
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
  }

  const cookieOf = (cookies: Cookie[], name: string) => cookies.find((c) => c.name === name);
  /** Playwright: -1 for a cookie that ends with the browser session, a Unix time otherwise. */
  const persistent = (cookie: Cookie | undefined) => !!cookie && cookie.expires > Date.now() / 1000;

  for (const remember of ['all', 'username', 'none'] as const) {
    it(`signs in to an application through the portal with « ${REMEMBER_LABELS[remember]} »: back at the application, the cookies ${remember === 'all' ? 'persist' : 'end with the browser'}`, async () => {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const { context, page, errors } = await newContext();
      await signInThroughPortal(page, rp, user, remember);
      await page.waitForURL(`${rp.origin}/callback?**`);
      expect(await page.locator('#who').getAttribute('data-sub')).toBe(user.id);
      expect(await page.locator('#who').textContent()).toBe(user.username);

      const cookies = await context.cookies(cegep);
      expect(persistent(cookieOf(cookies, 'guichet_session'))).toBe(remember === 'all');
      expect(persistent(cookieOf(cookies, 'guichet_oidc_session'))).toBe(remember === 'all');
      expect(cookieOf(cookies, 'guichet_session')).toBeDefined();
      expect(cookieOf(cookies, 'guichet_oidc_session')).toBeDefined();
      // The username is remembered by the first two choices, for long; the third keeps none.
      expect(persistent(cookieOf(cookies, 'guichet_username'))).toBe(remember !== 'none');
      if (remember === 'none') expect(cookieOf(cookies, 'guichet_username')).toBeUndefined();

      // Single sign-on: the next visit to the application needs no form.
      await page.goto(`${rp.origin}/start`);
      await page.waitForURL(`${rp.origin}/callback?**`);
      expect(await page.locator('#who').getAttribute('data-sub')).toBe(user.id);
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }

  it('forgot password from the application’s sign-in, the link opened in another tab after the interaction expired: the new password signs in to the application', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const { context, page, errors } = await newContext();
    await page.goto(`${rp.origin}/start`);
    await page.waitForURL(`${cegep}/login`);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.waitForURL(`${cegep}/forgot-password`);
    await page.getByLabel("Nom d'utilisateur", { exact: true }).fill(user.username);
    await page.getByRole('button', { name: 'SOUMETTRE' }).click();
    await page.waitForLoadState();
    const rows = await waitFor(
      () => outboxRows(ctx, { userId: user.id }),
      (r) => r.some((x) => x.tokenCiphertext),
    );
    const token = linkToken(rows.find((x) => x.tokenCiphertext)!);
    // The interaction is gone by the time the email is read.
    await context.clearCookies({ name: /^guichet_oidc_(interaction|resume|return)/ });
    const tab = await context.newPage();
    tab.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await tab.goto(`${cegep}/reset-password?token=${token}`);
    const password = 'Nouvelle-phrase-2025!z';
    await tab.getByLabel('Nouveau mot de passe', { exact: true }).fill(password);
    await tab.getByLabel('Confirmation du nouveau mot de passe', { exact: true }).fill(password);
    await tab.getByRole('button', { name: 'SOUMETTRE' }).click();
    await tab.waitForURL(`${cegep}/login?notice=password-changed`);
    await tab.getByLabel("Nom d'utilisateur", { exact: true }).fill(user.username);
    await tab.getByLabel('Mot de passe', { exact: true }).fill(password);
    await tab.getByRole('button', { name: 'SOUMETTRE' }).click();
    await tab.waitForURL(`${rp.origin}/callback?**`);
    expect(await tab.locator('#who').getAttribute('data-sub')).toBe(user.id);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('asks consent for a third-party application, then signs out at the issuer back to the application (every form’s redirect allowed)', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const { context, page, errors } = await newContext();
    await signInThroughPortal(page, thirdPartyRp, user, 'none');
    await page.waitForURL(`${cegep}/oidc/interaction/**`);
    expect(await page.locator('main').textContent()).toContain('Bibliothèque numérique');
    await page.locator('button[name=decision][value=allow]').click();
    await page.waitForURL(`${thirdPartyRp.origin}/callback?**`);
    expect(await page.locator('#who').getAttribute('data-sub')).toBe(user.id);

    const config = await thirdPartyRp.configuration();
    const { idToken } = thirdPartyRp.signIns.at(-1)!;
    await page.goto(
      oidc.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: `${thirdPartyRp.origin}/signed-out`,
      }).href,
    );
    await page.getByRole('button', { name: /ME DÉCONNECTER/i }).click();
    await page.waitForURL(`${thirdPartyRp.origin}/signed-out`);
    expect(cookieOf(await context.cookies(cegep), 'guichet_session')).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

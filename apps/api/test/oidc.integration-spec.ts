import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as jose from 'jose';
import { httpRequest } from '@guichet/testing';
import * as oidc from 'openid-client';
import { createUser, tenantId, type TestUser } from './factories/users.js';
import { signIn as adminSignIn } from './support/admin.js';
import { decodeJwt } from './support/jwt.js';
import {
  addClient,
  apiFetch,
  guichetCli,
  OidcBrowser,
  startCallbackServer,
  startLogoutReceiver,
} from './support/oidc.js';
import { linkToken, outboxRows, waitFor } from './support/outbox.js';
import { ADMIN_HOST, CEGEP, MONTEREGIE } from './support/hosts.js';
import { createTestContext, type TestContext } from './support/test-app.js';

const CEGEP_ISSUER = `http://${CEGEP}`;
const MONTEREGIE_ISSUER = `http://${MONTEREGIE}`;

/** Verifies an RS256 JWT with a key of a JWKS, as a relying party holding the JWKS would. */
function verifiesWith(token: string, jwks: { keys: { kid?: string }[] }): boolean {
  const [h, c, s] = token.split('.');
  const jwk = jwks.keys.find((k) => k.kid === decodeJwt(token).header.kid);
  if (!jwk) return false;
  return verify(
    'sha256',
    Buffer.from(`${h}.${c}`),
    createPublicKey({ key: jwk as never, format: 'jwk' }),
    Buffer.from(s!, 'base64url'),
  );
}

describe('OpenID Connect: every tenant an issuer, signing in through its portal', () => {
  let ctx: TestContext;
  let callback: Awaited<ReturnType<typeof startCallbackServer>>;
  let redirectUri: string;
  let logoutUri: string;
  let firstParty: { clientId: string; clientSecret?: string };
  let thirdParty: { clientId: string; clientSecret?: string };
  let publicClient: { clientId: string };
  let monteregieClient: { clientId: string; clientSecret?: string };
  let logoutReceiver: Awaited<ReturnType<typeof startLogoutReceiver>>;
  let backchannelClient: { clientId: string; clientSecret?: string };
  let alice: TestUser;
  let ipCounter = 0;
  const nextIp = () => `10.40.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;
  /** The issuer's answer to an authorization request (openid) for this redirect URI, from a new browser. */
  const authorizationAnswer = (config: oidc.Configuration, redirect_uri: string) =>
    new OidcBrowser(ctx, nextIp()).request(
      oidc.buildAuthorizationUrl(config, { redirect_uri, scope: 'openid', state: 's', nonce: 'n' })
        .href,
    );
  /** Forgot password (202), then the emailed link's new password: the reset's answer. */
  async function resetByEmail(user: TestUser) {
    const ip = { 'x-forwarded-for': nextIp() };
    expect(
      (
        await ctx.request(CEGEP, {
          method: 'POST',
          path: '/api/v1/password/forgot',
          body: { username: user.username },
          headers: ip,
        })
      ).status,
    ).toBe(202);
    const rows = await waitFor(
      () => outboxRows(ctx, { userId: user.id }),
      (r) => r.some((x) => x.tokenCiphertext),
    );
    return ctx.request(CEGEP, {
      method: 'POST',
      path: '/api/v1/password/reset',
      body: {
        token: linkToken(rows.find((x) => x.tokenCiphertext)!),
        password: 'Nouvelle-phrase-2025!z',
      },
      headers: ip,
    });
  }
  /** An admin disables the account: the admin API's answer. */
  async function disableByAdmin(user: TestUser) {
    const admin = await adminSignIn(ctx);
    return admin.request(
      'POST',
      `/tenants/${await tenantId(ctx, 'cegepdeseptiles')}/users/${user.id}/disable`,
    );
  }

  const discover = (issuer: string, clientId: string, secret?: string, auth?: oidc.ClientAuth) =>
    oidc.discovery(
      new URL(issuer),
      clientId,
      secret,
      auth ?? (secret ? oidc.ClientSecretBasic(secret) : oidc.None()),
      {
        execute: [oidc.allowInsecureRequests],
        [oidc.customFetch]: apiFetch(ctx.api.port) as never,
      },
    );

  beforeAll(async () => {
    ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
    callback = await startCallbackServer();
    redirectUri = `${callback.origin}/callback`;
    logoutUri = `${callback.origin}/signed-out`;
    logoutReceiver = await startLogoutReceiver();
    [firstParty, thirdParty, publicClient, monteregieClient, backchannelClient] = await Promise.all(
      [
        addClient(ctx, 'cegepdeseptiles', {
          name: 'Intranet du Cégep',
          redirectUris: [redirectUri],
          postLogoutRedirectUris: [logoutUri],
          firstParty: true,
        }),
        addClient(ctx, 'cegepdeseptiles', {
          name: 'Bibliothèque numérique',
          redirectUris: [redirectUri],
        }),
        addClient(ctx, 'cegepdeseptiles', {
          name: 'Application mobile',
          redirectUris: [redirectUri],
          public: true,
          firstParty: true,
        }),
        addClient(ctx, 'monteregie', {
          name: 'Intranet CISSS',
          redirectUris: [redirectUri],
          firstParty: true,
        }),
        addClient(ctx, 'cegepdeseptiles', {
          name: 'Moodle',
          redirectUris: [redirectUri],
          postLogoutRedirectUris: [logoutUri],
          backchannelLogoutUri: logoutReceiver?.uri,
          firstParty: true,
        }),
      ],
    );
    alice = await createUser(ctx, 'cegepdeseptiles', {
      username: 'trejea',
      firstName: 'Jean',
      lastName: 'Tremblay',
      email: 'jean.tremblay@cegepsi.ca',
    });
  });
  afterAll(async () => {
    await callback?.close();
    await logoutReceiver?.close();
    await ctx?.close();
  });

  interface SignInOptions {
    config: oidc.Configuration;
    browser?: OidcBrowser;
    user?: TestUser;
    remember?: 'all' | 'username' | 'none';
    scope?: string;
    prompt?: string;
    pkce?: boolean;
    /** Answer of the consent page, for a client that is not first-party. */
    consent?: 'allow' | 'deny';
  }

  /** The authorization code flow as a browser runs it: the portal's login form, then back to the redirect URI. */
  async function authorize(options: SignInOptions) {
    const browser = options.browser ?? new OidcBrowser(ctx, nextIp());
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const params: Record<string, string> = {
      redirect_uri: redirectUri,
      scope: options.scope ?? 'openid profile email',
      state,
      nonce,
    };
    if (options.pkce !== false)
      Object.assign(params, {
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
    if (options.prompt) params.prompt = options.prompt;
    const authUrl = oidc.buildAuthorizationUrl(options.config, params);
    let step = await browser.navigate(authUrl.href, callback.origin);
    let loginPage: string | undefined;
    if (step.url.pathname === '/login') {
      loginPage = step.res!.body;
      const user = options.user ?? alice;
      step = await browser.navigate(step.url.href, callback.origin, {
        form: OidcBrowser.loginForm(step.res!, {
          username: user.username,
          password: user.password!,
          remember: options.remember ?? 'username',
        }),
      });
    }
    let consentPage: string | undefined;
    if (step.res && step.url.pathname.startsWith('/oidc/interaction/') && options.consent) {
      consentPage = step.res.body;
      const action = /<form method="post" action="([^"]+)"/.exec(consentPage)![1]!;
      step = await browser.navigate(new URL(action, step.url).href, callback.origin, {
        form: OidcBrowser.loginForm(step.res, { decision: options.consent }),
      });
    }
    return { browser, step, verifier, state, nonce, loginPage, consentPage };
  }

  async function signIn(options: SignInOptions) {
    const flow = await authorize(options);
    if (flow.step.url.origin !== callback.origin)
      throw new Error(
        `ended at ${flow.step.url.href} (${flow.step.res?.status}): ${flow.step.res?.body.slice(0, 300)}`,
      );
    const tokens = await oidc.authorizationCodeGrant(options.config, flow.step.url, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    return { ...flow, tokens, callbackUrl: flow.step.url };
  }

  it('publishes discovery per tenant: the issuer is the tenant public URL, code flow only, S256 PKCE', async () => {
    for (const [host, issuer] of [
      [CEGEP, CEGEP_ISSUER],
      [MONTEREGIE, MONTEREGIE_ISSUER],
    ] as const) {
      const res = await ctx.request(host, { path: '/.well-known/openid-configuration' });
      expect(res.status).toBe(200);
      const doc = res.json<Record<string, unknown>>();
      expect(doc.issuer).toBe(issuer);
      for (const key of [
        'authorization_endpoint',
        'token_endpoint',
        'userinfo_endpoint',
        'jwks_uri',
        'end_session_endpoint',
        'revocation_endpoint',
        'introspection_endpoint',
      ]) {
        expect(String(doc[key])).toMatch(new RegExp(`^${issuer.replace(/\./g, '\\.')}/oidc/`));
      }
      expect(doc.response_types_supported).toEqual(['code']);
      expect(doc.code_challenge_methods_supported).toEqual(['S256']);
      expect(doc.token_endpoint_auth_methods_supported).toEqual(
        expect.arrayContaining(['client_secret_basic', 'client_secret_post', 'none']),
      );
      expect(doc.scopes_supported).toEqual(
        expect.arrayContaining(['openid', 'profile', 'email', 'offline_access']),
      );
      const jwks = (await ctx.request(host, { path: '/oidc/jwks' })).json<{
        keys: { kid: string; d?: string }[];
      }>();
      expect(jwks.keys.length).toBeGreaterThan(0);
      expect(jwks.keys.every((k) => k.kid && k.d === undefined)).toBe(true);
    }
    const cegepKids = (await ctx.request(CEGEP, { path: '/oidc/jwks' }))
      .json<{ keys: { kid: string }[] }>()
      .keys.map((k) => k.kid);
    const monteregieKids = (await ctx.request(MONTEREGIE, { path: '/oidc/jwks' }))
      .json<{ keys: { kid: string }[] }>()
      .keys.map((k) => k.kid);
    expect(cegepKids.some((k) => monteregieKids.includes(k))).toBe(false);
    // Not on the admin host (its app's pages answer there), nor on an unknown one.
    expect(
      (await ctx.request(ADMIN_HOST, { path: '/.well-known/openid-configuration' })).body,
    ).not.toContain('"issuer"');
    expect((await ctx.request(ADMIN_HOST, { path: '/oidc/jwks' })).body).not.toContain('"keys"');
    expect(
      (await ctx.request('nowhere.localhost:3000', { path: '/.well-known/openid-configuration' }))
        .status,
    ).toBe(404);
  });

  it('signs a Cégep staff member in through the branded portal login: code + PKCE + state + nonce, ID token verified, userinfo', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const { tokens, loginPage, browser } = await signIn({ config });
    expect(loginPage).toContain('Bienvenue sur le portail Web du Centre de services');
    expect(loginPage).toContain('Se souvenir uniquement de mon nom');
    const claims = tokens.claims()!;
    expect(claims.iss).toBe(CEGEP_ISSUER);
    expect(claims.aud).toBe(firstParty.clientId);
    expect(claims.sub).toBe(alice.id);
    const info = await oidc.fetchUserInfo(config, tokens.access_token, alice.id);
    expect(info).toMatchObject({
      sub: alice.id,
      preferred_username: 'trejea',
      given_name: 'Jean',
      family_name: 'Tremblay',
      name: 'Jean Tremblay',
      email: 'jean.tremblay@cegepsi.ca',
      email_verified: true,
      locale: 'fr',
    });
    // The portal session is the single sign-on session: the next application request skips the form.
    const again = await authorize({ config, browser });
    expect(again.loginPage).toBeUndefined();
    expect(again.step.url.origin).toBe(callback.origin);
    expect(again.step.url.searchParams.get('code')).toBeTruthy();
    // Unless the application asks for a sign-in now (prompt=login): then the form again.
    const forced = await signIn({ config, browser, prompt: 'login' });
    expect(forced.loginPage).toContain('Bienvenue sur le portail Web du Centre de services');
    expect(forced.tokens.claims()!.sub).toBe(alice.id);
  });

  it('keeps the remember choices: « Se souvenir de moi » a persistent session, the others a browser-session one', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const remembered = await signIn({ config, remember: 'all' });
    expect(remembered.browser.cookies(CEGEP).get('guichet_oidc_session')?.persistent).toBe(true);
    expect(remembered.browser.cookies(CEGEP).get('guichet_session')?.persistent).toBe(true);
    for (const remember of ['username', 'none'] as const) {
      const { browser } = await signIn({ config, remember });
      expect(browser.cookies(CEGEP).get('guichet_oidc_session')?.persistent).toBe(false);
      expect(browser.cookies(CEGEP).get('guichet_session')?.persistent).toBe(false);
      expect(browser.cookies(CEGEP).has('guichet_username')).toBe(remember === 'username');
    }
  });

  it('refuses a code used twice, and a wrong client secret', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const flow = await authorize({ config });
    const checks = {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
    };
    const wrong = await discover(
      CEGEP_ISSUER,
      firstParty.clientId,
      'not-the-secret-'.padEnd(43, 'x'),
    );
    const refused = await oidc
      .authorizationCodeGrant(wrong, flow.step.url, checks)
      .catch((e: unknown) => e as oidc.WWWAuthenticateChallengeError);
    expect(refused).toMatchObject({ status: 401 });
    expect((refused as oidc.WWWAuthenticateChallengeError).cause[0]!.parameters.error).toBe(
      'invalid_client',
    );
    await oidc.authorizationCodeGrant(config, flow.step.url, checks);
    await expect(oidc.authorizationCodeGrant(config, flow.step.url, checks)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  describe('rate limits of the token endpoint, per client address, in the OAuth error format', () => {
    const tokenRequest = (ip: string, secret: string) =>
      ctx.request(CEGEP, {
        method: 'POST',
        path: '/oidc/token',
        headers: {
          'x-forwarded-for': ip,
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(firstParty.clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: 'not-a-code',
          redirect_uri: redirectUri,
        }).toString(),
      });
    const expectLimited = (res: Awaited<ReturnType<typeof tokenRequest>>) => {
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json<{ error: string; error_description: string }>()).toEqual({
        error: 'temporarily_unavailable',
        error_description: expect.stringContaining('Try again in'),
      });
    };

    it('after 20 wrong client secrets from one address: 429 with Retry-After for that address, even with the right secret; others unaffected', async () => {
      const ip = nextIp();
      const wrong = 'not-the-secret-'.padEnd(43, 'x');
      for (let i = 0; i < 20; i++) expect((await tokenRequest(ip, wrong)).status).toBe(401);
      expectLimited(await tokenRequest(ip, wrong));
      expectLimited(await tokenRequest(ip, firstParty.clientSecret!));
      // Another address: the client authenticates (the code is bogus: invalid_grant).
      const other = await tokenRequest(nextIp(), firstParty.clientSecret!);
      expect(other.status).toBe(400);
      expect(other.json<{ error: string }>().error).toBe('invalid_grant');
    });

    it('over 600 token requests a minute from one address: 429 with Retry-After', async () => {
      const ip = nextIp();
      expect((await tokenRequest(ip, firstParty.clientSecret!)).status).toBe(400);
      // The counter as 599 more requests of this minute left it (rate-limiter-flexible's key in Redis).
      await ctx.redis.set(`${ctx.prefix}:rl:oidc-token-ip:${ip}`, '600', 'EX', 60);
      expectLimited(await tokenRequest(ip, firstParty.clientSecret!));
    });
  });

  it('accepts client_secret_post as well as client_secret_basic', async () => {
    const config = await discover(
      CEGEP_ISSUER,
      firstParty.clientId,
      firstParty.clientSecret,
      oidc.ClientSecretPost(firstParty.clientSecret!),
    );
    const { tokens } = await signIn({ config });
    expect(tokens.claims()!.sub).toBe(alice.id);
  });

  it('rotates refresh tokens (offline_access) and revokes the family when a used one comes back', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const { tokens } = await signIn({ config, scope: 'openid offline_access', prompt: 'consent' });
    expect(tokens.refresh_token).toBeTruthy();
    const rotated = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // The reuse ended the whole grant: the newest refresh token and its access token are dead too.
    await expect(oidc.refreshTokenGrant(config, rotated.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    expect((await oidc.tokenIntrospection(config, rotated.access_token)).active).toBe(false);
  });

  it('revokes a token at the revocation endpoint (introspection says so); only the client it was issued to may introspect or revoke it', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const { tokens } = await signIn({ config });
    expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(true);
    // Another application of the same tenant learns nothing about it, and cannot end it.
    const other = await discover(CEGEP_ISSUER, thirdParty.clientId, thirdParty.clientSecret);
    expect(await oidc.tokenIntrospection(other, tokens.access_token)).toEqual({ active: false });
    await oidc.tokenRevocation(other, tokens.access_token).catch(() => undefined);
    expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(true);
    await oidc.tokenRevocation(config, tokens.access_token);
    expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
  });

  it('answers an unregistered redirect URI with an error page, never a redirect', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const res = await authorizationAnswer(config, `${callback.origin}/elsewhere`);
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('La connexion à l’application a échoué');
  });

  it('requires PKCE of a public client, and signs it in with PKCE', async () => {
    const config = await discover(CEGEP_ISSUER, publicClient.clientId);
    const refused = await authorize({ config, pkce: false });
    expect(refused.step.url.origin).toBe(callback.origin);
    expect(refused.step.url.searchParams.get('error')).toBe('invalid_request');
    expect(refused.step.url.searchParams.get('code')).toBeNull();
    expect(refused.loginPage).toBeUndefined();
    const { tokens } = await signIn({ config });
    expect(tokens.claims()!.aud).toBe(publicClient.clientId);
  });

  it('keeps tenants apart: a Cégep client at the Montérégie issuer, a Cégep access token at the Montérégie userinfo', async () => {
    const atMonteregie = await discover(
      MONTEREGIE_ISSUER,
      firstParty.clientId,
      firstParty.clientSecret,
    );
    const res = await authorizationAnswer(atMonteregie, redirectUri);
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();

    const cegep = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const { tokens } = await signIn({ config: cegep });
    await expect(
      oidc.fetchUserInfo(atMonteregie, tokens.access_token, alice.id),
    ).rejects.toMatchObject({ status: 401 });
    // And the Montérégie's own client works at its own issuer only with its own accounts.
    const monteregie = await discover(
      MONTEREGIE_ISSUER,
      monteregieClient.clientId,
      monteregieClient.clientSecret,
    );
    const failed = await authorize({ config: monteregie });
    expect(failed.step.url.pathname).toBe('/login');
    expect(failed.step.res!.status).toBe(401);
  });

  it('refuses disabled and locked accounts exactly as the portal does', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    for (const user of [
      await createUser(ctx, 'cegepdeseptiles', { status: 'disabled' }),
      await createUser(ctx, 'cegepdeseptiles', { lockedUntil: new Date(Date.now() + 3_600_000) }),
    ]) {
      const flow = await authorize({ config, user });
      expect(flow.step.url.pathname).toBe('/login');
      expect(flow.step.res!.status).toBe(401);
      expect(flow.step.res!.body).toContain("Nom d'utilisateur ou mot de passe incorrect.");
      expect(callback.hits.some((h) => h.searchParams.get('state') === flow.state)).toBe(false);
    }
  });

  it('asks consent for an application that is not first-party, naming it and the claims; a refusal is access_denied', async () => {
    const config = await discover(CEGEP_ISSUER, thirdParty.clientId, thirdParty.clientSecret);
    const granted = await signIn({ config, consent: 'allow' });
    expect(granted.consentPage).toContain(
      '« Bibliothèque numérique » demande à accéder à votre compte',
    );
    expect(granted.consentPage).toContain('votre adresse courriel');
    expect(granted.tokens.claims()!.sub).toBe(alice.id);
    const refused = await authorize({ config, consent: 'deny' });
    expect(refused.step.url.searchParams.get('error')).toBe('access_denied');
  });

  it('ends the portal session at RP-initiated logout (id_token_hint, post_logout_redirect_uri)', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const { tokens, browser } = await signIn({ config, remember: 'all' });
    const portalCookie = browser.cookies(CEGEP).get('guichet_session')!.value;
    const endUrl = oidc.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: logoutUri,
      state: 'bye',
    });
    const page = await browser.request(endUrl.href);
    expect(page.status).toBe(200);
    expect(page.body).toContain('ME DÉCONNECTER');
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)">/.exec(page.body)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.body)![1]!;
    const done = await browser.navigate(new URL(action, CEGEP_ISSUER).href, callback.origin, {
      form: { xsrf, logout: 'yes' },
    });
    expect(done.url.href).toBe(`${logoutUri}?state=bye`);
    expect(browser.cookies(CEGEP).has('guichet_session')).toBe(false);
    // The old portal cookie no longer opens the account page, and the next request needs the form again.
    const account = await ctx.request(CEGEP, {
      path: '/account',
      headers: { accept: 'text/html', cookie: `guichet_session=${portalCookie}` },
    });
    expect(account.status).toBe(303);
    expect(account.headers.location).toBe('/login');
    const next = await authorize({
      config,
      browser: Object.assign(new OidcBrowser(ctx, nextIp()), { jar: browser.jar }),
      user: alice,
    });
    expect(next.loginPage).toContain('Bienvenue sur le portail Web');
  });

  it('ends the issuer session at the portal’s plain sign-out (/account « Se déconnecter »): the next authorization request asks for the password', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const { browser } = await signIn({ config, remember: 'all' });
    const issuerSession = browser.cookies(CEGEP).get('guichet_oidc_session')!.value;
    const stored = () =>
      ctx.dataSource.query(`SELECT 1 FROM oidc_payloads WHERE model = 'Session' AND id = $1`, [
        issuerSession,
      ]);
    expect(await stored()).toHaveLength(1);
    const account = await browser.request(`${CEGEP_ISSUER}/account`);
    expect(account.body).toContain('action="/logout"');
    const out = await browser.request(`${CEGEP_ISSUER}/logout`, {
      form: OidcBrowser.loginForm(account, {}),
    });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login?notice=signed-out');
    expect(browser.cookies(CEGEP).has('guichet_oidc_session')).toBe(false);
    expect(await stored()).toHaveLength(0);
    // Even with the old issuer cookie kept (a browser that ignored the clearing), no silent sign-in.
    browser.cookies(CEGEP).set('guichet_oidc_session', { value: issuerSession, persistent: true });
    const next = await authorize({ config, browser });
    expect(next.loginPage).toContain('Bienvenue sur le portail Web');
  });

  it('rotates signing keys: a new key signs, the previous still verifies until it is retired', async () => {
    const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
    const before = await signIn({ config });
    const oldKid = decodeJwt(before.tokens.id_token!).header.kid;
    // Without the API's data key the CLI could only write a key the API cannot read: refused, nothing changed.
    const keyless = await guichetCli(
      ctx,
      ['oidc-keys', 'rotate', '--tenant', 'cegepdeseptiles'],
      ['DATA_ENCRYPTION_KEY'],
    );
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toContain('DATA_ENCRYPTION_KEY');
    expect(
      (await ctx.request(CEGEP, { path: '/oidc/jwks' })).json<{ keys: unknown[] }>().keys,
    ).toHaveLength(1);
    expect(
      (await guichetCli(ctx, ['oidc-keys', 'rotate', '--tenant', 'cegepdeseptiles'])).code,
    ).toBe(0);
    const jwksAfter = (await ctx.request(CEGEP, { path: '/oidc/jwks' })).json<{
      keys: { kid: string }[];
    }>();
    expect(jwksAfter.keys.map((k) => k.kid)).toContain(oldKid);
    expect(jwksAfter.keys).toHaveLength(2);
    expect(verifiesWith(before.tokens.id_token!, jwksAfter)).toBe(true);
    const after = await signIn({
      config: await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret),
    });
    const newKid = decodeJwt(after.tokens.id_token!).header.kid;
    expect(newKid).not.toBe(oldKid);
    expect(jwksAfter.keys.map((k) => k.kid)).toContain(newKid);

    expect(
      (await guichetCli(ctx, ['oidc-keys', 'retire', '--tenant', 'cegepdeseptiles'])).code,
    ).toBe(0);
    const retired = (await ctx.request(CEGEP, { path: '/oidc/jwks' })).json<{
      keys: { kid: string }[];
    }>();
    expect(retired.keys.map((k) => k.kid)).toEqual([newKid]);
    expect(verifiesWith(before.tokens.id_token!, retired)).toBe(false);
    expect(verifiesWith(after.tokens.id_token!, retired)).toBe(true);
  });

  it('registers clients from the CLI: the secret shown once and stored hashed; bad redirect URIs refused', async () => {
    /** `guichet oidc-clients add --tenant TENANT --name NAME --redirect-uri URI …`. */
    const add = (tenant: string, name: string, redirectUri: string, ...more: string[]) =>
      guichetCli(ctx, [
        'oidc-clients',
        'add',
        '--tenant',
        tenant,
        '--name',
        name,
        '--redirect-uri',
        redirectUri,
        ...more,
      ]);
    const run = await add(
      'monteregie',
      'Portail RH',
      'https://rh.santemonteregie.qc.ca/cb',
      '--json',
    );
    expect(run.code).toBe(0);
    const last = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
      clientId: string;
      clientSecret: string;
    };
    expect(run.stdout).toContain(`client id: ${last.clientId}`);
    const [row] = await ctx.dataSource.query<{ stored: string }[]>(
      `SELECT encode(secret_hash, 'hex') AS stored FROM oidc_clients WHERE client_id = $1`,
      [last.clientId],
    );
    expect(row!.stored).toHaveLength(64);
    expect(row!.stored).not.toContain(last.clientSecret);
    const pub = await add('monteregie', 'App', 'http://127.0.0.1:9/cb', '--public', '--json');
    expect(Object.keys(JSON.parse(pub.stdout.trim().split('\n').pop()!))).toEqual(['clientId']);
    const bad = await add('monteregie', 'App', 'http://rh.example.com/cb');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/use https/);
    const unknown = await add('nope', 'App', 'https://a.example/cb');
    expect(unknown.code).toBe(2);
  });

  it('takes the issuer from the tenant’s configured public URL (its custom domain), never from the Host header', async () => {
    const id = await tenantId(ctx, 'monteregie');
    await ctx.dataSource.query(
      `INSERT INTO tenant_hosts (tenant_id, host_name) VALUES ($1, 'portail.santemonteregie.test')`,
      [id],
    );
    await ctx.dataSource.query(
      `UPDATE tenants SET public_url = 'https://portail.santemonteregie.test' WHERE id = $1`,
      [id],
    );
    await ctx.publishTenantChange(id);
    const issuerAt = async (host: string, headers: Record<string, string> = {}) =>
      (await ctx.request(host, { path: '/.well-known/openid-configuration', headers })).json<{
        issuer?: string;
        authorization_endpoint?: string;
      }>();
    const doc = await waitFor(
      () => issuerAt(MONTEREGIE),
      (d) => d.issuer === 'https://portail.santemonteregie.test',
    );
    expect(doc.authorization_endpoint).toBe('https://portail.santemonteregie.test/oidc/auth');
    expect((await issuerAt('portail.santemonteregie.test')).issuer).toBe(
      'https://portail.santemonteregie.test',
    );
    expect(
      (await issuerAt(MONTEREGIE, { 'x-forwarded-proto': 'http', 'x-forwarded-port': '8080' }))
        .issuer,
    ).toBe('https://portail.santemonteregie.test');
    // The Cégep's issuer did not move.
    expect((await issuerAt(CEGEP)).issuer).toBe(CEGEP_ISSUER);
  });

  describe('a person’s grants end with their password, their account, or their own « sign out everywhere »', () => {
    /** A fresh account signed in to an application with a refresh token. */
    async function signedInWithRefresh() {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
      const flow = await signIn({
        config,
        user,
        scope: 'openid offline_access',
        prompt: 'consent',
      });
      expect((await oidc.tokenIntrospection(config, flow.tokens.access_token)).active).toBe(true);
      return { user, config, ...flow };
    }
    async function expectEnded(
      config: oidc.Configuration,
      tokens: { access_token: string; refresh_token?: string },
    ) {
      await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
      expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
    }

    it('a password reset', async () => {
      const { user, config, tokens } = await signedInWithRefresh();
      expect((await resetByEmail(user)).status).toBe(204);
      await expectEnded(config, tokens);
    });

    it('an account disabled by an admin', async () => {
      const { user, config, tokens } = await signedInWithRefresh();
      expect((await disableByAdmin(user)).status).toBeLessThan(300);
      await expectEnded(config, tokens);
    });

    it('an account deleted by the SCIM client (Entra ID): disabled, its grants ended', async () => {
      const { user, config, tokens } = await signedInWithRefresh();
      const run = await guichetCli(ctx, [
        'scim-tokens',
        'add',
        '--tenant',
        'cegepdeseptiles',
        '--name',
        'Entra',
        '--json',
      ]);
      const { token } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { token: string };
      const res = await ctx.request(CEGEP, {
        method: 'DELETE',
        path: `/scim/v2/Users/${user.id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(204);
      await expectEnded(config, tokens);
    });

    it('« sign out everywhere » on /account', async () => {
      const { config, tokens, browser } = await signedInWithRefresh();
      const account = await browser.request(`${CEGEP_ISSUER}/account`);
      expect(account.body).toContain('Me déconnecter partout');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)![1]!;
      const portalCookie = browser.cookies(CEGEP).get('guichet_session')!.value;
      const done = await browser.request(`${CEGEP_ISSUER}/account/sign-out-everywhere`, {
        form: { _csrf: csrf },
      });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe('/login?notice=signed-out');
      await expectEnded(config, tokens);
      const after = await ctx.request(CEGEP, {
        path: '/account',
        headers: { accept: 'text/html', cookie: `guichet_session=${portalCookie}` },
      });
      expect(after.headers.location).toBe('/login');
    });
  });
  describe('a password set from an application’s sign-in (forgot password, enrolment) brings the person back to it', () => {
    /** Starts at the application, leaves its sign-in for the forgot-password page, and sets a new password from the emailed link. */
    async function resetFromApplication(
      user: TestUser,
      options: { interactionGone: boolean; page?: '/forgot-password' | '/register' },
    ) {
      const config = await discover(CEGEP_ISSUER, firstParty.clientId, firstParty.clientSecret);
      const browser = new OidcBrowser(ctx, nextIp());
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const authUrl = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid',
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const login = await browser.navigate(authUrl.href, callback.origin);
      expect(login.url.pathname).toBe('/login');
      const requestPage = options.page ?? '/forgot-password';
      expect(login.res!.body).toContain(`href="${requestPage}"`);
      const forgotPage = await browser.request(`${CEGEP_ISSUER}${requestPage}`);
      const sent = await browser.request(`${CEGEP_ISSUER}${requestPage}`, {
        form: OidcBrowser.loginForm(forgotPage, { username: user.username }),
      });
      expect(sent.status).toBe(200);
      const rows = await waitFor(
        () => outboxRows(ctx, { userId: user.id }),
        (r) => r.some((x) => x.tokenCiphertext),
      );
      const token = linkToken(rows.find((x) => x.tokenCiphertext)!);
      // The link opened later (or in another tab, the same browser): the application's request is no longer pending.
      if (options.interactionGone)
        for (const name of ['guichet_oidc_interaction', 'guichet_oidc_return'])
          browser.cookies(CEGEP).delete(name);
      const resetPage = await browser.request(`${CEGEP_ISSUER}/reset-password?token=${token}`);
      const password = 'Nouvelle-phrase-2025!z';
      const reset = await browser.request(`${CEGEP_ISSUER}/reset-password`, {
        form: OidcBrowser.loginForm(resetPage, { token, password, passwordConfirmation: password }),
      });
      expect(reset.status).toBe(303);
      expect(reset.headers.location).toBe('/login?notice=password-changed');
      const loginAgain = await browser.request(`${CEGEP_ISSUER}${reset.headers.location}`);
      expect(loginAgain.status).toBe(200);
      /** Signs in with the new password on the login page the reset led to. */
      const signInAgain = () =>
        browser.navigate(`${CEGEP_ISSUER}/login`, callback.origin, {
          form: OidcBrowser.loginForm(loginAgain, {
            username: user.username,
            password,
            remember: 'none',
          }),
        });
      /** Redeems the code the application received, as the application started it. */
      const redeem = (url: URL) =>
        oidc.authorizationCodeGrant(config, url, {
          pkceCodeVerifier: verifier,
          expectedState: state,
          idTokenExpected: true,
        });
      return { browser, state, loginAgain, password, signInAgain, redeem };
    }

    for (const interactionGone of [true, false]) {
      it(`forgot password ${interactionGone ? 'after the interaction expired' : 'while the interaction is pending'}: signing in with the new password ends at the application with a code`, async () => {
        const user = await createUser(ctx, 'cegepdeseptiles');
        const { browser, state, signInAgain, redeem } = await resetFromApplication(user, {
          interactionGone,
        });
        const done = await signInAgain();
        expect(done.url.origin).toBe(callback.origin);
        expect(done.url.searchParams.get('state')).toBe(state);
        const tokens = await redeem(done.url);
        expect(tokens.claims()!.sub).toBe(user.id);
        // Used once: the next portal sign-in of this browser goes to the account page.
        expect(browser.cookies(CEGEP).has('guichet_oidc_app')).toBe(false);
      });
    }

    it('enrolment (« M’inscrire au service ») after the interaction expired: the first password signs in to the application', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles', { password: null });
      const { signInAgain, redeem } = await resetFromApplication(user, {
        interactionGone: true,
        page: '/register',
      });
      const done = await signInAgain();
      expect(done.url.origin).toBe(callback.origin);
      const tokens = await redeem(done.url);
      expect(tokens.claims()!.sub).toBe(user.id);
    });

    it('ignores a tampered return target: no redirect elsewhere than the portal', async () => {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const { browser, loginAgain, password } = await resetFromApplication(user, {
        interactionGone: true,
      });
      const kept = browser.cookies(CEGEP).get('guichet_oidc_app')!;
      expect(kept).toBeDefined();
      const [, mac] = kept.value.split('.');
      const forged = Buffer.from(
        `/oidc/auth?client_id=${firstParty.clientId}&redirect_uri=${encodeURIComponent('https://evil.example/cb')}&response_type=code&scope=openid`,
      ).toString('base64url');
      for (const value of [
        `${forged}.${mac}`,
        Buffer.from('https://evil.example/cb').toString('base64url'),
        `${Buffer.from('//evil.example/cb').toString('base64url')}.${mac}`,
      ]) {
        browser.cookies(CEGEP).set('guichet_oidc_app', { value, persistent: true });
        const page = await browser.request(`${CEGEP_ISSUER}/login`);
        const res = await browser.request(`${CEGEP_ISSUER}/login`, {
          form: OidcBrowser.loginForm(page, {
            username: user.username,
            password,
            remember: 'none',
          }),
        });
        expect(res.status).toBe(303);
        expect(res.headers.location).not.toContain('evil');
        expect(res.headers.location).not.toContain('/oidc/auth');
        expect(res.body).not.toContain('evil');
      }
      expect(loginAgain.status).toBe(200);
    });
  });

  it('records a client’s last use when a token is issued to it, for the admin app', async () => {
    const admin = await adminSignIn(ctx);
    const path = `/tenants/${await tenantId(ctx, 'cegepdeseptiles')}/oidc-clients/${backchannelClient.clientId}`;
    const before = (await admin.get(path)).json<{ lastUsedAt: string | null }>().lastUsedAt;
    const started = Date.now() - 1000;
    const config = await discover(
      CEGEP_ISSUER,
      backchannelClient.clientId,
      backchannelClient.clientSecret,
    );
    await signIn({ config, user: await createUser(ctx, 'cegepdeseptiles') });
    const after = await waitFor(
      async () => (await admin.get(path)).json<{ lastUsedAt: string | null }>().lastUsedAt,
      (at) => at !== null && at !== before,
    );
    expect(Date.parse(after!)).toBeGreaterThanOrEqual(started);
  });

  it('Teams tab: over HTTPS the issuer’s cookies and the interaction’s are SameSite=None; Secure; Partitioned for an embeddable tenant, Lax for the others', async () => {
    const secureApi = await ctx.startApi({ SECURE_COOKIES: 'true' });
    const id = await tenantId(ctx, 'monteregie');
    await ctx.dataSource.query(
      `INSERT INTO tenant_hosts (tenant_id, host_name) VALUES ($1, 'portail.santemonteregie.test') ON CONFLICT DO NOTHING`,
      [id],
    );
    await ctx.dataSource.query(
      `UPDATE tenants SET public_url = 'https://portail.santemonteregie.test' WHERE id = $1`,
      [id],
    );
    const setTeams = async (on: boolean) => {
      await ctx.dataSource.query(
        `UPDATE tenant_settings SET settings = jsonb_set(settings, '{features,teamsTab}', $2::jsonb), version = version + 1 WHERE tenant_id = $1`,
        [id, JSON.stringify(on)],
      );
      await ctx.publishTenantChange(id);
    };
    /** The cookies of an authorization request and of its interaction page, once the tenant's setting has reached the API. */
    const cookiesOfAuthorization = async (sameSite: string) => {
      const path = `/oidc/auth?${new URLSearchParams({ client_id: monteregieClient.clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid', state: 's', nonce: 'n' })}`;
      const headers = { 'x-forwarded-for': nextIp(), accept: 'text/html' };
      const auth = await waitFor(
        () => httpRequest(secureApi.port, { path, host: MONTEREGIE, headers }),
        (r) =>
          String(
            r.cookies.find((c) => c.name === 'guichet_oidc_interaction')?.attributes.samesite,
          ).toLowerCase() === sameSite,
      );
      expect(auth.status).toBe(303);
      const interaction = await httpRequest(secureApi.port, {
        path: new URL(auth.headers.location!, 'https://portail.santemonteregie.test').pathname,
        host: MONTEREGIE,
        headers: { ...headers, cookie: auth.cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
      });
      expect(interaction.status).toBe(303);
      expect(interaction.headers.location).toBe('/login');
      return [...auth.cookies, ...interaction.cookies];
    };
    try {
      await setTeams(true);
      const teams = await cookiesOfAuthorization('none');
      for (const name of [
        'guichet_oidc_interaction',
        'guichet_oidc_interaction.sig',
        '__Host-guichet_oidc_return',
        '__Host-guichet_oidc_app',
      ]) {
        const cookie = teams.find((c) => c.name === name)!;
        expect(String(cookie.attributes.samesite).toLowerCase()).toBe('none');
        expect(cookie.attributes).toMatchObject({ secure: true, partitioned: true });
      }
      await setTeams(false);
      const plain = await cookiesOfAuthorization('lax');
      for (const name of [
        'guichet_oidc_interaction',
        '__Host-guichet_oidc_return',
        '__Host-guichet_oidc_app',
      ]) {
        const cookie = plain.find((c) => c.name === name)!;
        expect(String(cookie.attributes.samesite).toLowerCase()).toBe('lax');
        expect(cookie.attributes.partitioned).toBeUndefined();
      }
    } finally {
      await setTeams(false);
      await secureApi.stop();
    }
  });

  describe('back-channel logout: a client with a back-channel URI gets a logout token when the grants end', () => {
    /** A logout token as the relying party must check it (OpenID Connect Back-Channel Logout 1.0 §2.6), with jose. */
    async function verifiedLogoutToken(token: string) {
      const jwks = (await ctx.request(CEGEP, { path: '/oidc/jwks' })).json<jose.JSONWebKeySet>();
      const { payload } = await jose.jwtVerify(token, jose.createLocalJWKSet(jwks), {
        issuer: CEGEP_ISSUER,
        audience: backchannelClient.clientId,
        typ: 'logout+jwt',
        maxTokenAge: '5m',
      });
      expect(payload.events).toEqual({ 'http://schemas.openid.net/event/backchannel-logout': {} });
      expect(payload.nonce).toBeUndefined();
      expect(payload.jti).toEqual(expect.any(String));
      return payload;
    }
    async function signedInToMoodle() {
      const user = await createUser(ctx, 'cegepdeseptiles');
      const config = await discover(
        CEGEP_ISSUER,
        backchannelClient.clientId,
        backchannelClient.clientSecret,
      );
      const flow = await signIn({
        config,
        user,
        scope: 'openid offline_access',
        prompt: 'consent',
      });
      const sid = flow.tokens.claims()!.sid as string;
      expect(sid).toEqual(expect.any(String));
      return { user, config, sid, ...flow };
    }
    const forUser = (userId: string) => (token: string) => decodeJwt(token).claims.sub === userId;
    /** The client's back-channel receives a valid logout token for this user's session. */
    async function expectLoggedOut(user: TestUser, sid: string) {
      const payload = await verifiedLogoutToken(await logoutReceiver.next(forUser(user.id)));
      expect(payload).toMatchObject({ sub: user.id, sid });
    }

    it('at RP-initiated logout (the issuer’s own end-session page): sub and sid, signed by the tenant’s key', async () => {
      const { user, config, sid, tokens, browser } = await signedInToMoodle();
      const endUrl = oidc.buildEndSessionUrl(config, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: logoutUri,
      });
      const page = await browser.request(endUrl.href);
      const action = /<form id="op.logoutForm" method="post" action="([^"]+)">/.exec(
        page.body,
      )![1]!;
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.body)![1]!;
      await browser.navigate(new URL(action, CEGEP_ISSUER).href, callback.origin, {
        form: { xsrf, logout: 'yes' },
      });
      await expectLoggedOut(user, sid);
    });

    it('at a password reset', async () => {
      const { user, sid } = await signedInToMoodle();
      expect((await resetByEmail(user)).status).toBe(204);
      await expectLoggedOut(user, sid);
    });

    it('when an admin disables the account', async () => {
      const { user, sid } = await signedInToMoodle();
      expect((await disableByAdmin(user)).status).toBeLessThan(300);
      await expectLoggedOut(user, sid);
    });

    it('at « sign out everywhere » on /account', async () => {
      const { user, sid, browser } = await signedInToMoodle();
      const account = await browser.request(`${CEGEP_ISSUER}/account`);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)![1]!;
      expect(
        (
          await browser.request(`${CEGEP_ISSUER}/account/sign-out-everywhere`, {
            form: { _csrf: csrf },
          })
        ).status,
      ).toBe(303);
      await expectLoggedOut(user, sid);
    });
  });
});

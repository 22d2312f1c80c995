import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as oidc from 'openid-client';
import { createUser, type TestUser } from './factories/users.js';
import { addClient, apiFetch, OidcBrowser, startCallbackServer } from './support/oidc.js';
import { CEGEP, createTestContext, MONTEREGIE, type TestContext } from './support/test-app.js';

interface Answer {
  status: number;
  /** Every header in order, as sent; the values of Date and X-Request-Id masked. */
  headers: string[];
  body: string;
}

/** One request as sent on the wire (no header added: no Content-Length unless given). */
function raw(
  port: number,
  req: { method?: string; path?: string; host?: string; headers?: Record<string, string> },
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method ?? 'GET',
        path: req.path ?? '/oidc/me',
        headers: { host: req.host ?? CEGEP, ...req.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers = res.rawHeaders.map((v, i, all) =>
            i % 2 === 1 && /^(date|x-request-id)$/i.test(all[i - 1]!) ? '…' : v,
          );
          resolve({ status: res.statusCode!, headers, body: Buffer.concat(chunks).toString() });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

describe('OIDC userinfo without oidc-provider: the same answers as the provider', () => {
  let ctx: TestContext;
  let provider: Awaited<ReturnType<TestContext['startApi']>>;
  let callback: Awaited<ReturnType<typeof startCallbackServer>>;
  let ipCounter = 0;

  /** An access token of the user at the client, through the portal's login form (a new browser). */
  async function accessToken(client: { clientId: string; clientSecret?: string }, user: TestUser) {
    const config = await oidc.discovery(
      new URL(`http://${CEGEP}`),
      client.clientId,
      client.clientSecret,
      oidc.ClientSecretBasic(client.clientSecret!),
      {
        execute: [oidc.allowInsecureRequests],
        [oidc.customFetch]: apiFetch(ctx.api.port) as never,
      },
    );
    const browser = new OidcBrowser(ctx, `10.41.0.${++ipCounter}`);
    const redirect_uri = `${callback.origin}/callback`;
    const url = oidc.buildAuthorizationUrl(config, { redirect_uri, scope: 'openid profile email' });
    const login = await browser.navigate(url.href, callback.origin);
    const back = await browser.navigate(login.url.href, callback.origin, {
      form: OidcBrowser.loginForm(login.res!, {
        username: user.username,
        password: user.password!,
        remember: 'none',
      }),
    });
    const tokens = await oidc.authorizationCodeGrant(config, back.url);
    return { token: tokens.access_token, config };
  }

  /** A copy of a stored access token under a new value, its payload changed by `patch` (SQL jsonb). */
  async function forged(token: string, patch: string): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await ctx.dataSource.query(
      `INSERT INTO oidc_payloads (tenant_id, model, id, payload, grant_id, uid, account_id, expires_at)
       SELECT tenant_id, model, $2::text, (payload || jsonb_build_object('jti', $2::text)) ${patch}, grant_id, uid, account_id, expires_at
         FROM oidc_payloads WHERE model = 'AccessToken' AND id = $1`,
      [token, id],
    );
    return id;
  }

  /** The same request to the API with the fast path and to the one without: both answers. */
  async function both(
    req: Parameters<typeof raw>[1],
    body?: string,
  ): Promise<{ fast: Answer; provider: Answer }> {
    return {
      fast: await raw(ctx.api.port, req, body),
      provider: await raw(provider.port, req, body),
    };
  }

  const answered = async (target: { managementPort: number }) => {
    const res = await ctx.management({ path: '/metrics' }, target as never);
    const count = /^guichet_oidc_userinfo_fast_total(?:{[^}]*})? (\d+)$/m.exec(res.body)?.[1];
    if (count === undefined) throw new Error(`no count in ${res.status} ${res.body.slice(0, 300)}`);
    return Number(count);
  };

  beforeAll(async () => {
    ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
    provider = await ctx.startApi({ OIDC_USERINFO_FAST_PATH: 'false' });
    callback = await startCallbackServer();
  }, 90_000); // two API processes
  afterAll(async () => {
    await callback?.close();
    await ctx?.close();
  });

  it('answers as the provider does: valid, expired, revoked, unknown, malformed, POST, claims, scopes, disabled account, deleted client, other tenant', async () => {
    const redirectUris = [`${callback.origin}/callback`];
    const [intranet, ephemeral] = await Promise.all(
      ['Intranet', 'Éphémère'].map((name) =>
        addClient(ctx, 'cegepdeseptiles', { name, redirectUris, firstParty: true }),
      ),
    );
    const [alice, bob, carol, dave, erin] = await Promise.all(
      ['alice', 'bob', 'carol', 'dave', 'erin'].map((u) =>
        createUser(ctx, 'cegepdeseptiles', { username: `ui${u}`, email: `${u}@cegepsi.ca` }),
      ),
    );
    const a = await accessToken(intranet!, alice!);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const fastBefore = await answered(ctx.api);

    // Answered without the provider (counted below): the provider answers the same.
    const fastCases: Parameters<typeof raw>[1][] = [
      { headers: bearer(a.token) },
      { headers: { authorization: `bearer ${a.token}` } },
      {
        method: 'POST',
        headers: {
          ...bearer(a.token),
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': '0',
        },
      },
      { headers: bearer(await forged(a.token, `|| '{"scope":"openid"}'`)) },
      { headers: bearer(await forged(a.token, `|| '{"scope":"openid email offline_access"}'`)) },
    ];
    for (const req of fastCases) {
      const { fast, provider: slow } = await both(req);
      expect(slow.status).toBe(200);
      expect(fast).toEqual(slow);
    }
    expect(JSON.parse((await both(fastCases[3]!)).fast.body)).toEqual({ sub: alice!.id });
    expect(await answered(ctx.api)).toBe(fastBefore + fastCases.length + 1);
    expect(await answered(provider)).toBe(0);

    // Left to the provider: the same answers, errors and their WWW-Authenticate included.
    const unknown = randomBytes(32).toString('base64url');
    const cases: [Parameters<typeof raw>[1], string?][] = [
      [{ headers: bearer(unknown) }],
      [{ headers: bearer(await forged(a.token, `|| '{"exp":1}'`)) }],
      [
        {
          headers: bearer(
            await forged(
              a.token,
              `|| jsonb_build_object('exp', extract(epoch from now())::int - 2)`,
            ),
          ),
        },
      ],
      [{ headers: bearer(await forged(a.token, `|| '{"scope":"profile email"}'`)) }],
      [{ headers: bearer(await forged(a.token, `|| '{"claims":{"userinfo":{"email":null}}}'`)) }],
      [{ headers: bearer(await forged(a.token, `|| '{"jkt":"abc"}'`)) }],
      [{ headers: bearer(await forged(a.token, `|| '{"aud":"urn:other"}'`)) }],
      [{}],
      [{ headers: { authorization: 'Bearer' } }],
      [{ headers: { authorization: `Bearer ${a.token} x` } }],
      [{ headers: { authorization: `Basic ${a.token}` } }],
      [{ headers: { authorization: `DPoP ${a.token}` } }],
      [{ headers: { ...bearer(a.token), dpop: 'x.y.z' } }],
      [{ headers: { ...bearer(a.token), origin: 'https://elsewhere.example' } }],
      [{ path: `/oidc/me?access_token=${a.token}` }],
      [{ path: '/oidc/me?scope=openid', headers: bearer(a.token) }],
      [{ path: `/oidc/me?access_token=${a.token}`, headers: bearer(a.token) }],
      [
        {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': String(`access_token=${a.token}`.length),
          },
        },
        `access_token=${a.token}`,
      ],
      [
        {
          method: 'POST',
          headers: {
            ...bearer(a.token),
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': '12',
          },
        },
        'scope=openid',
      ],
      [{ method: 'POST', headers: { ...bearer(a.token), 'content-length': '0' } }],
      [{ method: 'PUT', headers: bearer(a.token) }],
      [{ host: MONTEREGIE, headers: bearer(a.token) }],
    ];
    const check = async ([req, body]: [Parameters<typeof raw>[1], string?], status?: number) => {
      const { fast, provider: slow } = await both(req, body);
      if (status) expect(slow.status).toBe(status);
      expect(fast).toEqual(slow);
    };
    for (const c of cases) await check(c);
    expect(await answered(ctx.api)).toBe(fastBefore + fastCases.length + 1);
    await check(cases[0]!, 401);
    await check(cases[2]!, 200); // within the provider's clock tolerance

    // Revocations seen at once: the token, the grant, the session, the account, the client.
    const [b, c, d, e] = await Promise.all([
      accessToken(intranet!, bob!),
      accessToken(intranet!, carol!),
      accessToken(intranet!, dave!),
      accessToken(ephemeral!, erin!),
    ]);
    for (const t of [a, b, c, d, e]) await check([{ headers: bearer(t.token) }], 200);
    await oidc.tokenRevocation(a.config, a.token);
    await ctx.dataSource.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [bob!.id]);
    const grantOf = `(SELECT grant_id FROM oidc_payloads WHERE model = 'AccessToken' AND id = $1)`;
    await ctx.dataSource.query(
      `DELETE FROM oidc_payloads WHERE model = 'Grant' AND id = ${grantOf}`,
      [c.token],
    );
    await ctx.dataSource.query(
      `DELETE FROM oidc_payloads WHERE model = 'Session' AND uid = (SELECT payload->>'sessionUid' FROM oidc_payloads WHERE model = 'AccessToken' AND id = $1)`,
      [d.token],
    );
    await ctx.dataSource.query(`DELETE FROM oidc_clients WHERE client_id = $1`, [
      ephemeral!.clientId,
    ]);
    for (const t of [a, b, c, d, e]) await check([{ headers: bearer(t.token) }], 401);
  }, 120_000);
});

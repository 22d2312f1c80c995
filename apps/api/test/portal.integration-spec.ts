import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HttpResponse } from '@guichet/testing';
import { createUser, type TestUser } from './factories/users.js';
import { linkToken, outboxRows, waitFor } from './support/outbox.js';
import { CEGEP, createTestContext, MONTEREGIE, type TestContext } from './support/test-app.js';

const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('tenant portal pages (server-rendered, no JavaScript)', () => {
  let ctx: TestContext;
  let ipCounter = 0;
  const nextIp = () => `10.30.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

  beforeAll(async () => {
    ctx = await createTestContext({ TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(() => ctx.close());

  /** A browser without JavaScript: a cookie jar, GET a page, POST its form back. */
  class Browser {
    jar = new Map<string, string>();
    constructor(
      readonly host: string,
      readonly ip = nextIp(),
      readonly headers: Record<string, string> = {},
      readonly api?: TestContext['api'],
    ) {}
    private cookie() {
      return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    private keep(res: HttpResponse) {
      for (const c of res.cookies) {
        if (c.value === '' || c.attributes['max-age'] === '0') this.jar.delete(c.name);
        else this.jar.set(c.name, c.value);
      }
      return res;
    }
    async get(path: string) {
      return this.keep(
        await ctx.request(
          this.host,
          {
            path,
            headers: {
              accept: 'text/html',
              cookie: this.cookie(),
              'x-forwarded-for': this.ip,
              ...this.headers,
            },
          },
          this.api,
        ),
      );
    }
    async post(path: string, fields: Record<string, string>) {
      return this.keep(
        await ctx.request(
          this.host,
          {
            method: 'POST',
            path,
            body: new URLSearchParams(fields).toString(),
            headers: {
              accept: 'text/html',
              'content-type': 'application/x-www-form-urlencoded',
              cookie: this.cookie(),
              'x-forwarded-for': this.ip,
              ...this.headers,
            },
          },
          this.api,
        ),
      );
    }
    /** GET the page, then POST its form with its CSRF token (and hidden fields). */
    async submit(path: string, fields: Record<string, string>, action = path.split('?')[0]!) {
      const page = await this.get(path);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      const hidden = Object.fromEntries(
        [...page.body.matchAll(/type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [
          m[1]!,
          decode(m[2]!),
        ]),
      );
      expect(csrf).toBeDefined();
      return this.post(action, { ...hidden, _csrf: csrf!, ...fields });
    }
  }

  const linkFor = async (user: TestUser, count: number) => {
    const rows = await waitFor(
      () => outboxRows(ctx, { userId: user.id }),
      (r) => r.filter((x) => x.tokenCiphertext).length >= count,
    );
    return `/reset-password?token=${linkToken(rows.filter((x) => x.tokenCiphertext)[count - 1]!)}`;
  };

  it('the login page: the guide French texts verbatim, tenant hint, remember radios, language switch, strict headers', async () => {
    const b = new Browser(CEGEP);
    const res = await b.get('/login');
    expect(res.status).toBe(200);
    const html = res.body;
    for (const text of [
      'Bienvenue sur le portail Web du Centre de services',
      "Entrez votre nom d'utilisateur et votre mot de passe",
      "Nom d'utilisateur",
      'Mot de passe',
      'SOUMETTRE',
      'Mot de passe oublié ?',
      "M'inscrire au service",
      'Se souvenir de moi',
      'Se souvenir uniquement de mon nom',
      'Ne pas se souvenir de moi',
      "Le nom d'utilisateur correspond (sauf exception) aux 3 premières lettres du nom et la première lettre du prénom",
      'Propulsé par',
      'FRANÇAIS',
      'ENGLISH',
      'PORTUGUÊS',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(/<input type="radio" name="remember" value="username" checked>/);
    expect(html).toMatch(/<fieldset>\s*<legend>/);
    expect(html).not.toMatch(/<script>|style=|<style/);
    expect(html).not.toContain('/lookup'); // feature off at the Cégep
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain(
      "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.skype.com",
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const mont = await new Browser(MONTEREGIE).get('/login');
    // Only the admin app may frame it (its live preview of the login page).
    expect(String(mont.headers['content-security-policy'])).toMatch(
      /frame-ancestors http:\/\/admin\.localhost:3000$/,
    );
    expect(mont.headers['x-frame-options']).toBe('DENY');
    expect(mont.body).toContain('Entrez votre compte unifié');
  });

  it('languages: ?lang, then the lang cookie, then Accept-Language; fr is the default', async () => {
    const b = new Browser(CEGEP);
    const en = await b.get('/login?lang=en');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Welcome to the Service Centre web portal');
    expect(en.cookies.find((c) => c.name === 'lang')?.value).toBe('en');
    expect((await b.get('/forgot-password')).body).toContain('<html lang="en">');
    const pt = await new Browser(CEGEP, nextIp(), { 'accept-language': 'pt-PT,pt;q=0.9' }).get(
      '/register',
    );
    expect(pt.body).toContain('<html lang="pt">');
    expect(pt.body).toContain('Inscrever-me no serviço');
    expect(
      (await new Browser(MONTEREGIE, nextIp(), { 'accept-language': 'de' }).get('/login')).body,
    ).toContain('<html lang="fr">');
  });

  it('assets: the stylesheet and script with a long cache, the tenant theme', async () => {
    const b = new Browser(CEGEP);
    const html = (await b.get('/login')).body;
    const css = /href="(\/assets\/portal\.\w+\.css)"/.exec(html)![1]!;
    const js = /src="(\/assets\/portal\.\w+\.js)"/.exec(html)![1]!;
    const cssRes = await b.get(css);
    expect(cssRes.status).toBe(200);
    expect(cssRes.headers['cache-control']).toContain('immutable');
    expect((await b.get(js)).status).toBe(200);
    expect((await b.get('/assets/theme.css?v=1')).body).toContain('--primary:#00548c');
    expect((await b.get('/')).status).toBe(303);
    expect((await b.get('/login?notice=constructor&lang=__proto__')).status).toBe(200);
    expect((await b.get('/assets/nothing.css')).status).toBe(404);
  });

  it('every form refuses a POST without its CSRF token, or with the token of another browser', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles');
    const forms: [string, string, Record<string, string>][] = [
      [
        CEGEP,
        '/login',
        { username: user.username, password: user.password!, remember: 'username' },
      ],
      [CEGEP, '/forgot-password', { username: user.username }],
      [CEGEP, '/register', { username: user.username }],
      [
        CEGEP,
        '/reset-password',
        {
          token: 'x'.repeat(43),
          password: 'Un-secret-2026',
          passwordConfirmation: 'Un-secret-2026',
        },
      ],
      [CEGEP, '/logout', {}],
      [MONTEREGIE, '/lookup', { firstName: 'Sophie', lastName: 'Roy' }],
    ];
    for (const [host, path, fields] of forms) {
      const victim = new Browser(host, '10.9.9.9');
      await victim.get('/login');
      const missing = await victim.post(path, fields);
      expect({ path, status: missing.status }).toEqual({ path, status: 403 });
      expect(missing.body).toContain('<html lang="fr">');
      // An attacker's page can hold a valid token of its own session, never of the victim's.
      const attacker = new Browser(host, '10.9.9.10');
      const token = /name="_csrf" value="([^"]+)"/.exec((await attacker.get('/login')).body)![1]!;
      const forged = await victim.post(path, { ...fields, _csrf: token });
      expect({ path, status: forged.status }).toEqual({ path, status: 403 });
    }
    expect(
      await ctx.dataSource.query(
        'SELECT count(*)::int AS n FROM email_deliveries WHERE user_id = $1',
        [user.id],
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('login: wrong password → generic error; right one → 303 /account, who is signed in, remembered username; sign out', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', {
      firstName: 'Julie',
      lastName: 'Tremblay',
    });
    const b = new Browser(CEGEP);
    const wrong = await b.submit('/login', {
      username: user.username,
      password: 'not-the-password',
      remember: 'username',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('role="alert"');
    expect(wrong.body).toContain("Nom d'utilisateur ou mot de passe incorrect.");
    expect(wrong.body).toContain(`value="${user.username}"`);
    const unknown = await b.submit('/login', {
      username: 'nobody-here',
      password: 'not-the-password',
      remember: 'username',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.replace(/value="[^"]*"/g, '')).toBe(
      wrong.body.replace(/value="[^"]*"/g, ''),
    );

    const ok = await b.submit('/login', {
      username: user.username,
      password: user.password!,
      remember: 'username',
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/account');
    const account = await b.get('/account');
    expect(account.status).toBe(200);
    expect(account.body).toContain('Julie Tremblay');
    expect(account.body).toContain(user.username);
    const out = await b.submit('/account', {}, '/logout');
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login?notice=signed-out');
    expect((await b.get('/account')).status).toBe(303);
    // Remember = username: the next visit has it filled in.
    expect((await b.get('/login')).body).toContain(`value="${user.username}"`);
    const none = new Browser(CEGEP);
    await none.submit('/login', {
      username: user.username,
      password: user.password!,
      remember: 'none',
    });
    expect((await none.get('/login')).body).not.toContain(`value="${user.username}"`);
  });

  it("Teams tab: the embeddable tenant's cookies are SameSite=None; Secure; Partitioned over HTTPS, the others stay Lax", async () => {
    const secureApi = await ctx.startApi({ SECURE_COOKIES: 'true' });
    const cegepUser = await createUser(ctx, 'cegepdeseptiles', {
      firstName: 'Marc',
      lastName: 'Gagnon',
    });
    const montUser = await createUser(ctx, 'monteregie', { username: 'gama4321' });
    const cookiesOf = async (host: string, user: TestUser) => {
      const b = new Browser(host, nextIp(), {}, secureApi);
      const res = await b.submit('/login', {
        username: user.username,
        password: user.password!,
        remember: 'all',
      });
      expect(res.status).toBe(303);
      return [...(await b.get('/login')).cookies, ...res.cookies];
    };
    const teams = await cookiesOf(CEGEP, cegepUser);
    const plain = await cookiesOf(MONTEREGIE, montUser);
    for (const name of ['__Host-guichet_session', '__Host-guichet_username']) {
      const t = teams.find((c) => c.name === name)!;
      expect(t.attributes).toMatchObject({ samesite: 'None', secure: true, partitioned: true });
      const p = plain.find((c) => c.name === name)!;
      expect(p.attributes.samesite).toBe('Lax');
      expect(p.attributes.partitioned).toBeUndefined();
    }
  });

  it('forgot-password over the hand-off capacity: a 503 page with Retry-After, in the page language, never a confirmation that is not worked', async () => {
    const small = await ctx.startApi({ BACKGROUND_CONCURRENCY: '1', BACKGROUND_MAX_WAITING: '1' });
    const users = await Promise.all(
      Array.from({ length: 12 }, () => createUser(ctx, 'cegepdeseptiles')),
    );
    const browsers = users.flatMap((u, i) => [
      {
        b: new Browser(CEGEP, nextIp(), {}, small),
        username: u.username,
        user: u as TestUser | null,
      },
      { b: new Browser(CEGEP, nextIp(), {}, small), username: `personne-${i}`, user: null },
    ]);
    const forms = await Promise.all(browsers.map(({ b }) => b.get('/forgot-password')));
    const replies = await Promise.all(
      browsers.map(({ b, username }, i) =>
        b.post('/forgot-password', {
          _csrf: /name="_csrf" value="([^"]+)"/.exec(forms[i]!.body)![1]!,
          username,
        }),
      ),
    );
    const busy = replies.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of replies) expect([200, 503]).toContain(r.status);
    for (const r of busy) {
      expect(r.headers['retry-after']).toBe('5');
      expect(r.body).toContain('Service occupé');
      expect(r.body).toContain("aucun courriel n'a été envoyé");
    }
    // Every confirmed request of a known account has its email (waited for first); a refused one has none.
    const known = browsers
      .map(({ user }, i) => ({ user, status: replies[i]!.status }))
      .filter((k): k is { user: TestUser; status: number } => k.user !== null);
    for (const { user } of known.filter((k) => k.status === 200))
      expect(
        await waitFor(
          () => outboxRows(ctx, { userId: user.id }),
          (r) => r.length > 0,
          10_000,
        ),
      ).toHaveLength(1);
    for (const { user } of known.filter((k) => k.status === 503))
      expect(await outboxRows(ctx, { userId: user.id })).toEqual([]);
    await small.stop();
  }, 60_000);

  it('Cégep guide: Mot de passe oublié ? → username → email link → new password → login → account', async () => {
    const user = await createUser(ctx, 'cegepdeseptiles', {
      firstName: 'Marc',
      lastName: 'Gagnon',
    });
    const b = new Browser(CEGEP);
    const form = await b.get('/forgot-password');
    expect(form.body).toContain('Réinitialiser votre mot de passe');
    expect(form.body).toContain('placeholder="Inscrire votre nom d\'utilisateur"');
    expect(form.body).toContain('ANNULER');
    const sent = await b.submit('/forgot-password', { username: user.username });
    expect(sent.status).toBe(200);
    const sentUnknown = await b.submit('/forgot-password', { username: 'nobody-at-all' });
    expect(sentUnknown.body).toBe(sent.body);

    const link = await linkFor(user, 1);
    const page = await b.get(link);
    expect(page.status).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    for (const text of [
      'Changer mon mot de passe',
      'Nouveau mot de passe',
      'Confirmation du nouveau mot de passe',
      'SOUMETTRE',
      'ANNULER',
    ])
      expect(page.body).toContain(text);
    expect(page.body).toMatch(/id="password-rules"><li/);

    const mismatch = await b.submit(link, {
      password: 'Nouveau-secret-2026',
      passwordConfirmation: 'autre chose 2026',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toContain('id="confirmation-error" role="alert"');
    const short = await b.submit(link, { password: 'court', passwordConfirmation: 'court' });
    expect(short.status).toBe(400);
    expect(short.body).toContain('id="password-errors" role="alert"');
    expect(short.body).toContain('aria-invalid="true"');

    const done = await b.submit(link, {
      password: 'Nouveau-secret-2026',
      passwordConfirmation: 'Nouveau-secret-2026',
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/login?notice=password-changed');
    expect((await b.get('/login?notice=password-changed')).body).toContain(
      'Votre mot de passe a été changé.',
    );

    const used = await b.get(link);
    expect(used.status).toBe(410);
    expect(used.body).toContain('Ce lien a déjà été utilisé');
    expect(used.body).toContain('href="/forgot-password"');

    const login = await b.submit('/login', {
      username: user.username,
      password: 'Nouveau-secret-2026',
      remember: 'username',
    });
    expect(login.headers.location).toBe('/account');
    expect((await b.get('/account')).body).toContain('Marc Gagnon');
  });

  it('links: malformed and expired ones get a clear page with the way to a new one', async () => {
    const b = new Browser(CEGEP);
    const bad = await b.get('/reset-password?token=abc');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Demander un nouveau lien');
    expect((await b.get('/reset-password')).status).toBe(400);

    const user = await createUser(ctx, 'cegepdeseptiles');
    await b.submit('/forgot-password', { username: user.username });
    const link = await linkFor(user, 1);
    await ctx.dataSource.query(
      `UPDATE action_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
      [user.id],
    );
    const expired = await b.get(`${link}&lang=en`);
    expect(expired.status).toBe(410);
    expect(expired.body).toContain('This link has expired');
  });

  it("Montérégie guide: M'inscrire au service → unified account → link → refused by the rule, then accepted → login", async () => {
    const user = await createUser(ctx, 'monteregie', {
      password: null,
      username: 'gagm0001',
      firstName: 'Marie',
      lastName: 'Gagnon',
    });
    const b = new Browser(MONTEREGIE);
    expect((await b.get('/login')).body).toContain('href="/register"');
    const sent = await b.submit('/register', { username: user.username });
    expect(sent.status).toBe(200);
    const link = await linkFor(user, 1);
    const refused = await b.submit(link, {
      password: 'abcdefghijkl',
      passwordConfirmation: 'abcdefghijkl',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('id="password-errors" role="alert"');
    const ok = await b.submit(link, {
      password: 'Montee-2026-x',
      passwordConfirmation: 'Montee-2026-x',
    });
    expect(ok.status).toBe(303);
    const login = await b.submit('/login', {
      username: user.username,
      password: 'Montee-2026-x',
      remember: 'all',
    });
    expect(login.status).toBe(303);
  });

  it('lookup: candidates from an allowed network, the 403 page elsewhere, 404 where the feature is off', async () => {
    await createUser(ctx, 'monteregie', {
      username: 'roys1234',
      firstName: 'Sophie',
      lastName: 'Roy',
    });
    const inside = new Browser(MONTEREGIE, '10.1.2.3');
    const found = await inside.submit('/lookup', { firstName: 'Sophie', lastName: 'Roy' });
    expect(found.status).toBe(200);
    expect(found.body).toContain('roys1234');
    const outside = new Browser(MONTEREGIE, '203.0.113.9');
    const refused = await outside.get('/lookup');
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("uniquement à partir d'un poste de travail géré");
    expect((await new Browser(CEGEP).get('/lookup')).status).toBe(404);
  });
});

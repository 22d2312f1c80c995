import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HttpResponse } from '@guichet/testing';
import { DEFAULT_PASSWORD_POLICY } from '@guichet/types';
import { setTenantSettings } from './factories/tenants.js';
import { cookieHeader } from './support/http.js';
import { type AdminClient, startAdminSuite } from './support/admin.js';
import { ADMIN_HOST, CEGEP, MONTEREGIE, type TestContext } from './support/test-app.js';

/**
 * Malformed input against every endpoint and form: the JSON API and the admin API from the
 * OpenAPI document the API serves (a new endpoint is covered without editing this file), the
 * portal forms of the contract on a tenant host with a valid CSRF token. No answer may be a
 * 5xx, and the process may log no error.
 */

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';
const CONTROL = 'a\u0007\u001bb';
/** Under the tenant hosts' 64 KiB body limit once in a body; past it many times over. */
const HUGE = 'x'.repeat(50_000);
/** Strings any field may get. */
const HOSTILE_STRINGS = [
  NUL,
  LONE_SURROGATE,
  CONTROL,
  HUGE,
  '',
  ' ',
  '__proto__',
  'constructor',
  '%00',
  '../../etc/passwd',
  '\u202e\ufeff',
];
/** Values where a string goes. */
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  ['a', 'b'],
  [NUL],
  { $gt: '' },
  { __proto__: { polluted: true } },
  null,
  true,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
];
/** Field names of every request schema (and a few that are not). */
const FIELDS = [
  'username',
  'password',
  'remember',
  'locale',
  'token',
  'firstName',
  'lastName',
  'email',
  'name',
  'slug',
  'defaultLocale',
  'hostName',
  'hostNames',
  'role',
  'tenantIds',
  'totpCode',
  'code',
  'currentPassword',
  'newPassword',
  'to',
  'host',
  'port',
  'secure',
  'user',
  'senderAddress',
  'senderName',
  'replyTo',
  'subject',
  'html',
  'text',
  'status',
  'rule',
  'names',
  'policy',
  'texts',
  'branding',
  'usernameRule',
  'passwordPolicy',
  'features',
  'allowedNetworks',
  'tokenLifetimes',
  'lockout',
  'postLoginUrl',
  'locales',
  'redirectUris',
  'postLogoutRedirectUris',
  'public',
  'firstParty',
  'url',
  'bindDn',
  'baseDn',
  'filter',
  'map',
  'disabled',
  'q',
  'page',
  'limit',
];

const deepNesting = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

interface Body {
  kind: string;
  body?: string;
  type?: string;
}

/** A raw body sent as application/json. */
const json = (kind: string, body: string): Body => ({ kind, body, type: 'application/json' });

/** Raw bodies: broken JSON, deep nesting, wrong content types, prototype keys. */
const RAW_BODIES: Body[] = [
  json('invalid JSON', '{"username": "a",'),
  json('JSON with a NUL outside strings', '{"username":\u0000"a"}'),
  json('empty JSON body', ''),
  json('JSON scalar', '"just a string"'),
  json('JSON null', 'null'),
  json('JSON array', '[1,2,3]'),
  json('deeply nested arrays', deepNesting(20_000)),
  json('deeply nested objects', deepObject(5_000)),
  json(
    'prototype keys',
    '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}},"username":"a","password":"b"}',
  ),
  json(
    'nested prototype keys',
    '{"texts":{"fr":{"__proto__":{"x":1}}},"usernameRule":{"constructor":{"prototype":{}}},"names":[{"__proto__":null}]}',
  ),
  { kind: 'text/plain', body: 'username=a&password=b', type: 'text/plain' },
  {
    kind: 'form body on the JSON API',
    body: 'username=a%00b&password=b',
    type: 'application/x-www-form-urlencoded',
  },
  {
    kind: 'multipart',
    body: '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\na\r\n--x--\r\n',
    type: 'multipart/form-data; boundary=x',
  },
  { kind: 'xml', body: '<username>a</username>', type: 'application/xml' },
  { kind: 'bogus content type', body: '{}', type: 'application/json; charset=utf-1000' },
  { kind: 'content type garbage', body: '{}', type: '\u00ff/;;=\u00e9; charset="' },
  { kind: 'CSV', body: 'lastName,firstName,email\n\u0000,\u0000,\u0000\n', type: 'text/csv' },
  { kind: 'no content type', body: '{"username":"a"}' },
];

/** One JSON body per hostile value: every known field set to it (a huge string: one field at a time would be too many requests, so the first 900 characters everywhere, and all of it in `username`). */
const VALUE_BODIES: Body[] = [
  ...HOSTILE_VALUES.map((value, i) => ({
    kind: `every field = hostile value #${i}`,
    body: JSON.stringify(
      Object.fromEntries(FIELDS.map((f) => [f, value === HUGE ? HUGE.slice(0, 900) : value])),
    ),
    type: 'application/json',
  })),
  // One field alone: the others valid or absent, so validation stops at none of them first.
  ...FIELDS.flatMap((f) =>
    [LONE_SURROGATE, NUL].map((value) => ({
      kind: `only ${f} = ${JSON.stringify(value)}`,
      body: JSON.stringify({ [f]: value }),
      type: 'application/json',
    })),
  ),
  {
    kind: 'one huge field',
    body: JSON.stringify({ username: HUGE, name: 'a' }),
    type: 'application/json',
  },
  {
    kind: 'body over every limit',
    body: JSON.stringify({ username: 'x'.repeat(3 * 1024 * 1024) }),
    type: 'application/json',
  },
];

/** Bodies aimed at nested settings (texts, sender, templates, rules). */
const NESTED_BODIES: Body[] = [NUL, LONE_SURROGATE, CONTROL].flatMap((s) =>
  [
    { texts: { fr: { welcomeTitle: s, footer: s, signature: s } } },
    { email: { senderAddress: 'a@example.ca', senderName: s, replyTo: null } },
    {
      branding: {
        primaryColor: '#000000',
        accentColor: '#000000',
        logoUrl: `/${s}`,
        faviconUrl: null,
      },
    },
    { postLoginUrl: `https://example.ca/${s}` },
    { allowedNetworks: [s] },
    { usernameRule: { kind: 'pattern', pattern: s, example: s } },
    { subject: s, html: `<p>${s}</p>`, text: s },
    {
      rule: { kind: 'pattern', pattern: 'a+', example: 'a' },
      names: [{ lastName: s, firstName: s, username: s }],
    },
    { names: [{ lastName: s, firstName: s }] },
    {
      password: s,
      username: s,
      policy: { ...DEFAULT_PASSWORD_POLICY, minLength: 8, maxLength: 64 },
    },
    {
      host: s,
      port: 25,
      secure: false,
      user: s,
      password: s,
      senderAddress: 'a@example.ca',
      senderName: s,
    },
    { slug: s, name: s, defaultLocale: 'fr' },
    { hostNames: [s] },
    { email: s, role: 'tenant-admin', tenantIds: [s] },
  ].map((body, i) => ({
    kind: `nested hostile strings #${i} (${JSON.stringify(s)})`,
    body: JSON.stringify(body),
    type: 'application/json',
  })),
);

/** Query strings: repeated keys, encoded NUL, prototype keys, huge. */
const QUERIES = [
  '',
  '?lang=fr&lang=en&page=1&page=2&q=a&q=b',
  '?q=%00&search=%00&token=%00&lang=%00&from=%00&to=%00&status=%00&page=%00&limit=%00&action=%00',
  '?page=-1&limit=99999999999999999999&from=not-a-date&to=9999-99-99&kind=__proto__',
  '?__proto__[x]=1&constructor[prototype][x]=1&q[]=a&q[a]=b',
  '?q=%ED%A0%80&token=%ED%A0%80&lang=%ff',
  `?q=${'x'.repeat(6000)}&token=${'y'.repeat(2000)}`,
];

/** Path parameters: real ids where the route needs them to reach its handler, hostile ones too. */
const PARAM_VALUES = [
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '%00',
  'a%ED%A0%80b',
  'x'.repeat(1000),
  '__proto__',
];

interface Operation {
  method: string;
  path: string;
}

describe('malformed input: no endpoint or form answers 5xx', () => {
  let ctx: TestContext;
  let platform: AdminClient;
  let cegep: string;
  const failures: string[] = [];
  let requests = 0;

  beforeAll(async () => {
    const suite = await startAdminSuite({ TRUSTED_PROXIES: '127.0.0.1' });
    ({ ctx, platform, cegep } = suite);
  });
  afterAll(() => ctx.close());

  let ip = 0;
  /** A new client address per request: the rate limits must not hide a handler behind a 429. */
  const nextIp = () => `10.77.${Math.floor(++ip / 250) % 250}.${(ip % 250) + 1}`;
  /** Status counts per test: the corpus must reach the handlers (validation), not stop at the door. */
  const statuses = new Map<number, number>();
  const record = (what: string, res: HttpResponse | Error, oversized = false) => {
    requests += 1;
    // Not `instanceof Error`: Node's errors come from another realm than the test's.
    if (!('status' in res)) {
      // Past the body limit the API answers 413 and closes while the client is still writing.
      if (oversized && /EPIPE|ECONNRESET/.test(res.message)) return;
      return void failures.push(`${what}: ${res.message}`);
    }
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) failures.push(`${what}: ${res.status} ${res.body.slice(0, 200)}`);
  };
  const send = async (
    host: string,
    method: string,
    path: string,
    body: Body,
    headers: Record<string, string> = {},
  ) => {
    const res = await ctx
      .request(host, {
        method,
        path,
        body: body.body,
        headers: {
          'x-forwarded-for': nextIp(),
          ...(body.type ? { 'content-type': body.type } : {}),
          ...headers,
        },
        timeoutMs: 10_000,
      })
      .catch((e: Error) => e);
    record(
      `${method} ${path.slice(0, 120)} [${body.kind}]`,
      res,
      (body.body?.length ?? 0) > 1024 * 1024,
    );
    return 'status' in res ? res.status : null;
  };

  it('JSON API and admin API: every operation of the OpenAPI document', async () => {
    failures.length = 0;
    /** Values that reach the handler (the first round); any other parameter gets an unknown uuid. */
    const realParams: Record<string, string> = {
      tenantId: cegep,
      kind: 'password-reset',
      locale: 'fr',
    };
    const doc = (await ctx.request(CEGEP, { path: '/api/docs/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(operations.length).toBeGreaterThan(40);
    // Last: what revokes the admin's session or removes what other requests need.
    const lastly = (op: Operation) =>
      op.method === 'DELETE' ? 2 : /logout|revoke|password|totp/.test(op.path) ? 1 : 0;
    operations.sort((a, b) => lastly(a) - lastly(b));

    for (const op of operations) {
      const admin = op.path.startsWith('/api/v1/admin');
      const host = admin ? ADMIN_HOST : CEGEP;
      const auth: Record<string, string> = admin
        ? { authorization: `Bearer ${platform.token}` }
        : {};
      const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const paths =
        params.length === 0
          ? [op.path]
          : PARAM_VALUES.map((value, i) =>
              params.reduce(
                (p, name) => p.replace(`{${name}}`, i === 0 ? (realParams[name] ?? value) : value),
                op.path,
              ),
            );
      for (const query of QUERIES)
        await send(host, op.method, `${paths[0]}${query}`, { kind: 'no body' }, auth);
      for (const path of paths.slice(1))
        await send(host, op.method, path, { kind: 'no body' }, auth);
      if (op.method === 'GET' || op.method === 'DELETE') continue;
      const path = paths[0]!;
      for (const body of [...RAW_BODIES, ...VALUE_BODIES, ...NESTED_BODIES])
        await send(host, op.method, path, body, auth);
    }
    expect(failures).toEqual([]);
    // The admin's token held to the end, and the bodies reached validation.
    expect(statuses.get(400)).toBeGreaterThan(1000);
    expect(statuses.get(200)).toBeGreaterThan(100);
  }, 600_000);

  it('portal forms on a tenant host, with a valid CSRF token', async () => {
    failures.length = 0;
    const forms = [
      { page: '/login', fields: ['username', 'password', 'remember'] },
      { page: '/forgot-password', fields: ['username'] },
      { page: '/register', fields: ['username'] },
      { page: '/lookup', fields: ['firstName', 'lastName'] },
      {
        page: '/reset-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        fields: ['token', 'password', 'passwordConfirmation'],
      },
      { page: '/account', fields: [] },
      { page: '/logout', fields: [] },
    ];
    // Lookup is open to the Cégep's managed networks only: come from one of them too.
    await setTenantSettings(ctx, cegep, {
      'features.lookup': true,
      allowedNetworks: ['10.0.0.0/8'],
    });

    /** A valid CSRF token and its cookie, from the login page. */
    const csrfFor = async (host: string) => {
      const page = await ctx.request(host, {
        path: '/login',
        headers: { accept: 'text/html', 'x-forwarded-for': nextIp() },
      });
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      expect(token).toBeDefined();
      return { token: token!, cookie: cookieHeader(page) };
    };
    const encode = (fields: [string, string][]) => fields.map(([k, v]) => `${k}=${v}`).join('&');
    // A lone surrogate has no UTF-8 form: sent as the bytes of its (invalid) CESU-8 one.
    const pct = (s: string) => (s === LONE_SURROGATE ? 'a%ED%A0%80b' : encodeURIComponent(s));

    /** What a NUL in every field got on the Cégep: the forms' own 400, not a door closed earlier. */
    const nulStatus: Record<string, number | null> = {};
    for (const host of [CEGEP, MONTEREGIE]) {
      for (const form of forms) {
        const action = form.page.split('?')[0]!;
        for (const query of QUERIES)
          await send(
            host,
            'GET',
            `${form.page}${form.page.includes('?') ? query.replace('?', '&') : query}`,
            { kind: 'page' },
            { accept: 'text/html' },
          );
        const { token, cookie } = await csrfFor(host);
        const headers = { accept: 'text/html', cookie };
        const withCsrf = (fields: [string, string][]) => encode([['_csrf', token], ...fields]);
        const urlencoded = 'application/x-www-form-urlencoded';
        const bodies: Body[] = [
          ...HOSTILE_STRINGS.filter((s) => s !== HUGE).map((s, i) => ({
            kind: `every field = hostile string #${i}`,
            body: withCsrf(form.fields.map((f) => [f, pct(s)])),
            type: urlencoded,
          })),
          {
            kind: 'huge fields',
            body: withCsrf(form.fields.map((f) => [f, 'x'.repeat(20_000)])),
            type: urlencoded,
          },
          {
            kind: 'repeated fields',
            body: withCsrf(
              form.fields.flatMap((f) => [
                [f, 'a'],
                [f, '%00'],
                [`${f}[]`, 'b'],
              ]),
            ),
            type: urlencoded,
          },
          {
            kind: 'bracket and prototype keys',
            body: withCsrf([
              ['__proto__', 'x'],
              ['constructor', 'y'],
              ['__proto__[admin]', '1'],
              ...form.fields.map((f): [string, string] => [`${f}[a]`, 'b']),
            ]),
            type: urlencoded,
          },
          {
            kind: 'invalid percent-encoding',
            body: withCsrf(form.fields.map((f) => [f, '%ED%A0%80%ff%'])),
            type: urlencoded,
          },
          {
            kind: 'raw NUL byte',
            body: withCsrf(form.fields.map((f) => [f, '\u0000'])),
            type: urlencoded,
          },
          {
            kind: 'JSON to a form',
            body: JSON.stringify({
              _csrf: token,
              ...Object.fromEntries(form.fields.map((f) => [f, [NUL]])),
            }),
            type: 'application/json',
          },
          { kind: 'invalid JSON to a form', body: '{"_csrf":', type: 'application/json' },
          { kind: 'text/plain to a form', body: withCsrf([]), type: 'text/plain' },
          {
            kind: 'multipart to a form',
            body: `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--x--\r\n`,
            type: 'multipart/form-data; boundary=x',
          },
          {
            kind: 'no CSRF token, NUL fields',
            body: encode(form.fields.map((f) => [f, '%00'])),
            type: urlencoded,
          },
        ];
        for (const body of bodies) {
          const status = await send(host, 'POST', action, body, {
            ...headers,
            'x-forwarded-for': action === '/lookup' ? '10.1.2.3' : nextIp(),
          });
          if (host === CEGEP && body.kind === 'every field = hostile string #0')
            nulStatus[action] = status;
        }
      }
    }
    expect(failures).toEqual([]);
    expect(nulStatus).toMatchObject({
      '/login': 400,
      '/forgot-password': 400,
      '/register': 400,
      '/lookup': 400,
      '/reset-password': 400,
    });
  }, 300_000);

  it('a NUL in a portal form field is a 400 with the form and a message (login, with a valid CSRF token)', async () => {
    const page = await ctx.request(CEGEP, {
      path: '/login?lang=en',
      headers: { accept: 'text/html', 'x-forwarded-for': nextIp() },
    });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await ctx.request(CEGEP, {
      method: 'POST',
      path: '/login?lang=en',
      body: `_csrf=${encodeURIComponent(token)}&username=a%00b&password=x&remember=none`,
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: cookieHeader(page),
        'x-forwarded-for': nextIp(),
      },
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('This field contains characters that are not allowed');
    expect(res.body).toContain('name="username"');
  });

  it('NUL and lone surrogates in tenant texts, the sender name, templates and the tenant name are 400s naming the field', async () => {
    const texts = await platform.request('PATCH', `/tenants/${cegep}/settings`, {
      texts: { fr: { welcomeTitle: NUL } },
    });
    expect(texts.status).toBe(400);
    expect(texts.json<{ fields: Record<string, string[]> }>().fields).toEqual({
      'texts.fr.welcomeTitle': [expect.stringMatching(/control characters/)],
    });
    const sender = await platform.request('PATCH', `/tenants/${cegep}/settings`, {
      email: { senderAddress: 'a@example.ca', senderName: LONE_SURROGATE, replyTo: null },
    });
    expect(sender.status).toBe(400);
    expect(sender.json<{ fields: Record<string, string[]> }>().fields).toEqual({
      'email.senderName': [expect.stringMatching(/valid Unicode/)],
    });
    const template = await platform.request(
      'PUT',
      `/tenants/${cegep}/templates/password-reset/fr`,
      { subject: 'Sujet', html: `<p>${NUL}</p>`, text: 'ligne 1\n\tligne 2' },
    );
    expect(template.status).toBe(400);
    expect(Object.keys(template.json<{ fields: Record<string, string[]> }>().fields)).toEqual([
      'html',
    ]);
    // The audit row of a rename is jsonb too.
    const renamed = await platform.request('PATCH', `/tenants/${cegep}`, { name: LONE_SURROGATE });
    expect(renamed.status).toBe(400);
    expect(renamed.json<{ fields: Record<string, string[]> }>().fields).toEqual({
      name: [expect.stringMatching(/valid Unicode/)],
    });
  });

  it('the process logged no unhandled error meanwhile', () => {
    expect(requests).toBeGreaterThan(1000);
    const errors = ctx.api
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)|unhandled|Error: .*\n?\s+at /i.test(line));
    expect(errors).toEqual([]);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningProcess } from '@guichet/testing';
import { ADMIN_HOST, CEGEP, createTestContext, type TestContext } from './support/test-app.js';

const JWT_PRIVATE_KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString();

describe('transport security', () => {
  let ctx: TestContext;
  /** Started as an operator would: no NODE_ENV at all, public URLs in https. */
  let https: RunningProcess;
  beforeAll(async () => {
    ctx = await createTestContext();
    https = await ctx.startApi({
      NODE_ENV: '',
      PUBLIC_URL_SCHEME: 'https',
      PUBLIC_PORT: '443',
      JWT_PRIVATE_KEY,
    });
  });
  afterAll(() => ctx.close());

  it('runs as production when NODE_ENV is not set: Secure, __Host- cookies', async () => {
    const res = await ctx.request(
      CEGEP,
      { path: '/login', headers: { accept: 'text/html' } },
      https,
    );
    expect(res.status).toBe(200);
    expect(res.cookies.length).toBeGreaterThan(0);
    for (const cookie of res.cookies) {
      expect({ name: cookie.name, secure: cookie.attributes.secure }).toEqual({
        name: expect.stringMatching(/^__Host-/),
        secure: true,
      });
    }
  });

  it.each([
    ['a tenant page', CEGEP, '/login'],
    ['the tenant API', CEGEP, '/api/v1/tenant'],
    ['the admin API', ADMIN_HOST, '/api/v1/admin/me'],
    ['an unknown host', 'nobody.localhost', '/login'],
  ])(
    'sends Strict-Transport-Security when the public scheme is https: %s',
    async (_what, host, path) => {
      const res = await ctx.request(host, { path }, https);
      const maxAge = /^max-age=(\d+)/.exec(String(res.headers['strict-transport-security'] ?? ''));
      expect(Number(maxAge?.[1] ?? 0)).toBeGreaterThanOrEqual(31_536_000); // a year, at least
    },
  );

  it('sends no Strict-Transport-Security over plain http', async () => {
    const res = await ctx.request(CEGEP, { path: '/api/v1/tenant' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves the Swagger UI under a strict CSP: its own scripts only, no inline script, no framing', async () => {
    const page = await ctx.request(CEGEP, { path: '/api/docs' });
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy'] ?? '');
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    // Every script of the page is a file under 'self', so the UI still runs under that policy.
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src="\.\/docs\/[\w.-]+\.js"/);
      expect(inline!.trim()).toBe('');
      const src = /src="\.\/docs\/([\w.-]+\.js)"/.exec(attributes!)![1];
      expect((await ctx.request(CEGEP, { path: `/api/docs/${src}` })).status).toBe(200);
    }
  });
});

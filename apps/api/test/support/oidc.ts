import { expect } from '@jest/globals';
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { httpRequest, type HttpResponse } from '@guichet/testing';
import { waitFor } from './outbox.js';
import type { TestContext } from './test-app.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Runs the built CLI (`pnpm guichet …`) on the test context's database and Redis. */
export async function guichetCli(
  ctx: TestContext,
  args: string[],
  without: string[] = [],
): Promise<{ stdout: string; stderr: string; code: number }> {
  const env: Record<string, string | undefined> = { ...process.env, ...ctx.env };
  for (const name of without) delete env[name];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/**
 * Makes a tenant's public URL the address a browser of the test uses (`http://{slug}.localhost:{port}`),
 * so the issuer the relying parties discover is that one; answers once discovery says so.
 */
export async function issuerAtTestAddress(ctx: TestContext, slug: string): Promise<string> {
  const origin = `http://${slug}.localhost:${ctx.api.port}`;
  const [{ id }] = await ctx.dataSource.query<{ id: string }[]>(
    `UPDATE tenants SET public_url = $1 WHERE slug = $2 RETURNING id`,
    [origin, slug],
  );
  await ctx.publishTenantChange(id);
  const issuerNow = async () =>
    (
      await ctx.request(`${slug}.localhost:${ctx.api.port}`, {
        path: '/.well-known/openid-configuration',
      })
    ).json<{ issuer?: string }>().issuer;
  expect(await waitFor(issuerNow, (issuer) => issuer === origin)).toBe(origin);
  return origin;
}

/** `oidc-clients add … --json`: the registered client, from the last line of the output. */
export async function addClient(
  ctx: TestContext,
  slug: string,
  options: {
    name?: string;
    redirectUris: string[];
    postLogoutRedirectUris?: string[];
    backchannelLogoutUri?: string;
    public?: boolean;
    firstParty?: boolean;
  },
) {
  const args = [
    'oidc-clients',
    'add',
    '--tenant',
    slug,
    '--name',
    options.name ?? 'Application test',
    '--json',
  ];
  for (const uri of options.redirectUris) args.push('--redirect-uri', uri);
  for (const uri of options.postLogoutRedirectUris ?? [])
    args.push('--post-logout-redirect-uri', uri);
  if (options.backchannelLogoutUri)
    args.push('--backchannel-logout-uri', options.backchannelLogoutUri);
  if (options.public) args.push('--public');
  if (options.firstParty) args.push('--first-party');
  const run = await guichetCli(ctx, args);
  if (run.code !== 0) throw new Error(`oidc-clients add: ${run.code} ${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as { clientId: string; clientSecret?: string };
}

/**
 * A fetch for openid-client that sends tenant-host requests to the API process on
 * 127.0.0.1 with the Host header (`*.localhost` does not resolve in Node).
 */
export function apiFetch(port: number) {
  return async (
    url: string,
    options: {
      method?: string;
      headers?: ConstructorParameters<typeof Headers>[0];
      body?: unknown;
      redirect?: string;
    },
  ): Promise<Response> => {
    const target = new URL(url);
    const headers = Object.fromEntries(new Headers(options.headers).entries());
    const body =
      options.body === undefined || options.body === null
        ? undefined
        : options.body instanceof URLSearchParams
          ? options.body.toString()
          : String(options.body);
    const res = await httpRequest(port, {
      method: options.method ?? 'GET',
      path: `${target.pathname}${target.search}`,
      host: target.host,
      headers,
      body,
    });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (Array.isArray(v)) v.forEach((x) => out.append(k, x));
      else if (v !== undefined) out.set(k, String(v));
    }
    return new Response(res.status === 204 || res.status === 304 ? null : res.body, {
      status: res.status,
      headers: out,
    });
  };
}

/** A relying party's redirect URI: a real HTTP server of the test that records what reaches it. */
export async function startCallbackServer(): Promise<{
  origin: string;
  hits: URL[];
  close(): Promise<void>;
}> {
  const hits: URL[] = [];
  const server = http.createServer((req, res) => {
    hits.push(new URL(req.url ?? '/', `http://${req.headers.host}`));
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A relying party's back-channel logout endpoint: records the logout tokens posted to it and
 * lets a test wait for the next one (a positive signal, no sleep).
 */
export async function startLogoutReceiver(): Promise<{
  uri: string;
  tokens: string[];
  next(match?: (token: string) => boolean, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}> {
  const tokens: string[] = [];
  const waiters: { match: (t: string) => boolean; resolve: (t: string) => void }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const token =
        req.method === 'POST' &&
        String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded')
          ? new URLSearchParams(body).get('logout_token')
          : null;
      if (!token) return res.writeHead(400).end();
      tokens.push(token);
      for (const w of waiters.splice(0)) {
        if (w.match(token)) w.resolve(token);
        else waiters.push(w);
      }
      res.writeHead(200, { 'cache-control': 'no-store' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `http://127.0.0.1:${port}/backchannel-logout`,
    tokens,
    next(match = () => true, timeoutMs = 15_000) {
      const seen = tokens.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`no logout token within ${timeoutMs} ms (received ${tokens.length})`)),
          timeoutMs,
        );
        waiters.push({ match, resolve: (t) => (clearTimeout(timer), resolve(t)) });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A browser without JavaScript: a cookie jar per host, redirects and meta refreshes followed. */
export class OidcBrowser {
  readonly jar = new Map<string, Map<string, { value: string; persistent: boolean }>>();
  constructor(
    private readonly ctx: TestContext,
    readonly ip: string,
  ) {}

  cookies(host: string) {
    return this.jar.get(host) ?? new Map<string, { value: string; persistent: boolean }>();
  }

  private keep(host: string, res: HttpResponse) {
    const jar = this.cookies(host);
    for (const c of res.cookies) {
      if (
        c.value === '' ||
        c.attributes['max-age'] === '0' ||
        (typeof c.attributes.expires === 'string' && Date.parse(c.attributes.expires) < Date.now())
      )
        jar.delete(c.name);
      else
        jar.set(c.name, {
          value: c.value,
          persistent: c.attributes['max-age'] !== undefined || c.attributes.expires !== undefined,
        });
    }
    this.jar.set(host, jar);
    return res;
  }

  /** One request to a tenant host (no redirect followed). */
  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<HttpResponse> {
    const target = new URL(url);
    const cookie = [...this.cookies(target.host)].map(([k, v]) => `${k}=${v.value}`).join('; ');
    const headers: Record<string, string> = {
      accept: 'text/html',
      'x-forwarded-for': this.ip,
      ...(cookie ? { cookie } : {}),
    };
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await httpRequest(this.ctx.api.port, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      path: `${target.pathname}${target.search}`,
      host: target.host,
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    return this.keep(target.host, res);
  }

  /**
   * Follows redirects (and meta refreshes) from `url` until a page of a tenant host answers,
   * or the browser reaches `stopAt` (a relying party's origin): returns where it ended.
   */
  async navigate(
    url: string,
    stopAt: string,
    init: { form?: Record<string, string> } = {},
  ): Promise<{ url: URL; res?: HttpResponse }> {
    let current = new URL(url);
    let res = await this.request(current.href, init);
    for (let hops = 0; hops < 20; hops++) {
      const refresh =
        res.status === 200
          ? /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(res.body)?.[1]
          : undefined;
      const location =
        res.status >= 301 && res.status <= 308
          ? res.headers.location
          : refresh?.replace(/&amp;/g, '&');
      if (!location) return { url: current, res };
      current = new URL(location, current);
      if (current.origin === stopAt) return { url: current };
      res = await this.request(current.href);
    }
    throw new Error(`too many redirects, at ${current.href}`);
  }

  /** Posts the portal login form of the page `res` (CSRF token included). */
  static loginForm(page: HttpResponse, fields: Record<string, string>): Record<string, string> {
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!csrf) throw new Error(`no CSRF token on the page (${page.status})`);
    return { _csrf: csrf, ...fields };
  }
}

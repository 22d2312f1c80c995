import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@guichet/db/testing';
import type { HttpResponse, RunningProcess, SmtpSink } from '@guichet/testing';
import * as testing from '@guichet/testing';
import type { TenantSummary } from '@guichet/types';
import type { Browser, Page } from 'playwright-core';

const API_MAIN = fileURLToPath(new URL('../../api/dist/main.js', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('../../worker/dist/main.js', import.meta.url));
const ADMIN_DIST = fileURLToPath(new URL('../dist', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
export const ROOT = { email: 'root@guichet.test', password: 'correct horse battery staple' };

/** The product as a user starts it: the built API (serving the built admin app), the worker, an SMTP server. */
export interface Stack {
  port: number;
  adminOrigin: string;
  /** `http://{slug}.localhost:{port}`. */
  portalOrigin(slug: string): string;
  smtp: SmtpSink;
  api: RunningProcess;
  worker: RunningProcess;
  browser: Browser;
  /** A call to the admin API as the given admin (a token per email, kept). */
  adminApi<T = unknown>(
    who: { email: string; password: string },
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  request(host: string, path: string): Promise<HttpResponse>;
  /** A seeded tenant, as the admin API lists it to the platform admin. */
  tenant(slug: string): Promise<TenantSummary>;
  /** A JSON POST to a tenant's portal API (`/api/v1/…` on `{slug}.localhost`). */
  portalPost(slug: string, path: string, body: unknown): Promise<HttpResponse>;
  /** Every console error and failed page load of every page opened with `newPage`. */
  problems: string[];
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const db: TestDatabase = await createTestDatabase();
  const smtp = await testing.startSmtpSink();
  const port = await testing.freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `guichet-admin-e2e-${randomBytes(4).toString('hex')}`,
    SMTP_URL: smtp.url,
    // A tenant server set to the test SMTP sink (127.0.0.1, no TLS) is the operator's exception.
    SMTP_ALLOWED_HOSTS: '127.0.0.1',
    SMTP_ALLOW_INSECURE: 'true',
    // The tests' OpenLDAP servers (slapd) listen on 127.0.0.1.
    DIRECTORY_ALLOWED_HOSTS: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ADMIN_BOOTSTRAP_EMAIL: ROOT.email,
    ADMIN_BOOTSTRAP_PASSWORD: ROOT.password,
    ADMIN_DIST_DIR: ADMIN_DIST,
    ARGON2_MEMORY_KIB: '8192',
    ARGON2_ITERATIONS: '1',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    EMAIL_RETRY_BASE_MS: '100',
    OUTBOX_RECONCILE_MS: '500',
    OUTBOX_GRACE_MS: '500',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_PORT: String(port),
  };
  await (await testing.seedDatabase(db, env, 1)).destroy();

  // Management ports: any free one (0), so parallel stacks do not collide on the defaults.
  const api = await testing.startService({
    script: API_MAIN,
    portEnv: testing.PORT_ENV.api,
    env,
    port,
    managementPort: 0,
  });
  const worker = await testing.startService({
    script: WORKER_MAIN,
    portEnv: testing.PORT_ENV.worker,
    env,
    managementPort: 0,
  });
  const browser = await testing.launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });

  const adminHost = `admin.localhost:${port}`;
  const tokens = new Map<string, string>();
  const call = async (
    host: string,
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ) => {
    const res = await testing.httpRequest(port, {
      host,
      method,
      path,
      body,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, body: res.body ? (JSON.parse(res.body) as unknown) : undefined };
  };
  const problems: string[] = [];

  return {
    port,
    adminOrigin: `http://${adminHost}`,
    portalOrigin: (slug) => `http://${slug}.localhost:${port}`,
    smtp,
    api,
    worker,
    browser,
    problems,
    async adminApi<T>(
      who: { email: string; password: string },
      method: string,
      path: string,
      body?: unknown,
    ) {
      let token = tokens.get(who.email);
      if (!token) {
        const login = await call(adminHost, 'POST', '/api/v1/admin/auth/login', who);
        if (login.status !== 200)
          throw new Error(`sign-in of ${who.email}: ${login.status} ${JSON.stringify(login.body)}`);
        token = (login.body as { accessToken: string }).accessToken;
        tokens.set(who.email, token);
      }
      return call(adminHost, method, `/api/v1/admin${path}`, body, token) as Promise<{
        status: number;
        body: T;
      }>;
    },
    request: (host, path) => testing.httpRequest(port, { host, path }),
    async tenant(slug) {
      const list = await this.adminApi<TenantSummary[]>(ROOT, 'GET', '/tenants');
      const found = list.body.find((t) => t.slug === slug);
      if (!found) throw new Error(`no tenant ${slug}`);
      return found;
    },
    portalPost: (slug, path, body) =>
      testing.httpRequest(port, { host: `${slug}.localhost:${port}`, method: 'POST', path, body }),
    async newPage({ width = 1280, height = 900 } = {}) {
      // A French-speaking visitor: portals answer in the browser's language.
      const page = await browser.newPage({ viewport: { width, height }, locale: 'fr-CA' });
      page.on('console', (m) => {
        // Chromium logs every 4xx answer of fetch; the tests cause some on purpose (and check them).
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
          problems.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
      return page;
    },
    async close() {
      await browser?.close();
      await worker?.stop();
      await api?.stop();
      await smtp?.stop();
      await db?.drop();
    },
  };
}

/** Signs in through the app's own form, waits for the tenant picker and says which tenants it lists. */
export async function signIn(
  page: Page,
  origin: string,
  who: { email: string; password: string },
): Promise<(string | null)[]> {
  await page.goto(`${origin}/#/tenants`);
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=tenants-table] tr[data-slug]');
  return listedTenants(page);
}

/** The slugs of the tenant picker's rows, in order. */
export function listedTenants(page: Page): Promise<(string | null)[]> {
  return page.$$eval('tr[data-slug]', (rows) => rows.map((r) => r.getAttribute('data-slug')));
}

/** Waits until `check` holds, polling. */
export const eventually = (check: () => Promise<boolean>, what: string, timeoutMs = 15_000) =>
  testing.waitUntil(check, timeoutMs, what);

/** RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 secret, as an authenticator app shows it. */
export function totpCode(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

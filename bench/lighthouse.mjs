#!/usr/bin/env node
// Lighthouse (simulated mobile, performance only) on the admin app and the portals, in
// Debian's Chromium: `node bench/lighthouse.mjs` after `pnpm build` (starts the built API on a
// bench database of its own). Never downloads a browser.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SESSION_KEY = 'guichet.admin.session';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One Lighthouse run on a fresh tab with an empty HTTP cache; `session` is put in the tab's sessionStorage first. */
async function audit(browser, port, url, session) {
  const page = await browser.newPage();
  try {
    const cdp = await page.createCDPSession();
    if (session) {
      await page.goto(new URL('/favicon.svg', url).href);
      await page.evaluate(
        (key, value) => window.sessionStorage.setItem(key, value),
        SESSION_KEY,
        JSON.stringify(session),
      );
    }
    await cdp.send('Network.clearBrowserCache');
    const result = await lighthouse(
      url,
      {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
        // Keeps the sessionStorage set above; the HTTP cache was cleared by hand.
        disableStorageReset: Boolean(session),
      },
      undefined,
      page,
    );
    if (process.env.BENCH_LIGHTHOUSE_REPORTS) {
      const name = `${new URL(url).hostname.split('.')[0]}${session ? '-signed-in' : ''}-${Date.now()}.json`;
      writeFileSync(join(process.env.BENCH_LIGHTHOUSE_REPORTS, name), result.report);
    }
    const { audits, categories } = result.lhr;
    const scripts = audits['resource-summary'].details.items.find(
      (i) => i.resourceType === 'script',
    );
    const total = audits['resource-summary'].details.items.find((i) => i.resourceType === 'total');
    return {
      score: Math.round(categories.performance.score * 100),
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      si: audits['speed-index'].numericValue,
      js: scripts?.transferSize ?? 0,
      total: total?.transferSize ?? 0,
    };
  } finally {
    await page.close();
  }
}

/**
 * Rows for the admin sign-in page, a signed-in admin screen and each portal's `/login`, each
 * the median of `BENCH_LIGHTHOUSE_RUNS` runs. `apiPort`: the built API, seeded.
 */
export async function lighthouseRows({ apiPort, adminCredentials, portals }) {
  const admin = `http://admin.localhost:${apiPort}`;
  // node's fetch refuses a Host header of our own: a plain request to the admin host.
  const body = await new Promise((resolve, reject) => {
    const payload = JSON.stringify(adminCredentials);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: apiPort,
        method: 'POST',
        path: '/api/v1/admin/auth/login',
        headers: {
          host: `admin.localhost:${apiPort}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(text))
            : reject(new Error(`admin sign-in answered ${res.statusCode}: ${text}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
  const session = {
    accessToken: body.accessToken,
    expiresAt: Date.now() + body.expiresIn * 1000 - 5_000,
    admin: body.admin,
  };
  const targets = [
    { row: 'admin app, sign-in page', url: `${admin}/` },
    { row: 'admin app, signed in (tenant list)', url: `${admin}/#/tenants`, session },
    ...portals.map((slug) => ({
      row: `portal /login (${slug})`,
      url: `http://${slug}.localhost:${apiPort}/login`,
    })),
  ];
  const browser = await puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--remote-debugging-port=0'],
  });
  // Lighthouse talks to the browser through its DevTools port.
  const port = Number(new URL(browser.wsEndpoint()).port);
  const out = [];
  try {
    for (const target of targets) {
      const runs = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(await audit(browser, port, target.url, target.session));
      const m = (key) => median(runs.map((r) => r[key]));
      out.push({
        row: `Lighthouse ${target.row}`,
        value: `performance ${m('score')} (runs ${runs.map((r) => r.score).join(', ')})`,
        baseline: `FCP ${(m('fcp') / 1000).toFixed(2)} s, LCP ${(m('lcp') / 1000).toFixed(2)} s, TBT ${Math.round(m('tbt'))} ms, CLS ${m('cls').toFixed(3)}, SI ${(m('si') / 1000).toFixed(2)} s, JS ${kib(m('js'))} of ${kib(m('total'))} transferred`,
        ratio: '—',
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Standalone: a bench database of its own, the built API on it, the rows printed. */
async function main() {
  const root = join(import.meta.dirname, '..');
  const pg = createRequire(join(root, 'packages/db/package.json'))('pg');
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/guichet');
  const url = new URL(base);
  url.pathname = '/guichet_bench_lighthouse';
  const adminCredentials = {
    email: 'bench@guichet.localhost',
    password: 'bench-password-long-enough',
  };
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url.toString(),
    REDIS_PREFIX: 'guichet-bench-lighthouse',
    LOG_LEVEL: 'warn',
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    ADMIN_BOOTSTRAP_EMAIL: adminCredentials.email,
    ADMIN_BOOTSTRAP_PASSWORD: adminCredentials.password,
    MANAGEMENT_PORT: '0',
    JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString(),
  };
  const pgAdmin = new pg.Client({ connectionString: new URL('/postgres', base).toString() });
  await pgAdmin.connect();
  const dropDb = () =>
    pgAdmin.query('DROP DATABASE IF EXISTS guichet_bench_lighthouse WITH (FORCE)');
  await dropDb();
  const run = (args) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args} → ${code}`))));
    });
  await run(['packages/db/dist/cli.js', 'migrate']);
  await run(['packages/db/dist/cli.js', 'seed']);
  const apiPort = await freePort();
  const api = spawn(process.execPath, ['dist/main.js'], {
    cwd: join(root, 'apps/api'),
    env: { ...env, PORT: String(apiPort), HOST: '127.0.0.1' },
    stdio: 'inherit',
  });
  let exited = false;
  api.once('exit', () => (exited = true));
  try {
    for (let i = 0; ; i++) {
      if (exited) throw new Error('the API exited');
      const ok = await fetch(`http://127.0.0.1:${apiPort}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 200) throw new Error('the API did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = await lighthouseRows({
      apiPort,
      adminCredentials,
      portals: ['cegepdeseptiles', 'monteregie'],
    });
    for (const r of rows) console.log(`| ${r.row} | ${r.value} | ${r.baseline} |`);
  } finally {
    if (!exited) {
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    }
    await dropDb();
    await pgAdmin.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();

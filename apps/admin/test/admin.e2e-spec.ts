import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDataSource, seed } from '@guichet/db';
import { createTestDatabase, type TestDatabase } from '@guichet/db/testing';
import { freePort, launchChromium, type RunningProcess, startProcess } from '@guichet/testing';
import { parseEnv } from '@guichet/types';
import type { Browser } from 'playwright-core';

const API_MAIN = fileURLToPath(new URL('../../api/dist/main.js', import.meta.url));
const ADMIN_DIST = fileURLToPath(new URL('../dist', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/admin', import.meta.url));
const ADMIN = { email: 'root@guichet.test', password: 'correct horse battery staple' };

describe('admin app in a browser', () => {
  let db: TestDatabase;
  let api: RunningProcess;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      REDIS_PREFIX: `guichet-e2e-${process.pid}`,
      LOG_LEVEL: 'warn',
      ADMIN_BOOTSTRAP_EMAIL: ADMIN.email,
      ADMIN_BOOTSTRAP_PASSWORD: ADMIN.password,
      ADMIN_DIST_DIR: ADMIN_DIST,
      HOST: '127.0.0.1',
    };
    const ds = createDataSource(db.url, { poolSize: 1 });
    await ds.initialize();
    await seed(ds, parseEnv(env));
    await ds.destroy();
    const port = await freePort();
    api = await startProcess({
      script: API_MAIN,
      env: { ...env, PORT: String(port), PUBLIC_PORT: String(port), MANAGEMENT_PORT: '0' },
      healthPort: port,
    });
    origin = `http://admin.localhost:${port}`;
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await db?.drop();
  });

  it('signs the bootstrap platform admin in and lists both tenants', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', 'wrong password');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=form-error]');
    await page.fill('#password', ADMIN.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=tenants-table] tr[data-slug]');
    const slugs = await page.$$eval('tr[data-slug]', (rows) =>
      rows.map((r) => r.getAttribute('data-slug')),
    );
    expect(slugs.sort()).toEqual(['cegepdeseptiles', 'monteregie']);
    expect(await page.textContent('[data-testid=tenants-table]')).toContain('Cégep de Sept-Îles');
    await page.screenshot({ path: `${ARTIFACTS}/tenants-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 740 });
    await page.screenshot({ path: `${ARTIFACTS}/tenants-phone.png`, fullPage: true });
    await page.close();
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';

/** The system Chromium (CHROMIUM_PATH, else /usr/bin/chromium), headless, quiet: no sandbox, GPU, sync or updates. */
export async function launchChromium(): Promise<Browser> {
  // Loaded here, not at the top: the specs without a browser do not pay for playwright.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Script errors, console errors and failed answers, as they come. */
  errors: string[];
}

export interface PageWatch {
  /** Also keep Chromium's own « Failed to load resource » console lines (a 4xx answer a test causes on purpose logs one). */
  failedLoads?: boolean;
  /** Keep a 4xx/5xx answer to a page load too, not only to a sub-resource (a refused form's own 400). */
  documents?: boolean;
}

/** A page in a context of its own (a French-speaking visitor unless `options` say otherwise), its errors kept in `errors`. */
export async function newWatchedPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
  watch: PageWatch = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: 'fr-CA', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (
      m.type() === 'error' &&
      (watch.failedLoads || !m.text().startsWith('Failed to load resource'))
    )
      errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400 && (watch.documents || r.request().resourceType() !== 'document'))
      errors.push(`${r.status()} ${r.url()}`);
  });
  return { context, page, errors };
}

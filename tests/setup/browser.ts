/**
 * Headless Chromium for browser tests (Debian's `chromium`, driven by playwright-core). The tests run when both
 * Chromium and the built admin panel (`npm run build`) are present; E2E_REQUIRED=1 (set by .ci/run) makes their
 * absence a failure instead of a skip.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { ROOT } from './env';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'tests', 'e2e', 'screenshots');

export function browserTestsCanRun(): boolean {
  const ready = fs.existsSync(CHROMIUM) && fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html'));
  if (!ready && process.env.E2E_REQUIRED === '1') {
    throw new Error(`Browser tests need ${CHROMIUM} and the admin build (npm run build).`);
  }
  return ready;
}

export async function launchBrowser(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Saves a full-page screenshot as tests/e2e/screenshots/<name>.png (a CI artifact, git-ignored). */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Lets a dialog finish its opening animation before a screenshot. */
export const settle = (page: Page) => page.waitForTimeout(400);

/**
 * A browser for the test file (call inside its `describe`, after useStrapi): launched before its tests and closed
 * after them, with `loginAs` opening the admin panel at `base` signed in as a demo user, each user in a context of
 * their own so that sessions do not mix.
 */
export function useAdminBrowser(base: string) {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  return {
    async loginAs(email: string, options: BrowserContextOptions = {}): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        locale: 'vi-VN',
        ...options,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(`${base}/admin/auth/login`);
      await page.fill('input[name=email]', email);
      await page.fill('input[name=password]', process.env.DEMO_PASSWORD!);
      await page.click('button[type=submit]');
      await page.waitForURL((url) => !url.pathname.includes('/auth/login'));
      return page;
    },
  };
}

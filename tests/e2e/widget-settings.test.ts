/**
 * Settings › Nhúng vào website (Website widgets) in a real browser (headless Chromium), as the IT Center keeps it:
 * a website written with a path is refused under its own row, in the admin's language; a good origin is saved and
 * stored; a new primary colour, not saved yet, reaches the live preview, whose frame the widget's page sizes. A unit
 * editor neither sees the settings link nor reads the settings (403). Screenshots of the page at 1440 px and 390 px
 * land in tests/e2e/screenshots/.
 */
import type { Frame, Page } from 'playwright-core';
import request from 'supertest';
import { readSettings } from '../../src/plugins/widgets/server/src/domain/settings';
import { browserTestsCanRun, screenshot, useAdminBrowser } from '../setup/browser';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

// Beside synonyms.test.ts (15900-16199).
const PORT = 16200 + (process.pid % 300);
const BASE = `http://127.0.0.1:${PORT}`;
const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;
const SETTINGS = `${BASE}/admin/settings/widgets`;
const IT = 'ttcntt@demo.example';
const UNIT_EDITOR = 'qldd@demo.example';
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const BAD_ORIGIN = 'https://cong.example.gov.vn/tthc';
const GOOD_ORIGIN = 'https://cong.example.gov.vn';
const PRIMARY = '#8a1538';

/** What the server says, in Vietnamese, of an origin with a path. */
function badOriginMessage(): string {
  const read = readSettings({ allowedOrigins: [BAD_ORIGIN] }, 'vi');
  if (read.ok) throw new Error('an origin with a path is refused');
  return read.errors[0].messages!.vi;
}

/** Waits until the preview frame is as tall as its page says (a `tthc:height` message), past the start height. */
async function frameFitsItsPage(page: Page, frame: Frame) {
  let last = '';
  for (let attempt = 0; attempt < 100; attempt++) {
    const height = Number(await page.getAttribute('iframe[data-testid=preview-frame]', 'data-height'));
    const content = await frame.locator('html').evaluate((html) => html.scrollHeight);
    if (height > 150 && Math.abs(height - content) <= 1) return;
    last = `frame ${height}px, its page ${content}px`;
    await page.waitForTimeout(200);
  }
  throw new Error(`The preview frame does not fit its page: ${last}`);
}

/**
 * The admin scrolls inside its layout, not the page: the window grows to the content for a screenshot of the whole
 * settings page (the preview and the snippets are below the fold), at this width.
 */
async function wholePage(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  const hidden = await page.locator('body').evaluate((body) => {
    const view = body.ownerDocument.defaultView!;
    let most = 0;
    const all = body.querySelectorAll('*');
    for (let index = 0; index < all.length; index++) {
      const element = all[index];
      const overflow = view.getComputedStyle(element).overflowY;
      if (overflow === 'auto' || overflow === 'scroll')
        most = Math.max(most, element.scrollHeight - element.clientHeight);
    }
    return most;
  });
  await page.setViewportSize({ width, height: 900 + hidden });
}

describeInBrowser('website widget settings, in the browser', () => {
  const app = useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);
  const stored = () => app.strapi().plugin('widgets').service('settings').get();

  it('refuses an origin with a path under its row, saves a good one, and previews an unsaved colour', async () => {
    const page = await loginAs(IT, { viewport: WIDE });
    try {
      await steps(page);
    } catch (error) {
      await screenshot(page, 'widget-settings-failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  async function steps(page: Page) {
    // 1. The settings link leads to the page.
    await page.goto(`${BASE}/admin/settings`);
    const link = page.locator('a[href$="/settings/widgets"]');
    await link.waitFor();
    expect((await link.textContent())?.trim()).toBe('Nhúng vào website');
    await link.click();
    await page.waitForURL(SETTINGS);
    await page.locator('[data-testid=origins]').waitFor();
    expect(await page.locator('[data-testid=origin-row]').count()).toBe(0);

    // 2. An origin with a path is refused, under its own row, and nothing is stored.
    await page.click('[data-testid=origin-add]');
    await page.locator('[data-testid=origin-input]').last().fill(BAD_ORIGIN);
    await page.click('[data-testid=settings-save]');
    const row = page.locator('[data-testid=origin-row]').last();
    await row.getByText(badOriginMessage()).waitFor();
    expect(await row.locator('input').getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).allowedOrigins).toEqual([]);
    await screenshot(page, 'widget-settings-refused-1440');

    // 3. The origin alone is saved.
    await page.locator('[data-testid=origin-input]').last().fill(GOOD_ORIGIN);
    expect(await row.getByText(badOriginMessage()).count()).toBe(0);
    await page.click('[data-testid=settings-save]');
    await page.getByText('Đã lưu cài đặt nhúng vào website.').first().waitFor();
    await page.locator('[data-testid=settings-form][data-dirty=false]').waitFor();
    expect((await stored()).allowedOrigins).toEqual([GOOD_ORIGIN]);
    const token = await adminLogin(app.server(), IT);
    const read = await request(app.server()).get('/widgets/settings').set('Authorization', `Bearer ${token}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ allowedOrigins: [GOOD_ORIGIN], theme: {} });

    // 4. A primary colour, not saved, reaches the preview: the widget's page loads with it and sizes its frame.
    await page.locator('[data-testid=theme-primary]').fill(PRIMARY);
    const frameElement = await page.waitForSelector(
      `iframe[data-testid=preview-frame][src*="primary%3A${PRIMARY.slice(1)}"]`
    );
    expect(await frameElement.getAttribute('title')).toBe('Xem trước: Tra cứu thủ tục hành chính');
    const frame = (await frameElement.contentFrame())!;
    const widget = await frame.waitForSelector('tthc-procedure-search');
    expect(
      await widget.evaluate((node) =>
        node.ownerDocument.defaultView!.getComputedStyle(node).getPropertyValue('--tthc-color-primary')
      )
    ).toBe(PRIMARY);
    await frameFitsItsPage(page, frame);
    expect((await stored()).theme).toEqual({});

    // The snippets name the CMS and the chosen widget.
    expect(await page.textContent('[data-testid=snippet-script-code]')).toBe(
      `<script type="module" src="${BASE}/widgets/v1/tthc.js"></script>\n` +
        '<tthc-procedure-search lang="vi"></tthc-procedure-search>'
    );
    expect(await page.textContent('[data-testid=snippet-iframe-code]')).toContain(
      `<iframe src="${BASE}/widgets/v1/embed/procedure-search?lang=vi" title="Tra cứu thủ tục hành chính"`
    );

    await wholePage(page, WIDE.width);
    await screenshot(page, 'widget-settings-1440');
    await wholePage(page, PHONE.width);
    await frameFitsItsPage(page, frame);
    await wholePage(page, PHONE.width);
    await screenshot(page, 'widget-settings-390');
  }

  it('is not for a unit editor: no settings link, and a 403 from the API', async () => {
    const before = await stored();
    const token = await adminLogin(app.server(), UNIT_EDITOR);
    const read = await request(app.server()).get('/widgets/settings').set('Authorization', `Bearer ${token}`);
    expect(read.status).toBe(403);
    const write = await request(app.server())
      .put('/widgets/settings')
      .set('Authorization', `Bearer ${token}`)
      .send({ allowedOrigins: ['https://other.example'], theme: {} });
    expect(write.status).toBe(403);
    expect(await stored()).toEqual(before);

    const page = await loginAs(UNIT_EDITOR, { viewport: WIDE });
    try {
      await page.goto(`${BASE}/admin/settings`);
      await page.locator('a[href$="/settings/application-infos"]').waitFor();
      expect(await page.locator('a[href$="/settings/widgets"]').count()).toBe(0);
      expect(await page.getByText('Nhúng vào website').count()).toBe(0);
    } catch (error) {
      await screenshot(page, 'widget-settings-unit-editor-failure').catch(() => undefined);
      throw error;
    }
  }, 120_000);
});

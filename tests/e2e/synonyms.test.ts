/**
 * The search's synonyms in a real browser (headless Chromium), as the IT Center keeps them in the Content Manager
 * (Từ đồng nghĩa): the list shows the shipped entries under Vietnamese column names; an entry with one way of
 * saying it is refused under its field; a good one is saved, and the public search finds a procedure by it at
 * once. Screenshots of the list and the edit view at 1440 px and 390 px land in tests/e2e/screenshots/.
 */
import type { Page } from 'playwright-core';
import request from 'supertest';
import { browserTestsCanRun, screenshot, useAdminBrowser } from '../setup/browser';
import { useStrapi } from '../setup/strapi';

// Beside procedure-import.test.ts (15600-15899).
const PORT = 15900 + (process.pid % 300);
const BASE = `http://127.0.0.1:${PORT}`;
const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;
const LIST = `${BASE}/admin/content-manager/collection-types/api::synonym.synonym`;
const IT = 'ttcntt@demo.example';
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describeInBrowser('synonyms, in the browser', () => {
  const app = useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  it('lists the shipped synonyms, refuses a lone phrase under its field, and saves one the search uses', async () => {
    const page = await loginAs(IT, { viewport: WIDE });
    try {
      await steps(page);
    } catch (error) {
      await screenshot(page, 'synonyms-failure').catch(() => undefined);
      throw error;
    }
  }, 180_000);

  async function steps(page: Page) {
    // 1. The list, with the shipped entries.
    await page.goto(`${LIST}?page=1&pageSize=10&sort=phrases:ASC`);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('thead').textContent()).toContain('Các cách gọi');
    expect(await page.locator('tbody tr').count()).toBe(10);
    await screenshot(page, 'synonyms-1-list-1440');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'synonyms-1-list-390');
    await page.setViewportSize(WIDE);

    // 2. One way of saying it is refused, under the field, in the admin's language.
    const green = () =>
      request(app.server()).get(`/api/procedures/search?q=${encodeURIComponent('giấy phép xanh')}`);
    expect((await green()).body.meta.search.partial).toBe(true);
    await page.goto(`${LIST}/create`);
    const phrases = page.locator('textarea[name=phrases]');
    await phrases.fill('giấy phép xanh');
    await page.getByRole('button', { name: /^(Lưu|Save)$/ }).click();
    // Under the field, and in the notification.
    await page
      .getByText(/Cần ít nhất hai cách gọi khác nhau|At least two different ways/)
      .first()
      .waitFor();
    const stored = () =>
      app
        .strapi()
        .db.query('api::synonym.synonym')
        .findOne({ where: { phrases: { $contains: 'phép xanh' } } });
    expect(await stored()).toBeNull();
    await screenshot(page, 'synonyms-2-refused-1440');

    // 3. Two ways are saved, and the search uses them at once.
    await phrases.fill('giấy phép xanh\ngiấy phép môi trường');
    await page.getByRole('button', { name: /^(Lưu|Save)$/ }).click();
    await page.waitForURL((url) => /api::synonym\.synonym\/[a-z0-9]{20,}/.test(url.pathname));
    await page.setViewportSize(PHONE);
    await screenshot(page, 'synonyms-3-saved-390');
    expect((await stored()).phrases).toBe('giấy phép xanh\ngiấy phép môi trường');
    expect((await green()).body.meta.search).toMatchObject({
      partial: false,
      matchedAll: expect.any(Number),
    });
    expect((await green()).body.meta.search.matchedAll).toBeGreaterThan(0);
  }
});

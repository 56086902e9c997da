/**
 * "Waiting for me" in a real browser (headless Chromium): each demo role opens the admin's home page and finds the
 * lines of what waits for it, with the counts the plugins' `GET /waiting` answer, and the same totals on the menu
 * badges. Screenshots at 1440 px, and the unit editor's at 390 px.
 */
import request from 'supertest';
import { WAITING_PLUGINS, waitingLines, type WaitingPlugin } from '../../src/admin/waiting/lines';
import { browserTestsCanRun, screenshot, settle, useAdminBrowser } from '../setup/browser';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

// Beside date-fields.test.ts (15000-15299).
const PORT = 15300 + (process.pid % 300);
const BASE = `http://127.0.0.1:${PORT}`;
const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

const ROLES = {
  unit: 'qldd@demo.example',
  itCenter: 'ttcntt@demo.example',
  office: 'vanphong@demo.example',
  director: 'giamdoc@demo.example',
};

describeInBrowser('waiting for me, in the browser', () => {
  const app = useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  /** What the plugins answer this user, as the lines the widget must show. */
  async function expected(email: string) {
    const token = await adminLogin(app.server(), email);
    const answers = await Promise.all(
      WAITING_PLUGINS.map(async (plugin: WaitingPlugin) => {
        const res = await request(app.server())
          .get(`/${plugin}/waiting`)
          .set('Authorization', `Bearer ${token}`);
        if (res.status === 403) return { plugin, items: [] };
        expect(res.status).toBe(200);
        return { plugin, items: res.body.data.items };
      })
    );
    const me = await request(app.server()).get('/admin/users/me').set('Authorization', `Bearer ${token}`);
    return waitingLines(answers, me.body.data.id);
  }

  it.each(Object.entries(ROLES))(
    'shows the %s what waits for it, on the home page and the menu',
    async (role, email) => {
      const lines = await expected(email);
      // The demo gives every role something to do on the first login.
      expect(lines.length).toBeGreaterThan(0);

      const page = await loginAs(email, { viewport: { width: 1440, height: 900 } });
      await page.goto(`${BASE}/admin`);
      await page.waitForSelector('[data-testid=waiting-widget]');
      const shown = await page
        .locator('[data-testid=waiting-widget] > li')
        .evaluateAll((items) =>
          items.map((li) => [li.getAttribute('data-testid'), li.getAttribute('data-value')])
        );
      expect(shown).toEqual(lines.map((line) => [`waiting-${line.id}`, String(line.item.count)]));

      // Each line leads to the plugin's list, filtered.
      expect(
        await page.locator(`[data-testid="waiting-${lines[0].id}"] a`).first().getAttribute('href')
      ).toBe(`/admin${lines[0].to}`);

      for (const plugin of WAITING_PLUGINS) {
        const total = lines
          .filter((line) => line.plugin === plugin)
          .reduce((sum, line) => sum + line.item.count, 0);
        const badge = page.locator(`[data-testid=menu-badge-${plugin}]`);
        if (total > 0) {
          await badge.waitFor();
          expect(await badge.getAttribute('data-value')).toBe(String(total));
        } else expect(await badge.count()).toBe(0);
      }
      await page.locator('[data-testid=waiting-widget]').scrollIntoViewIfNeeded();
      await screenshot(page, `waiting-${role}-1440`);

      if (role === 'unit') {
        await page.setViewportSize({ width: 390, height: 844 });
        // The admin swaps its desktop menu for the mobile one first; scroll once the layout has settled.
        await settle(page);
        await page.locator('[data-testid=waiting-widget]').scrollIntoViewIfNeeded();
        await screenshot(page, `waiting-${role}-390`);
      }
    }
  );
});

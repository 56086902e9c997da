/**
 * The annual report in a real browser (headless Chromium): the Office drafts the 2021 report on the demo data,
 * opens the rows behind a figure, edits a narrative section and saves it, exports the DOCX (a background job whose
 * progress is polled and survives a reload) and downloads it, exports the XLSX, issues the report; then the Director
 * reads it without any way to change it and downloads the XLSX. Screenshots land in tests/e2e/screenshots/.
 */
import fs from 'fs';
import type { Page } from 'playwright-core';
import { browserTestsCanRun, screenshot, settle, useAdminBrowser } from '../setup/browser';
import { useStrapi } from '../setup/strapi';

// Beside oversight.test.ts (14300-14699).
const PORT = 14700 + (process.pid % 300);
const BASE = `http://127.0.0.1:${PORT}`;
const run = browserTestsCanRun();
const describeInBrowser = run ? describe : describe.skip;

const OFFICE = 'vanphong@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
// The demo data and plan are 2021's.
const YEAR = '2021';

describeInBrowser('annual report, in the browser', () => {
  useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  it('drafts the 2021 report, edits its narrative, exports DOCX and XLSX, issues it; the Director only reads it', async () => {
    const office = await loginAs(OFFICE, { acceptDownloads: true });
    try {
      await steps(office);
    } catch (error) {
      await screenshot(office, 'annual-report-failure').catch(() => undefined);
      throw error;
    }
  }, 300_000);

  async function steps(office: Page) {
    const stamp = `${Date.now()}`;
    const title = `Báo cáo kết quả năm ${YEAR} (${stamp})`;
    const limitations = `Một số đơn vị chưa gửi tin, bài đúng hạn (${stamp}).`;

    // 1. The Office opens the list and starts a draft: the dialog proposes the latest plan's year, the demo's
    // current year; the Office reports on the 2021 plan, the demo's history.
    await office.goto(`${BASE}/admin/plugins/annual-report`);
    await office.waitForSelector('[data-testid=report-table], [data-testid=report-table-empty]');
    await office.click('[data-testid=report-new]');
    await office.waitForSelector('[data-testid=draft-dialog]');
    const latest = String(new Date().getFullYear());
    for (let tries = 0; (await office.inputValue('[data-testid=draft-year]')) !== latest; tries += 1) {
      if (tries > 50) expect(await office.inputValue('[data-testid=draft-year]')).toBe(latest);
      await office.waitForTimeout(100);
    }
    await office.fill('[data-testid=draft-year]', YEAR);
    await office.fill('[data-testid=draft-title]', title);
    await settle(office);
    await screenshot(office, 'annual-report-1-new-draft');
    await office.click('[data-testid=draft-dialog-submit]');
    await office.waitForURL(/\/plugins\/annual-report\/reports\/[a-z0-9]{20,}/, { timeout: 60_000 });
    const reportUrl = office.url();
    await office.waitForSelector('[data-testid=figures]');
    expect(await office.getAttribute('[data-testid=report-state]', 'data-state')).toBe('draft');
    expect(await office.textContent('h1')).toContain(stamp);
    await screenshot(office, 'annual-report-2-draft');

    // 2. A number of the figures opens the rows behind it.
    const figure = office.locator('[data-testid=figure]').first();
    if ((await figure.count()) > 0) {
      await figure.click();
      await office.waitForSelector('[data-testid=rows-dialog] [data-testid=rows-row]');
      await settle(office);
      await screenshot(office, 'annual-report-3-rows');
      await office.keyboard.press('Escape');
      await office.waitForSelector('[data-testid=rows-dialog]', { state: 'detached' });
    }

    // 3. The Office writes a narrative section and saves it; it is there after a reload.
    await office.fill('[data-testid=narrative-limitations]', limitations);
    const [saved] = await Promise.all([
      office.waitForResponse(
        (response) => response.url().includes('/narrative') && response.request().method() === 'PUT'
      ),
      office.click('[data-testid=narrative-save]'),
    ]);
    expect(saved.status()).toBe(200);
    await office.reload();
    await office.waitForSelector('[data-testid=narrative-limitations]');
    expect(await office.inputValue('[data-testid=narrative-limitations]')).toBe(limitations);

    // 4. The DOCX export runs in the background; its job is still listed (and polled) after a reload.
    await office.click('[data-testid=export-docx]');
    const job = office.locator('[data-testid=job-row][data-format=docx]').first();
    await job.waitFor();
    await office.reload();
    expect(office.url()).toBe(reportUrl);
    await job.waitFor();
    await office.locator('[data-testid=job-row][data-format=docx][data-state=done]').first().waitFor({
      timeout: 120_000,
    });
    await office.locator('[data-testid=exports]').scrollIntoViewIfNeeded();
    await screenshot(office, 'annual-report-4-exported');

    // 5. The finished file downloads through the admin session: a DOCX is a zip ("PK").
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office
        .locator('[data-testid=job-row][data-format=docx][data-state=done]')
        .first()
        .locator('[data-testid=job-download]')
        .click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // 6. The XLSX appendices (written in a worker thread on the server) finish too.
    await office.click('[data-testid=export-xlsx]');
    await office.locator('[data-testid=job-row][data-format=xlsx][data-state=done]').first().waitFor({
      timeout: 120_000,
    });

    // 7. The Office issues the report under a number: it becomes read-only, with no recompute or issue left.
    await office.click('[data-testid=report-issue]');
    await office.waitForSelector('[data-testid=issue-dialog]');
    await office.fill('[data-testid=issue-number]', `${stamp.slice(-4)}`);
    await settle(office);
    await screenshot(office, 'annual-report-5-issue');
    await office.click('[data-testid=issue-dialog-submit]');
    await office.waitForSelector('[data-testid=report-state][data-state=issued]');
    await office.waitForSelector('[data-testid=narrative-readonly]');
    expect(await office.locator('[data-testid=report-recompute], [data-testid=report-issue]').count()).toBe(
      0
    );
    expect(await office.textContent('[data-testid=narrative-readonly]')).toContain(limitations);

    // 8. The Director reads the issued report and downloads its files, but cannot change or export anything.
    const director = await loginAs(DIRECTOR, { acceptDownloads: true });
    await director.goto(reportUrl);
    await director.waitForSelector('[data-testid=report-state][data-state=issued]');
    await director.waitForSelector('[data-testid=narrative-readonly]');
    await director.locator('[data-testid=job-row][data-format=xlsx][data-state=done]').first().waitFor();
    expect(
      await director
        .locator(
          '[data-testid=report-recompute], [data-testid=report-issue], [data-testid=export-docx], [data-testid=job-retry]'
        )
        .count()
    ).toBe(0);
    await screenshot(director, 'annual-report-6-director');
    const [xlsx] = await Promise.all([
      director.waitForEvent('download'),
      director
        .locator('[data-testid=job-row][data-format=xlsx][data-state=done]')
        .first()
        .locator('[data-testid=job-download]')
        .click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      fs
        .readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString('latin1')
    ).toBe('PK');
  }
});

/**
 * The procedure import in a real browser (headless Chromium): the IT Center is told why a file that is not a list
 * is refused, uploads the Justice ministry's national list (271 new procedures), filters the preview to one field,
 * applies it, sees the import applied, and finds one of the new procedures among the Content Manager's drafts.
 * Then it downloads the catalogue workbook, changes a published procedure's name and fee in it, and the preview of
 * that file shows exactly those two changes, the fee line by line. Screenshots of the list and the import pages at
 * 1440 px and 390 px land in tests/e2e/screenshots/.
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { readImportFile } from '../../src/domain/import-file';
import { readNationalList } from '../../src/domain/national-list';
import { browserTestsCanRun, screenshot, settle, useAdminBrowser } from '../setup/browser';
import { useStrapi } from '../setup/strapi';

// Beside waiting.test.ts (15300-15599).
const PORT = 15600 + (process.pid % 300);
const BASE = `http://127.0.0.1:${PORT}`;
const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

const IT = 'ttcntt@demo.example';
const LIST = path.join(__dirname, '../fixtures/national-portal/danh-sach-tthc-bo-tu-phap.xlsx');
// One of the Justice list's fields, with 7 procedures.
const FIELD = 'Quản tài viên';
// A published procedure of the demo catalogue.
const PUBLISHED = '9.001001';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The catalogue workbook with one procedure's name and its first channel's fee changed. */
async function edited(bytes: Buffer, code: string, name: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  workbook.worksheets[0].eachRow((row) => {
    if (row.getCell(1).text === code) row.getCell(2).value = name;
  });
  let done = false;
  workbook.getWorksheet('Cách thức thực hiện')!.eachRow((row) => {
    if (done || row.getCell(1).text !== code) return;
    row.getCell(5).value = 'Lệ phí : 50.000 Đồng (Cấp bản sao)';
    row.getCell(6).value = 50_000;
    done = true;
  });
  expect(done).toBe(true);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeInBrowser('procedure import, in the browser', () => {
  useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  it('uploads the Justice list, applies one field as drafts, and previews a changed name and fee', async () => {
    const page = await loginAs(IT, { viewport: WIDE, acceptDownloads: true });
    try {
      await steps(page);
    } catch (error) {
      await screenshot(page, 'procedure-import-failure').catch(() => undefined);
      throw error;
    }
  }, 300_000);

  async function steps(page: Page) {
    const list = await readNationalList(fs.readFileSync(LIST));
    if (!list.ok) throw new Error('the fixture reads');
    const inField = list.rows.filter((row) => row.field === FIELD);
    expect(inField).toHaveLength(7);

    // 1. The list page; a file that is no list is refused, in the admin's language.
    await page.goto(`${BASE}/admin/plugins/procedure-import`);
    await page.waitForSelector('[data-testid=history-table], [data-testid=history-table-empty]');
    const junk = Buffer.from('Mã số;Tên\n1.000001;Không phải tệp Excel');
    const refusal = await readImportFile(junk);
    if (refusal.ok) throw new Error('the junk file is refused');
    await page.setInputFiles('[data-testid=upload-input]', {
      name: 'danh-sach.xlsx',
      mimeType: XLSX,
      buffer: junk,
    });
    await page.waitForSelector('[data-testid=upload-refusal]');
    expect(await page.textContent('[data-testid=upload-refusal]')).toContain(refusal.message.vi);

    // 2. The Justice list: 271 new procedures, nothing changed yet.
    await page.setInputFiles('[data-testid=upload-input]', LIST);
    await page.waitForURL(/\/plugins\/procedure-import\/imports\/[a-z0-9]+/);
    const importPath = new URL(page.url()).pathname;
    await page.waitForSelector('[data-testid=import-page][data-state=previewed]');
    expect(await page.getAttribute('[data-testid=count-new]', 'data-count')).toBe('271');
    await page.waitForSelector('[data-testid=rows-total][data-total="271"]');
    await screenshot(page, 'procedure-import-2-preview-1440');

    // 3. Filtered to one field: its 7 rows, and the filter in the URL.
    await page.getByRole('combobox', { name: 'Lĩnh vực' }).click();
    await page.getByRole('option', { name: `${FIELD} (7)` }).click();
    await page.waitForSelector('[data-testid=rows-total][data-total="7"]');
    expect(new URL(page.url()).searchParams.get('field')).toBe(FIELD);
    const rows = page.locator('[data-testid=preview-row]');
    expect(await rows.count()).toBe(7);
    expect(
      new Set(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-field'))))
    ).toEqual(new Set([FIELD]));

    // 4. Apply: the dialog counts the 7 new drafts; the request carries the field, no publishing.
    await page.click('[data-testid=apply-open]');
    await page.waitForSelector('[data-testid=apply-summary][data-created="7"][data-updated="0"]');
    expect(await page.getAttribute('[data-testid=apply-publish]', 'aria-checked')).toBe('false');
    await settle(page);
    await screenshot(page, 'procedure-import-3-apply-1440');
    const [request] = await Promise.all([
      page.waitForRequest((sent) => sent.url().endsWith('/apply') && sent.method() === 'POST'),
      page.click('[data-testid=apply-dialog-submit]'),
    ]);
    expect(request.postDataJSON()).toMatchObject({ fields: [FIELD], levels: [], publish: false, modes: {} });
    expect(request.postDataJSON().codes).toBeUndefined();

    // 5. Applied, as the server says after a reload: 7 created, the 264 others not chosen.
    await page.waitForSelector('[data-testid=import-page][data-state=applied]', { timeout: 120_000 });
    await page.reload();
    await page.waitForSelector('[data-testid=import-page][data-state=applied]');
    expect(new URL(page.url()).pathname).toBe(importPath);
    expect(
      await page.getAttribute('[data-testid=applied-counts] [data-testid=count-created]', 'data-count')
    ).toBe('7');
    expect(
      await page.getAttribute('[data-testid=applied-counts] [data-testid=count-notChosen]', 'data-count')
    ).toBe('264');
    await page.waitForSelector('[data-testid=preview-row] [data-testid=row-outcome][data-outcome=created]');
    expect(await page.locator('[data-testid=row-open]').count()).toBe(7);
    await screenshot(page, 'procedure-import-4-applied-1440');
    await page.locator('[data-testid=rows]').scrollIntoViewIfNeeded();
    await screenshot(page, 'procedure-import-4c-applied-rows-1440');
    await page.setViewportSize(PHONE);
    await settle(page);
    await screenshot(page, 'procedure-import-4b-applied-390');
    await page.setViewportSize(WIDE);

    // 6. The Content Manager lists the new procedure as a draft.
    const created = inField[0];
    await page.click('[data-testid=open-content-manager]');
    await page.waitForURL(/\/content-manager\/collection-types\/api::procedure\.procedure/);
    await page.goto(
      `${BASE}/admin/content-manager/collection-types/api::procedure.procedure?page=1&pageSize=10&_q=${encodeURIComponent(created.nationalCode)}&plugins[i18n][locale]=vi`
    );
    const entry = page.locator('tbody tr', { hasText: created.nationalCode });
    await entry.first().waitFor();
    expect(await entry.first().textContent()).toContain(created.name.slice(0, 40));
    expect(await entry.first().textContent()).toMatch(/Bản nháp|Draft/);
    await screenshot(page, 'procedure-import-5-content-manager');

    // 7. The catalogue workbook, downloaded through the admin session, with a published procedure edited.
    await page.goto(`${BASE}/admin/plugins/procedure-import`);
    await page.waitForSelector('[data-testid=history-row][data-state=applied]');
    await screenshot(page, 'procedure-import-1-list-1440');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=catalogue-download]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^danh-muc-tthc-.*\.xlsx$/);
    const renamed = 'Thủ tục đã đổi tên trong tệp danh mục (kiểm thử trình duyệt)';
    const file = await edited(fs.readFileSync((await download.path())!), PUBLISHED, renamed);
    await page.setInputFiles('[data-testid=upload-input]', {
      name: 'danh-muc-da-sua.xlsx',
      mimeType: XLSX,
      buffer: file,
    });
    await page.waitForURL((url) => url.pathname !== importPath && /\/imports\/[a-z0-9]+/.test(url.pathname));
    await page.waitForSelector('[data-testid=import-page][data-state=previewed]');
    expect(await page.getAttribute('[data-testid=count-changed]', 'data-count')).toBe('1');
    expect(await page.getAttribute('[data-testid=count-new]', 'data-count')).toBe('0');

    // 8. The changed row: its name and its fee, line by line; a published procedure takes a mode.
    await page.getByRole('combobox', { name: 'So với danh mục' }).click();
    await page.getByRole('option', { name: 'Thay đổi' }).click();
    await page.waitForSelector('[data-testid=rows-total][data-total="1"]');
    const row = page.locator(`[data-testid=preview-row][data-code="${PUBLISHED}"]`);
    await row.locator('[data-testid=row-diff-toggle]').click();
    // Wide, the diff opens on a line of its own under the row.
    const fields = page.locator('[data-testid=preview-row-diff] [data-testid=row-diff-field]');
    expect(await fields.evaluateAll((all) => all.map((field) => field.getAttribute('data-field')))).toEqual([
      'name',
      'channels',
    ]);
    expect(await fields.first().textContent()).toContain(renamed);
    const fee = page.locator('[data-testid=diff-channel]');
    expect(await fee.textContent()).toContain('Lệ phí : 50.000 Đồng (Cấp bản sao)');
    expect(await fee.textContent()).toContain('50.000 đồng');
    expect(
      await page.getByRole('combobox', { name: `Cách cập nhật thủ tục ${PUBLISHED}` }).textContent()
    ).toContain('Đính chính');
    await page.locator('[data-testid=rows]').scrollIntoViewIfNeeded();
    await screenshot(page, 'procedure-import-6-diff-1440');

    // 9. The same pages on a phone.
    await page.setViewportSize(PHONE);
    await page.waitForSelector('[data-testid=rows-table][data-layout=cards]');
    await page.locator('[data-testid=row-diff]').scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, 'procedure-import-7-diff-390');
    await page.goto(`${BASE}/admin/plugins/procedure-import`);
    await page.waitForSelector('[data-testid=history-table][data-layout=cards]');
    await screenshot(page, 'procedure-import-8-list-390');
    await page.locator('[data-testid=history]').scrollIntoViewIfNeeded();
    await screenshot(page, 'procedure-import-8b-history-390');
  }
});

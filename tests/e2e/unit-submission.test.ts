/**
 * The submission workflow in a real browser (headless Chromium): a unit editor submits material with a private attachment,
 * the IT Center requests changes, the unit resubmits, the IT Center approves and publishes the article.
 * Screenshots of each page land in tests/e2e/screenshots/ (a CI artifact).
 */
import type { Page } from 'playwright-core';
import { PDF } from '../setup/files';
import { browserTestsCanRun, screenshot, useAdminBrowser } from '../setup/browser';
import { useStrapi } from '../setup/strapi';

const PORT = 13500 + (process.pid % 400);
const BASE = `http://127.0.0.1:${PORT}`;
const run = browserTestsCanRun();
const describeInBrowser = run ? describe : describe.skip;

describeInBrowser('unit submission, in the browser', () => {
  const app = useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  const state = (page: Page) => page.getAttribute('[data-testid=submission-state]', 'data-state');
  async function waitForState(page: Page, expected: string) {
    await page.waitForSelector(`[data-testid=submission-state][data-state=${expected}]`);
  }

  let detailUrl = '';

  it('goes from a unit editor to a published article', async () => {
    // 1. The unit editor creates and submits a submission with an attachment.
    const unit = await loginAs('qldd@demo.example');
    await unit.goto(`${BASE}/admin/plugins/unit-submissions`);
    await unit.click('[data-testid=submissions-new]');
    await unit.fill('[data-testid=field-title]', 'Hội nghị tập huấn kiểm soát thủ tục hành chính');
    await unit.click('[data-testid=field-kind]');
    await unit.getByRole('option', { name: 'Tin', exact: true }).click();
    await unit.fill(
      '[data-testid=field-body]',
      'Sáng nay, Phòng Quản lý đất đai tổ chức tập huấn.\n\nCó 50 đại biểu.'
    );
    await screenshot(unit, '1-unit-new-submission');
    await unit.click('[data-testid=submission-save]');
    await unit.waitForURL(/\/submissions\/[a-z0-9]{20,}/);
    detailUrl = unit.url();
    await waitForState(unit, 'draft');
    // Attachments are uploaded from the submission's page, into private storage.
    await unit.setInputFiles('[data-testid=field-attachments]', {
      name: 'giay-moi.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await unit.waitForSelector('[data-testid=attachment-item] >> text=giay-moi.pdf');
    // Sending is confirmed in a dialog that says what happens next.
    await unit.click('[data-testid=transition-submitted]');
    await unit.waitForSelector('text=/không sửa được nữa|can no longer edit/');
    await unit.click('[data-testid=transition-confirm]');
    await waitForState(unit, 'submitted');
    await screenshot(unit, '2-unit-submitted');

    // 2. The IT Center takes it in review and requests changes.
    const it = await loginAs('ttcntt@demo.example');
    await it.goto(detailUrl);
    await it.click('[data-testid=transition-in_review]');
    await it.click('[data-testid=transition-confirm]');
    await waitForState(it, 'in_review');
    await it.click('[data-testid=transition-changes_requested]');
    await it.fill('[data-testid=transition-comment]', 'Đề nghị bổ sung ảnh hội nghị.');
    await screenshot(it, '3-it-request-changes');
    await it.click('[data-testid=transition-confirm]');
    await waitForState(it, 'changes_requested');

    // 3. The unit sees the request and resubmits.
    await unit.reload();
    await waitForState(unit, 'changes_requested');
    await unit.waitForSelector('text=Đề nghị bổ sung ảnh hội nghị.');
    await unit.click('[data-testid=transition-submitted]');
    await unit.click('[data-testid=transition-confirm]');
    await waitForState(unit, 'submitted');
    await screenshot(unit, '4-unit-resubmitted');

    // 4. The IT Center approves, opens the draft article and publishes it.
    await it.reload();
    await it.click('[data-testid=transition-in_review]');
    await it.click('[data-testid=transition-confirm]');
    await waitForState(it, 'in_review');
    // Approving cannot be undone: the dialog says so, and nothing moves until it is confirmed.
    await it.click('[data-testid=transition-approved]');
    await it.waitForSelector('text=/Không hoàn tác được|cannot be undone/');
    expect(await state(it)).toBe('in_review');
    await screenshot(it, '5a-it-approve-confirm');
    await it.click('[data-testid=transition-confirm]');
    await waitForState(it, 'approved');
    await screenshot(it, '5-it-approved');
    // The page's main action is now the article to publish.
    await it.click('[data-testid=submission-open-article]');
    await it.waitForURL(/content-manager\/collection-types\/api::article\.article\//);
    await it.waitForSelector('[data-testid=article-submission-panel] [data-state=approved]');
    await it.getByRole('button', { name: /^(Xuất bản|Publish)$/ }).click();
    await it.waitForSelector('text=/Đã xuất bản|Published/');
    // The side panel follows the publication without a reload.
    await it.waitForSelector('[data-testid=article-submission-panel] [data-state=published]');
    await screenshot(it, '6-it-article-published');

    await it.goto(detailUrl);
    await waitForState(it, 'published');
    await screenshot(it, '7-submission-published');
    expect(await state(it)).toBe('published');

    const history = await it.textContent('[data-testid=history-list]');
    expect(history).toContain('Đề nghị bổ sung ảnh hội nghị.');
    const stored = await app
      .strapi()
      .db.query('plugin::unit-submissions.submission')
      .findOne({
        where: { title: 'Hội nghị tập huấn kiểm soát thủ tục hành chính' },
        populate: ['attachments'],
      });
    expect(stored.state).toBe('published');
    expect(stored.attachments.map((f: { originalName: string }) => f.originalName)).toEqual(['giay-moi.pdf']);
    expect(stored.attachments[0].mediaFileId).toEqual(expect.any(Number));
  }, 180_000);
});

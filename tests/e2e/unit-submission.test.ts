/**
 * The submission workflow in a real browser (headless Chromium): a unit editor submits material with a private
 * attachment, the IT Center requests changes, the unit resubmits (back to the same reviewer), the IT Center approves
 * after a confirmation and publishes the article from the submission page. Then the review queue: a search, a bulk
 * claim with one item that cannot move, a confirmed bulk approval, and the Content Manager's side panel following a
 * publication there. Last, the unit editor's list at 390 px. Screenshots land in tests/e2e/screenshots/ (a CI artifact).
 */
import request from 'supertest';
import type { Page } from 'playwright-core';
import { PDF } from '../setup/files';
import { browserTestsCanRun, screenshot, settle, useAdminBrowser } from '../setup/browser';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

const PORT = 13500 + (process.pid % 400);
const BASE = `http://127.0.0.1:${PORT}`;
const WIDE = { viewport: { width: 1440, height: 900 } };
const run = browserTestsCanRun();
const describeInBrowser = run ? describe : describe.skip;

describeInBrowser('unit submission, in the browser', () => {
  const app = useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  const state = (page: Page) => page.getAttribute('[data-testid=submission-state]', 'data-state');
  async function waitForState(page: Page, expected: string) {
    await page.waitForSelector(`[data-testid=submission-state][data-state=${expected}]`);
  }
  /** A move from the submission's header: its dialog, then (irreversible moves) the confirmation. */
  async function makeMove(page: Page, to: string, { confirm }: { confirm: boolean }) {
    await page.click(`[data-testid=transition-${to}]`);
    await page.click('[data-testid=transition-dialog-submit]');
    if (confirm) {
      await page.waitForSelector('[data-testid=transition-dialog][data-step=confirm]');
      await page.click('[data-testid=transition-dialog-confirm]');
    }
  }
  const outbox = (topic: string) =>
    app.strapi().db.connection('email_outbox').where('topic', topic).select('recipient');

  it('goes from a unit editor to an article published from the submission page', async () => {
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
    const detailUrl = unit.url();
    const documentId = detailUrl.split('/').pop()!;
    await waitForState(unit, 'draft');
    // Attachments are uploaded from the submission's page, into private storage.
    await unit.setInputFiles('[data-testid=field-attachments]', {
      name: 'giay-moi.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await unit.waitForSelector('[data-testid=attachment-item] >> text=giay-moi.pdf');
    // Sending says what happens next, then asks to confirm: nothing moves before.
    await unit.click('[data-testid=transition-submitted]');
    await unit.waitForSelector('text=/không sửa được nữa|can no longer edit/');
    await unit.click('[data-testid=transition-dialog-submit]');
    await unit.waitForSelector('[data-testid=transition-dialog][data-step=confirm]');
    expect(await state(unit)).toBe('draft');
    await settle(unit);
    await screenshot(unit, '2a-unit-submit-confirm');
    await unit.click('[data-testid=transition-dialog-confirm]');
    await waitForState(unit, 'submitted');
    await screenshot(unit, '2-unit-submitted');

    // 2. The IT Center takes it in review (itself, preselected) and requests changes.
    const it = await loginAs('ttcntt@demo.example', WIDE);
    await it.goto(detailUrl);
    await makeMove(it, 'in_review', { confirm: false });
    await waitForState(it, 'in_review');
    await it.click('[data-testid=transition-changes_requested]');
    await it.fill('[data-testid=transition-comment]', 'Đề nghị bổ sung ảnh hội nghị.');
    await screenshot(it, '3-it-request-changes');
    await it.click('[data-testid=transition-dialog-submit]');
    await waitForState(it, 'changes_requested');

    // 3. The unit resubmits ("Gửi lại"): it goes straight back to the same reviewer, who is told.
    await unit.reload();
    await waitForState(unit, 'changes_requested');
    await unit.waitForSelector('text=Đề nghị bổ sung ảnh hội nghị.');
    expect(await unit.textContent('[data-testid=transition-in_review]')).toMatch(/^Gửi lại/);
    await makeMove(unit, 'in_review', { confirm: true });
    await waitForState(unit, 'in_review');
    await screenshot(unit, '4-unit-resubmitted');
    expect((await outbox(`submission.resubmitted:${documentId}`)).map((m) => m.recipient)).toEqual([
      'ttcntt@demo.example',
    ]);

    // 4. The IT Center approves without claiming again; approving cannot be undone, so it is confirmed first.
    await it.reload();
    await waitForState(it, 'in_review');
    await it.click('[data-testid=transition-approved]');
    await it.waitForSelector('text=/Không hoàn tác được|cannot be undone/');
    await it.click('[data-testid=transition-dialog-submit]');
    await it.waitForSelector('[data-testid=transition-dialog][data-step=confirm]');
    expect(await state(it)).toBe('in_review');
    await settle(it);
    await screenshot(it, '5a-it-approve-confirm');
    await it.click('[data-testid=transition-dialog-confirm]');
    await waitForState(it, 'approved');
    // The header now leads to the article: open it, or publish it from here.
    await it.waitForSelector('[data-testid=submission-open-article]');
    await screenshot(it, '5-it-approved');

    // 5. Publishing from the submission page, after a confirmation.
    await it.click('[data-testid=submission-publish]');
    await it.waitForSelector('[data-testid=publish-dialog]');
    expect(await state(it)).toBe('approved');
    await settle(it);
    await screenshot(it, '6a-it-publish-confirm');
    await it.click('[data-testid=publish-dialog-submit]');
    await waitForState(it, 'published');
    await it.waitForSelector('[data-testid=submission-public-url]');
    expect(await it.isVisible('[data-testid=submission-publish]')).toBe(false);
    await screenshot(it, '6-it-published-from-submission');

    const history = await it.textContent('[data-testid=history-list]');
    expect(history).toContain('Đề nghị bổ sung ảnh hội nghị.');
    const stored = await app
      .strapi()
      .db.query('plugin::unit-submissions.submission')
      .findOne({ where: { documentId }, populate: ['attachments', 'article'] });
    expect(stored.state).toBe('published');
    expect(stored.attachments.map((f: { originalName: string }) => f.originalName)).toEqual(['giay-moi.pdf']);
    expect(stored.attachments[0].mediaFileId).toEqual(expect.any(Number));
    const published = await request(app.server()).get(`/api/articles/${stored.article.documentId}`);
    expect(published.status).toBe(200);
  }, 180_000);

  it('searches the review queue, claims and approves in bulk, each item reported', async () => {
    // Three submissions of the unit, sent to the IT Center.
    const unitToken = await adminLogin(app.server(), 'qldd@demo.example');
    const itToken = await adminLogin(app.server(), 'ttcntt@demo.example');
    const call = (token: string, path: string, body: object) =>
      request(app.server())
        .post(`/unit-submissions${path}`)
        .set({ Authorization: `Bearer ${token}` })
        .send(body);
    const [{ id: unitId }] = await app
      .strapi()
      .db.query('api::unit.unit')
      .findMany({ where: { code: 'P-QLDD' } });
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const created = await call(unitToken, '/submissions', {
        data: { title: `Ra mắt tổ công nghệ số cộng đồng xã Tân Phước (${n})`, kind: 'news', unit: unitId },
      });
      const { documentId, version } = created.body.data;
      expect(
        (await call(unitToken, `/submissions/${documentId}/transitions`, { to: 'submitted', version })).status
      ).toBe(200);
      ids.push(documentId);
    }

    const it = await loginAs('ttcntt@demo.example', WIDE);
    await it.goto(`${BASE}/admin/plugins/unit-submissions?queue=true`);
    await it.waitForSelector('[data-testid=submissions-table][data-layout=table]');
    await it.fill('[data-testid=filter-q]', 'tân phước');
    await it.press('[data-testid=filter-q]', 'Enter');
    await it.waitForURL(/q=t%C3%A2n/);
    // The admin's CSP forbids evaluating strings, so poll the rows from here.
    const found = it.locator('[data-testid=submission-row]');
    for (let tries = 0; (await found.count()) !== 3; tries += 1) {
      if (tries > 100) expect(await found.count()).toBe(3);
      await it.waitForTimeout(100);
    }
    const rows = await it.$$eval('[data-testid=submission-row]', (all) =>
      all.map((row) => row.getAttribute('data-id'))
    );
    expect(rows.sort()).toEqual([...ids].sort());
    await it.getByRole('checkbox', { name: /Chọn tất cả/ }).click();
    await it.waitForSelector('[data-testid=bulk-actions]');
    // Meanwhile another editor claims one of them: it no longer moves, and the result says why.
    const [taken] = ids;
    const { version } = (
      await request(app.server())
        .get(`/unit-submissions/submissions/${taken}`)
        .set({ Authorization: `Bearer ${itToken}` })
    ).body.data;
    const itUser = await app
      .strapi()
      .db.query('admin::user')
      .findOne({ where: { email: 'ttcntt@demo.example' } });
    expect(
      (
        await call(itToken, `/submissions/${taken}/transitions`, {
          to: 'in_review',
          version,
          assignee: itUser.id,
        })
      ).status
    ).toBe(200);
    await it.click('[data-testid=bulk-claim]');
    await it.waitForSelector('[data-testid=bulk-result][data-moved="2"][data-failed="1"]');
    expect(await it.textContent('[data-testid=bulk-failure]')).toContain('Tân Phước (1)');
    await screenshot(it, '7-it-queue-bulk-claim');

    // All three are in review now: approve them together, after a confirmation.
    await it.waitForSelector('[data-testid=submission-row]:not([data-state=in_review])', {
      state: 'detached',
    });
    await it.getByRole('checkbox', { name: /Chọn tất cả/ }).click();
    await it.waitForSelector('[data-testid=bulk-approve] >> text=/\\(3\\)/');
    await it.click('[data-testid=bulk-approve]');
    await it.waitForSelector('[data-testid=bulk-approve-dialog]');
    await settle(it);
    await screenshot(it, '8a-it-bulk-approve-confirm');
    await it.click('[data-testid=bulk-approve-dialog-submit]');
    await it.waitForSelector('[data-testid=bulk-result][data-moved="3"][data-failed="0"]');
    await screenshot(it, '8-it-bulk-approved');

    // The Content Manager's path: publishing there updates its side panel without a reload.
    await it.goto(`${BASE}/admin/plugins/unit-submissions/submissions/${ids[1]}`);
    await waitForState(it, 'approved');
    await it.click('[data-testid=submission-open-article]');
    await it.waitForURL(/content-manager\/collection-types\/api::article\.article\//);
    await it.waitForSelector('[data-testid=article-submission-panel] [data-state=approved]');
    await it.getByRole('button', { name: /^(Xuất bản|Publish)$/ }).click();
    await it.waitForSelector('[data-testid=article-submission-panel] [data-state=published]');
    await screenshot(it, '9-it-cm-published');
  }, 180_000);

  it("shows the unit editor's list as cards at 390 px, each with its action in view", async () => {
    const unit = await loginAs('qldd@demo.example', { viewport: { width: 390, height: 844 } });
    await unit.goto(`${BASE}/admin/plugins/unit-submissions`);
    await unit.waitForSelector('[data-testid=submissions-table][data-layout=cards]');
    await screenshot(unit, '10a-unit-list-390-top');
    // A whole card fits the screen: its action is in view with it, within the width.
    const card = unit.locator('[data-testid=submission-row]').first();
    await card.scrollIntoViewIfNeeded();
    const action = card.locator('[data-testid=submission-open]');
    const box = await action.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844).toBe(true);
    await screenshot(unit, '10-unit-list-390');
    await action.click();
    await unit.waitForURL(/\/submissions\/[a-z0-9]{20,}/);
    await unit.waitForSelector('[data-testid=submission-state]');
    await screenshot(unit, '11-unit-detail-390');
  }, 120_000);
});

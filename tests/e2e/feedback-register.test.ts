/**
 * The feedback register in a real browser (headless Chromium): a citizen sends a feedback through the public API,
 * the Office classifies it (correcting its kind and procedure) and assigns it to a unit, the unit drafts the answer,
 * the Office approves, sends and publishes it, and the citizen's status lookup shows the published answer. The
 * register fits 1440 px, becomes cards at 390 px, sorts, and keeps its filters in the URL. Screenshots of each page
 * land in tests/e2e/screenshots/ (a CI artifact).
 */
import fs from 'fs';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { browserTestsCanRun, screenshot, settle, useAdminBrowser } from '../setup/browser';
import { overrideEnv } from '../setup/env-override';
import { useStrapi } from '../setup/strapi';

// Beside unit-submission.test.ts's range (13500-13899), so both files may run at once.
const PORT = 13900 + (process.pid % 400);
const BASE = `http://127.0.0.1:${PORT}`;
const run = browserTestsCanRun();
const describeInBrowser = run ? describe : describe.skip;

const OFFICE = 'vanphong@demo.example';
const UNIT = 'qldd@demo.example';
const UNIT_NAME = 'Phòng Quản lý đất đai';
const WIDE = { viewport: { width: 1440, height: 900 } };
/** The moves that cannot be undone ask "Bạn có chắc chắn?" first. */
const CONFIRMED = ['not_accepted', 'transferred', 'answer_approved', 'answered', 'published'];

// The public form's minimum fill time and rate limits are for people, not for this test.
overrideEnv({ FEEDBACK_MIN_FILL_SECONDS: '0', FEEDBACK_SUBMIT_LIMIT: '1000', FEEDBACK_LOOKUP_LIMIT: '1000' });

describeInBrowser('feedback register, in the browser', () => {
  const app = useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  const waitForState = (page: Page, expected: string) =>
    page.waitForSelector(`[data-testid=feedback-state][data-state=${expected}]`);

  /** Opens a move's dialog, lets `fill` answer it, submits (and confirms), and waits for the new state. */
  async function move(page: Page, to: string, fill?: () => Promise<void>, shot?: string) {
    await page.click(`[data-testid=transition-${to}]`);
    await page.waitForSelector('[data-testid=transition-dialog-submit]');
    if (fill) await fill();
    if (shot) {
      await settle(page);
      await screenshot(page, shot);
    }
    await page.click('[data-testid=transition-dialog-submit]');
    if (CONFIRMED.includes(to)) {
      await page.waitForSelector('[data-testid=transition-dialog][data-step=confirm]');
      await page.click('[data-testid=transition-dialog-confirm]');
    }
    await waitForState(page, to);
    await page.waitForSelector('[data-testid=transition-dialog]', { state: 'detached' });
  }

  it('goes from a citizen’s feedback to a published answer', async () => {
    // 1. A citizen sends a feedback through the public API and keeps the tracking code.
    const stamp = `${Date.now()}`;
    const subject = `Đề nghị công khai thời hạn cấp giấy chứng nhận ${stamp}`;
    const form = await request(app.server()).get('/api/feedbacks/form');
    expect(form.status).toBe(200);
    const sent = await request(app.server())
      .post('/api/feedbacks')
      .send({
        fullName: 'Lê Thị Hoa',
        address: '25 Nguyễn Huệ, phường 2',
        phone: '0903 111 222',
        email: 'hoa@demo.example',
        kind: 'impractical_rule',
        subject,
        content:
          'Tôi là Lê Thị Hoa, điện thoại 0903 111 222. Đề nghị Sở công khai thời hạn giải quyết thủ tục cấp giấy chứng nhận quyền sử dụng đất.',
        consent: { processing: true, publishAnswer: true },
        formToken: form.body.data.formToken,
        website: '',
      });
    expect(sent.status).toBe(201);
    const { trackingCode } = sent.body.data as { trackingCode: string };

    // 2. The Office finds it in the register, accepts it and assigns it to the land management division.
    const office = await loginAs(OFFICE, WIDE);
    await office.goto(`${BASE}/admin/plugins/feedback-register`);
    await office.waitForSelector('[data-testid=feedback-table]');
    await screenshot(office, 'feedback-1-office-register');
    await office.fill('[data-testid=filter-q]', `giấy chứng nhận ${stamp}`);
    await office.press('[data-testid=filter-q]', 'Enter');
    await office.waitForURL(/[?&]q=/);
    // The search narrows the register to this one feedback.
    await office.locator('[data-testid=feedback-row]').nth(1).waitFor({ state: 'detached' });
    const row = office.locator('[data-testid=feedback-row]', { hasText: subject });
    await row.waitFor();
    // The CSV export takes the same filters, through the admin session.
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office.click('[data-testid=feedback-export]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(stamp);
    await row.getByRole('link', { name: subject, exact: true }).click();
    await office.waitForURL(/\/feedbacks\/[a-z0-9]{20,}/);
    const detailUrl = office.url();
    await waitForState(office, 'received');
    await office.waitForSelector('text=Lê Thị Hoa');
    await screenshot(office, 'feedback-2-office-received');

    // Classifying corrects what intake got wrong: the kind, and the procedure it is about.
    await move(
      office,
      'accepted',
      async () => {
        await office.waitForSelector('[data-testid=transition-corrections]');
        await office.click('[data-testid=transition-kind]');
        await office.getByRole('option', { name: 'Vấn đề khác liên quan đến quy định hành chính' }).click();
        // Typed key by key, as people do (the list opens as one types), without accents.
        await office
          .locator('[data-testid=transition-procedure]')
          .pressSequentially('dang ky dat dai lan dau');
        await office.getByRole('option', { name: /^9\.001001 — / }).click();
      },
      'feedback-2b-office-classify'
    );
    const corrected = (await office.textContent('[data-testid=history-list]')) ?? '';
    expect(corrected).toContain(
      'Loại phản ánh, kiến nghị: Quy định hành chính không phù hợp với thực tế → Vấn đề khác liên quan đến quy định hành chính'
    );
    expect(corrected).toMatch(/Thủ tục hành chính: — → 9\.001001 — Đăng ký đất đai/);
    await move(
      office,
      'assigned',
      async () => {
        await office.click('[data-testid=transition-unit]');
        await office.getByRole('option', { name: UNIT_NAME, exact: true }).click();
      },
      'feedback-3-office-assign'
    );
    await office.waitForSelector(`[data-testid=feedback-deadlines]`);
    await screenshot(office, 'feedback-4-office-assigned');

    // 3. The unit editor writes the answer, saves the draft and sends it to the Office.
    const answer =
      'Sở Tài nguyên và Môi trường tiếp thu ý kiến và đã công khai thời hạn giải quyết tại bộ phận một cửa.';
    const unit = await loginAs(UNIT);
    await unit.goto(detailUrl);
    await waitForState(unit, 'assigned');
    await unit.fill('[data-testid=answer-text]', answer);
    await unit.click('[data-testid=answer-save]');
    await unit.waitForSelector('[data-testid=history-list] [data-action=answer_saved]');
    await screenshot(unit, 'feedback-5-unit-draft');
    // The dialog shows the one answer that is sent, to read, not a second copy to edit.
    await move(
      unit,
      'answer_drafted',
      async () => {
        expect((await unit.textContent('[data-testid=transition-answer]'))?.trim()).toBe(answer);
        expect(await unit.locator('[data-testid=transition-dialog] textarea').count()).toBe(0);
      },
      'feedback-5b-unit-send-draft'
    );
    await screenshot(unit, 'feedback-6-unit-sent');

    // 4. The Office approves the draft, sends the answer and publishes it after checking the public version.
    await office.reload();
    await waitForState(office, 'answer_drafted');
    await move(office, 'answer_approved');
    await move(office, 'answered');
    await move(
      office,
      'published',
      async () => {
        await office.waitForSelector('[data-testid=transition-publicAnswer]');
        const publicAnswer = await office.inputValue('[data-testid=transition-publicAnswer]');
        expect(publicAnswer).toContain('bộ phận một cửa');
        // The suggestion comes without the submitter's name and phone.
        const publicContent = await office.inputValue('[data-testid=transition-publicContent]');
        expect(publicContent).toContain('công khai thời hạn giải quyết');
        expect(publicContent).not.toContain('Lê Thị Hoa');
        expect(publicContent).not.toContain('0903');
      },
      'feedback-7-office-publish-preview'
    );
    await office.waitForSelector('[data-testid=feedback-public]');
    await screenshot(office, 'feedback-8-office-published');
    const history = await office.textContent('[data-testid=history-list]');
    expect(history).toContain('Đã công khai');

    // 5. The citizen's status lookup shows the published answer.
    const status = await request(app.server()).get(
      `/api/feedbacks/status/${encodeURIComponent(trackingCode)}`
    );
    expect(status.status).toBe(200);
    expect(status.body.data.status).toBe('published');
    expect(status.body.data.answer).toContain('bộ phận một cửa');
  }, 240_000);

  it('lets the Office register a phone call and hand out its tracking code', async () => {
    const office = await loginAs(OFFICE);
    await office.goto(`${BASE}/admin/plugins/feedback-register`);
    await office.click('[data-testid=feedback-new]');
    await office.waitForURL(/\/feedbacks\/new$/);
    // Nothing filled in: the server's messages show by the fields.
    await office.click('[data-testid=registration-save]');
    await office.waitForSelector('[data-testid=field-fullName][aria-invalid=true]');
    await office.waitForSelector('[data-strapi-field-error]');
    await office.fill('[data-testid=field-fullName]', 'Phạm Văn Nam');
    await office.fill('[data-testid=field-address]', '7 Lý Thường Kiệt, phường 3');
    await office.fill('[data-testid=field-phone]', '0987 654 321');
    await office.click('[data-testid=field-kind]');
    await office.getByRole('option').first().click();
    await office.fill('[data-testid=field-subject]', 'Hỏi về hồ sơ đăng ký biến động đất đai');
    await office.fill(
      '[data-testid=field-content]',
      'Ông Nam gọi điện hỏi thành phần hồ sơ đăng ký biến động.'
    );
    await screenshot(office, 'feedback-9-office-registration');
    await office.click('[data-testid=registration-save]');
    const code = await office.waitForSelector('[data-testid=registration-tracking-code]');
    expect(((await code.textContent()) ?? '').trim()).toMatch(
      /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/
    );
    await screenshot(office, 'feedback-10-office-registered');
    await office.click('[data-testid=registration-open]');
    await waitForState(office, 'received');
    await office.waitForSelector('text=Phạm Văn Nam');
  }, 120_000);
  it('lets the Office assign a feedback whose answer is already overdue, with a typed unit due date', async () => {
    // A demo feedback of 2021, accepted and never assigned: its answer deadline passed long ago.
    const late = await app
      .strapi()
      .db.query('api::feedback.feedback')
      .findOne({ where: { state: 'accepted' }, select: ['documentId', 'dueDate'] });
    const office = await loginAs(OFFICE);
    await office.goto(`${BASE}/admin/plugins/feedback-register/feedbacks/${late.documentId}`);
    await waitForState(office, 'accepted');
    await office.click('[data-testid=transition-assigned]');
    const warning = await office.waitForSelector('[data-testid=transition-late]');
    expect(await warning.textContent()).toContain(String(late.dueDate).split('-').reverse().join('/'));
    await office.click('[data-testid=transition-unit]');
    await office.getByRole('option', { name: UNIT_NAME, exact: true }).click();

    // Left empty, the server asks for a date, in dd/mm/yyyy.
    await office.click('[data-testid=transition-dialog-submit]');
    await office.waitForSelector('text=/quá hạn trả lời \\(\\d{2}\\/\\d{2}\\/\\d{4}\\)/');

    // Typed, not picked: a fortnight from now, after the passed deadline.
    const due = new Date(Date.now() + 14 * 86_400_000);
    const typed = `${due.getUTCDate()}/${due.getUTCMonth() + 1}/${due.getUTCFullYear()}`;
    await office.fill('[data-testid=transition-unitDueDate]', typed);
    await office.waitForTimeout(400);
    await screenshot(office, 'feedback-11-office-assign-late');
    await office.click('[data-testid=transition-dialog-submit]');
    await waitForState(office, 'assigned');
    const stored = await app
      .strapi()
      .db.query('api::feedback.feedback')
      .findOne({ where: { documentId: late.documentId }, select: ['unitDueDate', 'state'] });
    expect(stored.state).toBe('assigned');
    expect(String(stored.unitDueDate).slice(0, 10)).toBe(due.toISOString().slice(0, 10));
    await screenshot(office, 'feedback-12-office-assigned-late');
  }, 120_000);

  it('fits the register in 1440 px, sorts it, keeps its filters in the URL, and shows cards at 390 px', async () => {
    const office = await loginAs(OFFICE, WIDE);
    // The home widget's link: assigned items that are overdue.
    await office.goto(`${BASE}/admin/plugins/feedback-register?state=assigned&overdue=true`);
    const rows = office.locator('[data-testid=feedback-row]');
    await rows.first().waitFor();
    const states = await rows.evaluateAll((all) =>
      all.map((row) => [row.dataset.state, row.dataset.overdue])
    );
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states.map(String))).toEqual(new Set(['assigned,true']));
    // Overdue is said once per row, by one badge.
    expect(await rows.first().locator('[data-testid=feedback-overdue]').count()).toBe(1);

    // Every column fits: the last header (the row's actions) ends inside the window, nothing scrolls sideways.
    const fit = await office.locator('[data-testid=feedback-table]').evaluate((table) => {
      const headers = table.querySelectorAll('th');
      const scroller = table.parentElement!;
      return {
        right: headers[headers.length - 1].getBoundingClientRect().right,
        overflow: scroller.scrollWidth - scroller.clientWidth,
      };
    });
    expect(fit.right).toBeLessThanOrEqual(office.viewportSize()!.width);
    expect(fit.overflow).toBeLessThanOrEqual(0);

    // A sort by the received date, on the server, into the URL.
    await office.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await office.waitForURL(/[?&]sort=receivedAt%3Aasc|[?&]sort=receivedAt:asc/);
    await office.waitForSelector('th[aria-sort=ascending]');
    await screenshot(office, 'feedback-13-register-1440');

    // A reload keeps the filters and the sort.
    await office.reload();
    await rows.first().waitFor();
    expect(office.url()).toMatch(/state=assigned/);
    expect(office.url()).toMatch(/overdue=true/);
    expect(await office.getAttribute('[data-testid=filter-overdue]', 'data-state')).toBe('checked');
    const received = await rows.evaluateAll((all) =>
      all.map((row) => row.querySelector('time')?.getAttribute('datetime') ?? '')
    );
    expect(received).toEqual([...received].sort());
    expect(
      new Set(
        await rows.evaluateAll((all) => all.map((row) => `${row.dataset.state},${row.dataset.overdue}`))
      )
    ).toEqual(new Set(['assigned,true']));

    // At 390 px: cards, the filters behind their toggle, each card's action on screen.
    await office.setViewportSize({ width: 390, height: 844 });
    await office.waitForSelector('[data-testid=feedback-table][data-layout=cards]');
    await office.waitForSelector('[data-testid=filters-toggle]');
    await screenshot(office, 'feedback-14-register-390');
    const open = office.locator('[data-testid=feedback-open]').first();
    await open.scrollIntoViewIfNeeded();
    const box = (await open.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await screenshot(office, 'feedback-14b-register-390-card-action');
    await open.click();
    await office.waitForSelector('[data-testid=feedback-state][data-state=assigned]');
    await screenshot(office, 'feedback-15-detail-390');
  }, 120_000);
});

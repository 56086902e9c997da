/**
 * The oversight of the plan in a real browser (headless Chromium): the Office finds a unit's overdue task on the
 * dashboard, drills down to it and sends a reminder, which preselects the unit's overdue items; the unit editor sees
 * the reminder on their page and reports a difficulty on that task; the Office escalates it to the Director, who
 * answers it. A unit editor on a phone (390 px) files a task report linking the task's submissions and articles.
 * Screenshots of each page land in tests/e2e/screenshots/ (a CI artifact), the Office's at 1440 px.
 */
import { browserTestsCanRun, screenshot, SCREENSHOTS, settle, useAdminBrowser } from '../setup/browser';
import { useStrapi } from '../setup/strapi';

// Beside unit-submission.test.ts (13500-13899) and feedback-register.test.ts (13900-14299).
const PORT = 14300 + (process.pid % 400);
const BASE = `http://127.0.0.1:${PORT}`;
const run = browserTestsCanRun();
const describeInBrowser = run ? describe : describe.skip;

const OFFICE = 'vanphong@demo.example';
const UNIT = 'qldd@demo.example';
const DIRECTOR = 'giamdoc@demo.example';
const UNIT_CODE = 'P-QLDD';
const UNIT_NAME = 'Phòng Quản lý đất đai';
// The demo's current-year plan (dated from the seed day), which the dashboard opens on: the unit's task below is
// past due with a report "in progress", and it has submissions and an article linked to it.
const YEAR = String(new Date().getFullYear());
const TASK_CODE = 'II.1.2-c';
const WIDE = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describeInBrowser('oversight, in the browser', () => {
  useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  it('goes from an overdue task on the dashboard to the Director’s answer', async () => {
    const stamp = `${Date.now()}`;
    const message = `Đề nghị Phòng Quản lý đất đai hoàn thành nhiệm vụ ${TASK_CODE} trước ngày 15 (${stamp}).`;
    const what = `Thiếu kinh phí sản xuất phóng sự về cấp giấy chứng nhận (${stamp})`;

    // 1. The Office opens the dashboard: it shows the latest plan's year, the current one; the pages are tabs.
    const office = await loginAs(OFFICE, WIDE);
    await office.goto(`${BASE}/admin/plugins/oversight`);
    await office.waitForSelector('[data-testid=dashboard-table]');
    expect(await office.textContent('[data-testid=dashboard-filters]')).toContain(YEAR);
    expect(await office.getAttribute('[data-testid=nav-dashboard]', 'role')).toBe('tab');
    expect(await office.getAttribute('[data-testid=nav-dashboard]', 'aria-selected')).toBe('true');
    const row = office.locator(`[data-testid=dashboard-row][data-unit="${UNIT_CODE}"]`);
    await row.waitFor();
    const overdue = row.locator('[data-testid=figure-tasks-overdue]');
    // The unit has overdue tasks: the figure shows them, in the danger colour.
    await row.locator('[data-testid=figure-tasks-overdue]:not([data-value="0"])').waitFor();
    await office.waitForSelector('[data-testid=chart-progress]');
    await screenshot(office, 'oversight-1-dashboard');
    // The unit's reminder, from its row, preselects its overdue task.
    await row.locator('[data-testid=dashboard-remind]').click();
    await office.waitForSelector('[data-testid=reminder-dialog] [data-testid=reminder-dialog-item]');
    const fromDashboard = office.locator('[data-testid=reminder-dialog-item]', { hasText: TASK_CODE });
    expect(await fromDashboard.getByRole('checkbox').getAttribute('aria-checked')).toBe('true');
    await office.click('[data-testid=reminder-dialog-cancel]');
    await office.waitForSelector('[data-testid=reminder-dialog]', { state: 'detached' });
    // The unit's published articles by kind and channel, under its figure; the charts below the table.
    await row.locator('[data-testid=dashboard-expand]').click();
    await row.locator('[data-testid=dashboard-breakdown]').waitFor();
    await office.locator('[data-testid=chart-months]').scrollIntoViewIfNeeded();
    await office.waitForSelector('[data-testid=chart-progress] .recharts-surface');
    // Rates, labelled; unit codes explained under the charts.
    await office.waitForSelector('[data-testid=chart-progress] text >> text=/%$|^—$/');
    expect(await office.textContent('[data-testid=chart-legend]')).toContain(UNIT_CODE);
    await screenshot(office, 'oversight-1b-dashboard-charts');

    // 2. The overdue figure leads to the unit's overdue tasks.
    await overdue.click();
    await office.waitForURL(/\/plugins\/oversight\/units\/\d+\?.*status=overdue/);
    expect(office.url()).toContain(`year=${YEAR}`);
    expect(office.url()).toContain('tab=tasks');
    const task = office.locator(`[data-testid=task-row][data-code="${TASK_CODE}"]`);
    await task.waitFor();
    expect(await task.getAttribute('data-status')).toBe('overdue');
    // Only overdue tasks are listed.
    const statuses = await office
      .locator('[data-testid=task-row]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['overdue']));
    await screenshot(office, 'oversight-2-unit-overdue-tasks');

    // The task row lists its linked submissions and articles, each a link to its page.
    await task.locator('[data-testid=task-linked-submission]').first().waitFor();
    expect(await task.locator('[data-testid=task-linked-article] a').first().getAttribute('href')).toContain(
      '/content-manager/collection-types/api::article.article/'
    );
    expect(
      await task.locator('[data-testid=task-linked-submission] a').first().getAttribute('href')
    ).toContain('/plugins/unit-submissions/submissions/');
    // A task's published figure leads to its articles, the feedback tab to the unit's feedback; back to the task.
    await task.locator('[data-testid=task-articles]').click();
    await office.waitForURL(/tab=articles.*task=|task=.*tab=articles/);
    await office.waitForSelector('[data-testid=articles-table], [data-testid=articles-table-empty]');
    await office.waitForSelector('[data-testid=filter-task]');
    await office.click('[data-testid=tab-feedback]');
    await office.waitForURL(/tab=feedback/);
    await office.waitForSelector('[data-testid=feedback-table], [data-testid=feedback-table-empty]');
    await screenshot(office, 'oversight-2b-unit-feedback');
    await office.goBack();
    await office.goBack();
    await office.waitForURL(/status=overdue/);
    await task.waitFor();

    // 3. The Office's reminder preselects the unit's overdue items; unticked, the message lists nothing.
    await office.click('[data-testid=reminder-new]');
    const item = office.locator('[data-testid=reminder-dialog-item]', { hasText: TASK_CODE });
    const box = item.getByRole('checkbox');
    await item.waitFor();
    expect(await box.getAttribute('aria-checked')).toBe('true');
    expect(await office.inputValue('[data-testid=reminder-message]')).toContain('liệt kê dưới đây');
    await settle(office);
    await screenshot(office, 'oversight-3-reminder-preselected');
    await box.click();
    expect(await box.getAttribute('aria-checked')).toBe('false');
    expect(await office.inputValue('[data-testid=reminder-message]')).not.toContain('liệt kê dưới đây');
    await office.click('[data-testid=reminder-dialog-cancel]');
    await office.waitForSelector('[data-testid=reminder-dialog]', { state: 'detached' });
    // The Office reminds the unit of that task, from its row.
    await task.locator('[data-testid=task-remind]').click();
    await office.waitForSelector('[data-testid=reminder-dialog]');
    await item.waitFor();
    expect(await box.getAttribute('aria-checked')).toBe('true');
    expect(await office.inputValue('[data-testid=reminder-message]')).toContain('Văn phòng Sở đề nghị');
    await office.fill('[data-testid=reminder-message]', message);
    await settle(office);
    await screenshot(office, 'oversight-3-reminder-dialog');
    await office.click('[data-testid=reminder-dialog-submit]');
    await office.waitForSelector('[data-testid=reminder-dialog]', { state: 'detached' });
    await office
      .locator('[data-testid=unit-reminders] [data-testid=reminder-item]', { hasText: stamp })
      .waitFor();
    await screenshot(office, 'oversight-4-reminder-sent');
    // Reminded today, the task is offered again only tomorrow: shown, not ticked, and the message lists nothing.
    await office.click('[data-testid=reminder-new]');
    await office
      .locator('[data-testid=reminder-dialog-item][data-reminded=true]', { hasText: TASK_CODE })
      .waitFor();
    expect(await box.isDisabled()).toBe(true);
    expect(await box.getAttribute('aria-checked')).toBe('false');
    expect(await office.inputValue('[data-testid=reminder-message]')).not.toContain('liệt kê dưới đây');
    await office.click('[data-testid=reminder-dialog-cancel]');
    await office.waitForSelector('[data-testid=reminder-dialog]', { state: 'detached' });

    // The Office records a check of the unit.
    await office.click('[data-testid=check-new]');
    await office.waitForSelector('[data-testid=check-dialog]');
    await office.fill('[data-testid=check-findings]', `Nhiệm vụ ${TASK_CODE} chưa hoàn thành (${stamp}).`);
    await office.fill('[data-testid=check-followUps]', 'Hoàn thành bài viết thứ hai trong tháng.');
    await office.click('[data-testid=check-dialog-submit]');
    await office.waitForSelector('[data-testid=check-dialog]', { state: 'detached' });
    await office.locator('[data-testid=unit-checks] [data-testid=check-item]', { hasText: stamp }).waitFor();

    // 4. The unit editor sees the reminder on their page and reports a difficulty on the task.
    const unit = await loginAs(UNIT);
    await unit.goto(`${BASE}/admin/plugins/oversight`);
    await unit.waitForURL(/\/plugins\/oversight\/my$/);
    const received = unit.locator('[data-testid=my-reminders] [data-testid=reminder-item]', {
      hasText: stamp,
    });
    await received.waitFor();
    expect(await received.textContent()).toContain(TASK_CODE);
    const myTask = unit.locator(`[data-testid=my-task-row][data-code="${TASK_CODE}"]`);
    await myTask.waitFor();
    await screenshot(unit, 'oversight-5-unit-my-page');
    // The unit reports its progress on the task.
    await myTask.locator('[data-testid=task-report]').click();
    await unit.waitForSelector('[data-testid=task-report-dialog]');
    await unit.fill(
      '[data-testid=task-report-results]',
      `Bài viết thứ hai đang chờ Báo duyệt đăng (${stamp}).`
    );
    await unit.click('[data-testid=task-report-dialog-submit]');
    await unit.waitForSelector('[data-testid=task-report-dialog]', { state: 'detached' });
    await myTask.filter({ hasText: stamp }).waitFor();
    await myTask.locator('[data-testid=task-difficulty]').click();
    await unit.waitForSelector('[data-testid=difficulty-dialog]');
    // The dialog starts on the task it was opened from.
    expect(await unit.textContent('[data-testid=difficulty-task]')).toContain(TASK_CODE);
    await unit.fill('[data-testid=difficulty-what]', what);
    await unit.fill(
      '[data-testid=difficulty-impact]',
      'Chưa thể sản xuất phóng sự theo chỉ tiêu của kế hoạch.'
    );
    await unit.fill(
      '[data-testid=difficulty-proposal]',
      'Đề nghị Sở bố trí kinh phí hoặc phối hợp với Đài Phát thanh và Truyền hình tỉnh.'
    );
    await settle(unit);
    await screenshot(unit, 'oversight-6-unit-difficulty-dialog');
    await unit.click('[data-testid=difficulty-dialog-submit]');
    await unit.waitForSelector('[data-testid=difficulty-dialog]', { state: 'detached' });
    await unit
      .locator('[data-testid=my-difficulties] [data-testid=difficulty-item][data-state=open]', {
        hasText: stamp,
      })
      .waitFor();
    await screenshot(unit, 'oversight-7-unit-difficulty-reported');

    // 5. The Office escalates it to the Director.
    await office.goto(`${BASE}/admin/plugins/oversight/difficulties?state=open`);
    const open = office.locator('[data-testid=difficulty-item]', { hasText: stamp });
    await open.waitFor();
    expect(await open.textContent()).toContain(TASK_CODE);
    await screenshot(office, 'oversight-8-office-difficulties');
    await open.locator('[data-testid=difficulty-transition-escalated]').click();
    await office.waitForSelector('[data-testid=difficulty-transition-dialog]');
    await office.fill(
      '[data-testid=difficulty-transition-note]',
      'Vượt thẩm quyền của Văn phòng Sở; kính trình Giám đốc Sở cho ý kiến.'
    );
    await settle(office);
    await screenshot(office, 'oversight-9-office-escalate');
    await office.click('[data-testid=difficulty-transition-dialog-submit]');
    await office.waitForSelector('[data-testid=difficulty-transition-dialog]', { state: 'detached' });
    // Under the "open" filter, the escalated difficulty leaves the list.
    await open.waitFor({ state: 'detached' });
    await office.goto(`${BASE}/admin/plugins/oversight/difficulties?state=escalated`);
    await office.locator('[data-testid=difficulty-item][data-state=escalated]', { hasText: stamp }).waitFor();

    // The Office records a difficulty it found itself, for the unit, tied to one of the unit's tasks.
    const found = `Đoàn kiểm tra ghi nhận ${stamp}`;
    await office.goto(`${BASE}/admin/plugins/oversight/difficulties?state=open`);
    await office.click('[data-testid=difficulty-record]');
    await office.waitForSelector('[data-testid=difficulty-dialog]');
    await office.click('[data-testid=difficulty-unit]');
    await office.getByRole('option', { name: UNIT_NAME }).click();
    await office.click('[data-testid=difficulty-task]');
    await office.getByRole('option', { name: new RegExp(`^${TASK_CODE}`) }).click();
    await office.fill('[data-testid=difficulty-what]', found);
    await settle(office);
    await screenshot(office, 'oversight-9b-office-records-difficulty');
    await office.click('[data-testid=difficulty-dialog-submit]');
    await office.waitForSelector('[data-testid=difficulty-dialog]', { state: 'detached' });
    const recorded = office.locator('[data-testid=difficulty-item][data-state=open]', { hasText: found });
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain(TASK_CODE);

    // 6. The Director finds it among the escalations and answers it.
    const director = await loginAs(DIRECTOR);
    await director.goto(`${BASE}/admin/plugins/oversight`);
    await director.waitForSelector('[data-testid=dashboard-table]');
    await director.click('[data-testid=nav-escalations]');
    await director.waitForURL(/\/plugins\/oversight\/escalations$/);
    const escalated = director.locator('[data-testid=escalations-waiting] [data-testid=difficulty-item]', {
      hasText: stamp,
    });
    await escalated.waitFor();
    expect(await escalated.getAttribute('data-state')).toBe('escalated');
    await screenshot(director, 'oversight-10-director-escalations');
    await escalated.locator('[data-testid=difficulty-transition-answered]').click();
    await director.waitForSelector('[data-testid=difficulty-transition-dialog]');
    await director.fill(
      '[data-testid=difficulty-transition-answer]',
      'Giao Phòng Kế hoạch - Tài chính bố trí kinh phí từ nguồn chi thường xuyên năm 2021.'
    );
    await director.click('[data-testid=difficulty-transition-dialog-submit]');
    await director.waitForSelector('[data-testid=difficulty-transition-dialog]', { state: 'detached' });
    const answered = director.locator('[data-testid=escalations-answered] [data-testid=difficulty-item]', {
      hasText: stamp,
    });
    await answered.waitFor();
    expect(await answered.getAttribute('data-state')).toBe('answered');
    expect(await answered.textContent()).toContain('Phòng Kế hoạch - Tài chính');
    await screenshot(director, 'oversight-11-director-answered');
  }, 300_000);

  it('lets a unit editor on a phone file a task report that links the task’s submissions and articles', async () => {
    const stamp = `${Date.now()}`;
    const unit = await loginAs(UNIT, PHONE);
    await unit.goto(`${BASE}/admin/plugins/oversight/my`);
    const card = unit.locator(`[data-testid=my-task-row][data-code="${TASK_CODE}"]`);
    await card.waitFor();
    // Cards on a phone: the row's actions are on screen, within the viewport's width.
    expect(await unit.getAttribute('[data-testid=my-tasks-table]', 'data-layout')).toBe('cards');
    const report = card.locator('[data-testid=task-report]');
    await report.scrollIntoViewIfNeeded();
    const bounds = await report.boundingBox();
    expect(bounds && bounds.x >= 0 && bounds.x + bounds.width <= 390).toBe(true);
    await card.locator('[data-testid=task-linked-submission]').first().waitFor();
    await screenshot(unit, 'oversight-12-unit-phone-tasks');

    await report.click();
    const dialog = unit.locator('[data-testid=task-report-dialog]');
    await dialog.waitFor();
    await unit.fill('[data-testid=task-report-results]', `Đã đăng bài, tổ chức 1 buổi tập huấn (${stamp}).`);
    // Every linked submission and article is offered; ticking the first of each, plus a training outside the CMS.
    await dialog.locator('[data-testid=task-report-submission]').first().click();
    await dialog.locator('[data-testid=task-report-article]').first().click();
    await unit.fill('[data-testid=task-report-extra]', '1');
    const count = Number(await unit.getAttribute('[data-testid=task-report-count]', 'data-count'));
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(3);
    await settle(unit);
    await screenshot(unit, 'oversight-13-unit-phone-task-report');
    await unit.click('[data-testid=task-report-dialog-submit]');
    await dialog.waitFor({ state: 'detached' });
    // The report is the task's latest, with the count the dialog showed (derived by the server the same way).
    await card.filter({ hasText: stamp }).waitFor();
    await unit.getByText(`${count} sản phẩm`).first().waitFor();
    await screenshot(unit, 'oversight-14-unit-phone-task-reported');

    // The Office's dashboard and unit page on a phone: cards, with the row's reminder at hand.
    const office = await loginAs(OFFICE, PHONE);
    await office.goto(`${BASE}/admin/plugins/oversight`);
    const row = office.locator(`[data-testid=dashboard-row][data-unit="${UNIT_CODE}"]`);
    await row.locator('[data-testid=dashboard-remind]').waitFor();
    expect(await office.getAttribute('[data-testid=dashboard-table]', 'data-layout')).toBe('cards');
    await row.scrollIntoViewIfNeeded();
    await office.screenshot({ path: `${SCREENSHOTS}/oversight-15-office-phone-dashboard.png` });
    await row.locator('[data-testid=dashboard-unit]').click();
    await office
      .locator(`[data-testid=task-row][data-code="${TASK_CODE}"] [data-testid=task-remind]`)
      .waitFor();
    await screenshot(office, 'oversight-16-office-phone-unit');
  }, 180_000);
});

/**
 * The oversight of the plan in a real browser (headless Chromium): the Office finds a unit's overdue task on the
 * dashboard, drills down to it and sends a reminder; the unit editor sees the reminder on their page and reports a
 * difficulty on that task; the Office escalates it to the Director, who answers it. Screenshots of each page land
 * in tests/e2e/screenshots/ (a CI artifact).
 */
import { browserTestsCanRun, screenshot, settle, useAdminBrowser } from '../setup/browser';
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
// The demo plan is 2021's: every one of its tasks is past due, none reported done.
const YEAR = '2021';
const TASK_CODE = 'II.1.2-c';

describeInBrowser('oversight, in the browser', () => {
  useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  it('goes from an overdue task on the dashboard to the Director’s answer', async () => {
    const stamp = `${Date.now()}`;
    const message = `Đề nghị Phòng Quản lý đất đai hoàn thành nhiệm vụ ${TASK_CODE} trước ngày 15 (${stamp}).`;
    const what = `Thiếu kinh phí sản xuất phóng sự về cấp giấy chứng nhận (${stamp})`;

    // 1. The Office opens the dashboard: it shows the latest plan's year, the demo plan's.
    const office = await loginAs(OFFICE);
    await office.goto(`${BASE}/admin/plugins/oversight`);
    await office.waitForSelector('[data-testid=dashboard-table]');
    expect(await office.textContent('[data-testid=dashboard-year]')).toContain(YEAR);
    const row = office.locator(`[data-testid=dashboard-row][data-unit="${UNIT_CODE}"]`);
    await row.waitFor();
    const overdue = row.locator('[data-testid=figure-tasks-overdue]');
    // The unit has overdue tasks: the figure shows them, in the danger colour.
    await row.locator('[data-testid=figure-tasks-overdue]:not([data-value="0"])').waitFor();
    await office.waitForSelector('[data-testid=chart-progress]');
    await screenshot(office, 'oversight-1-dashboard');
    // The unit's published articles by kind and channel, in a sub-row; the charts below the table.
    await row.locator('[data-testid=dashboard-expand]').click();
    await office.waitForSelector('[data-testid=dashboard-subrow] [data-testid=dashboard-breakdown]');
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

    // A task's figures lead to its submissions, the feedback tab to the unit's feedback; back to the task.
    await task.locator('[data-testid=task-submissions]').click();
    await office.waitForURL(/tab=submissions.*task=|task=.*tab=submissions/);
    await office.waitForSelector('[data-testid=submissions-table], [data-testid=drill-empty]');
    await office.waitForSelector('[data-testid=filter-task]');
    await office.click('[data-testid=tab-feedback]');
    await office.waitForURL(/tab=feedback/);
    await office.waitForSelector('[data-testid=feedback-table], [data-testid=drill-empty]');
    await screenshot(office, 'oversight-2b-unit-feedback');
    await office.goBack();
    await office.goBack();
    await office.waitForURL(/status=overdue/);
    await task.waitFor();

    // 3. The Office reminds the unit of that task.
    await task.locator('[data-testid=task-remind]').click();
    await office.waitForSelector('[data-testid=reminder-dialog]');
    expect(await office.inputValue('[data-testid=reminder-message]')).toContain('Văn phòng Sở đề nghị');
    expect(await office.textContent('[data-testid=reminder-dialog]')).toContain(TASK_CODE);
    await office.fill('[data-testid=reminder-message]', message);
    await settle(office);
    await screenshot(office, 'oversight-3-reminder-dialog');
    await office.click('[data-testid=reminder-send]');
    await office.waitForSelector('[data-testid=reminder-dialog]', { state: 'detached' });
    await office
      .locator('[data-testid=unit-reminders] [data-testid=reminder-item]', { hasText: stamp })
      .waitFor();
    await screenshot(office, 'oversight-4-reminder-sent');

    // The Office records a check of the unit.
    await office.click('[data-testid=inspection-new]');
    await office.waitForSelector('[data-testid=inspection-dialog]');
    await office.fill(
      '[data-testid=inspection-findings]',
      `Nhiệm vụ ${TASK_CODE} chưa hoàn thành (${stamp}).`
    );
    await office.fill('[data-testid=inspection-followUps]', 'Hoàn thành bài viết thứ hai trong tháng.');
    await office.click('[data-testid=inspection-save]');
    await office.waitForSelector('[data-testid=inspection-dialog]', { state: 'detached' });
    await office
      .locator('[data-testid=unit-inspections] [data-testid=inspection-item]', { hasText: stamp })
      .waitFor();

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
    await unit.click('[data-testid=task-report-save]');
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
    await unit.click('[data-testid=difficulty-save]');
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
    await office.click('[data-testid=difficulty-transition-confirm]');
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
    await office.click('[data-testid=difficulty-save]');
    await office.waitForSelector('[data-testid=difficulty-dialog]', { state: 'detached' });
    const recorded = office.locator('[data-testid=difficulty-item][data-state=open]', { hasText: found });
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain(TASK_CODE);

    // 6. The Director finds it among the escalations and answers it.
    const director = await loginAs(DIRECTOR);
    await director.goto(`${BASE}/admin/plugins/oversight`);
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
    await director.click('[data-testid=difficulty-transition-confirm]');
    await director.waitForSelector('[data-testid=difficulty-transition-dialog]', { state: 'detached' });
    const answered = director.locator('[data-testid=escalations-answered] [data-testid=difficulty-item]', {
      hasText: stamp,
    });
    await answered.waitFor();
    expect(await answered.getAttribute('data-state')).toBe('answered');
    expect(await answered.textContent()).toContain('Phòng Kế hoạch - Tài chính');
    await screenshot(director, 'oversight-11-director-answered');
  }, 300_000);
});

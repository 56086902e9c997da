/**
 * The admin's date fields in a real browser (headless Chromium): a date TYPED with the keyboard is sent exactly as a
 * picked one, a date that does not exist shows an error on the field instead of vanishing, and the calendar's
 * weekday headers can be told apart (T2 … T7, CN). Screenshots land in tests/e2e/screenshots/ (a CI artifact).
 */
import { browserTestsCanRun, screenshot, settle, useAdminBrowser } from '../setup/browser';
import { useStrapi } from '../setup/strapi';

// Beside the other browser tests' ranges (13500-14999).
const PORT = 15000 + (process.pid % 300);
const BASE = `http://127.0.0.1:${PORT}`;
const run = browserTestsCanRun();
const describeInBrowser = run ? describe : describe.skip;

const OFFICE = 'vanphong@demo.example';
const UNIT_CODE = 'P-QLDD';

describeInBrowser('date fields, in the browser', () => {
  const app = useStrapi({ listenOn: PORT });
  const { loginAs } = useAdminBrowser(BASE);

  it('records a check on a date typed with the keyboard', async () => {
    const stamp = `${Date.now()}`;
    const unit = await app
      .strapi()
      .db.query('api::unit.unit')
      .findOne({ where: { code: UNIT_CODE } });
    expect(unit).toBeTruthy();

    const office = await loginAs(OFFICE);
    await office.goto(`${BASE}/admin/plugins/oversight/units/${unit.id}`);
    await office.click('[data-testid=check-new]');
    await office.waitForSelector('[data-testid=check-dialog]');
    await office.fill('[data-testid=check-findings]', `Kiểm tra ngày nhập bằng bàn phím (${stamp}).`);

    const date = office.locator('[data-testid=check-date]');
    // The calendar's weekday headers are seven different labels.
    await office.click('[data-testid=check-date-calendar-button]');
    const calendar = office.locator('[data-testid=check-date-calendar]');
    await calendar.waitFor();
    expect(await calendar.locator('th').allTextContents()).toEqual([
      'T2',
      'T3',
      'T4',
      'T5',
      'T6',
      'T7',
      'CN',
    ]);
    await settle(office);
    await screenshot(office, 'dates-1-calendar');
    await office.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });
    // Escape closed the calendar only, not the dialog.
    await office.waitForSelector('[data-testid=check-dialog]');

    // A day that does not exist: the field says so and nothing is sent.
    await date.fill('');
    await date.pressSequentially('31/02/2021');
    await office.click('[data-testid=check-dialog-submit]');
    const error = office.locator('[data-testid=check-dialog] [id$="-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('Ngày không hợp lệ');
    await settle(office);
    await screenshot(office, 'dates-2-invalid');
    expect(
      await app
        .strapi()
        .db.query('plugin::oversight.check')
        .count({ where: { findings: { $contains: stamp } } })
    ).toBe(0);

    // d/m/yyyy typed, never picked, and saved at once (no click in the calendar, no leaving the field first).
    await date.fill('');
    await date.pressSequentially('3/4/2021');
    await settle(office);
    await screenshot(office, 'dates-3-typed');
    await office.click('[data-testid=check-dialog-submit]');
    await office.waitForSelector('[data-testid=check-dialog]', { state: 'detached' });
    const stored = await app
      .strapi()
      .db.query('plugin::oversight.check')
      .findOne({ where: { findings: { $contains: stamp } } });
    expect(stored?.date).toBe('2021-04-03');
    await office.locator('[data-testid=unit-checks] [data-testid=check-item]', { hasText: stamp }).waitFor();
    await screenshot(office, 'dates-4-saved');
  });

  it('registers a feedback received on a date and time typed with the keyboard', async () => {
    const stamp = `${Date.now()}`;
    const subject = `Phản ánh nhận qua điện thoại, ngày giờ nhập bằng bàn phím ${stamp}`;
    const office = await loginAs(OFFICE);
    await office.goto(`${BASE}/admin/plugins/feedback-register/feedbacks/new`);
    const day = office.locator('[data-testid=field-receivedAt]');
    const time = office.locator('[data-testid=field-receivedAt-time]');
    await day.waitFor();
    // Ten days ago, typed as d/m/yyyy; the instant the browser means by it, in its own time zone.
    const { typed, expected } = await office.evaluate(() => {
      const then = new Date(Date.now() - 10 * 86_400_000);
      then.setHours(14, 30, 0, 0);
      return {
        typed: `${then.getDate()}/${then.getMonth() + 1}/${then.getFullYear()}`,
        expected: then.toISOString(),
      };
    });
    await day.fill('');
    await day.pressSequentially(typed);
    // A time that does not exist: the field says so and nothing is sent.
    await time.fill('');
    await time.pressSequentially('25:00');
    await office.fill('[data-testid=field-fullName]', 'Trần Văn Bình');
    await office.fill('[data-testid=field-address]', '12 Lê Lợi, phường 1');
    await office.fill('[data-testid=field-phone]', '0903 222 333');
    await office.click('[data-testid=field-kind]');
    await office.getByRole('option').first().click();
    await office.fill('[data-testid=field-subject]', subject);
    await office.fill('[data-testid=field-content]', 'Đề nghị hướng dẫn thủ tục, nhận qua điện thoại.');
    await office.click('[data-testid=registration-save]');
    await office.getByText('Giờ không hợp lệ').waitFor();
    await day.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    await screenshot(office, 'dates-6-new-feedback-invalid-time');
    await time.fill('');
    await time.pressSequentially('14:30');
    await office.click('[data-testid=registration-save]');
    await office.waitForSelector('[data-testid=registration-tracking-code]');
    const stored = await app.strapi().db.query('api::feedback.feedback').findOne({ where: { subject } });
    expect(new Date(stored.receivedAt).toISOString()).toBe(expected);
  });

  it('filters the feedback register by dates typed with the keyboard', async () => {
    const office = await loginAs(OFFICE);
    await office.goto(`${BASE}/admin/plugins/feedback-register`);
    await office.waitForSelector('[data-testid=filter-receivedFrom]');
    await office.locator('[data-testid=filter-receivedFrom]').pressSequentially('01/01/2021');
    await office.waitForURL(/receivedFrom=2021-01-01/);
    await office.locator('[data-testid=filter-receivedTo]').pressSequentially('31/12/2021');
    await office.waitForURL(/receivedTo=2021-12-31/);
    expect(await office.inputValue('[data-testid=filter-receivedFrom]')).toBe('01/01/2021');
    await settle(office);
    await screenshot(office, 'dates-5-register-filter');
  });
});

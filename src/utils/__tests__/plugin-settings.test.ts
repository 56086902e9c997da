import type { Core } from '@strapi/strapi';
import annualReport from '#annual-report/config/index';
import oversight from '#oversight/config/index';
import unitSubmissions from '#unit-submissions/config/index';
import { settingsGetter } from '../plugin-lookups';

const MB = 1024 * 1024;
const envOf = (vars: Record<string, string>) => (name: string) => vars[name];

describe('the plugins read their environment variables as the services did', () => {
  it('unit submissions: review days, attachment limits, article address', () => {
    expect(unitSubmissions.default({ env: envOf({}) })).toEqual({
      reviewDays: 3,
      attachments: { maxFiles: 10, maxFileBytes: 20 * MB },
      articleUrlTemplate: '/api/articles/{documentId}',
    });
    const set = unitSubmissions.default({
      env: envOf({
        SUBMISSION_REVIEW_DAYS: '5',
        UNIT_SUBMISSION_MAX_FILES: '-1',
        UNIT_SUBMISSION_MAX_FILE_MB: '4',
        PUBLIC_URL: 'https://cms.example.vn',
      }),
    });
    expect(set).toEqual({
      reviewDays: 5,
      attachments: { maxFiles: 10, maxFileBytes: 4 * MB },
      articleUrlTemplate: 'https://cms.example.vn/api/articles/{documentId}',
    });
    expect(
      unitSubmissions.default({
        env: envOf({ ARTICLE_URL_TEMPLATE: 'https://x.vn/{slug}', PUBLIC_URL: 'y' }),
      }).articleUrlTemplate
    ).toBe('https://x.vn/{slug}');
    expect(() => unitSubmissions.validator(set)).not.toThrow();
    expect(() => unitSubmissions.validator({ ...set, reviewDays: '5' as never })).toThrow();
  });

  it('oversight: the days the digest looks ahead', () => {
    expect(oversight.default({ env: envOf({}) })).toEqual({ reminderDays: 3 });
    expect(oversight.default({ env: envOf({ OVERSIGHT_REMINDER_DAYS: '7' }) })).toEqual({ reminderDays: 7 });
    expect(oversight.default({ env: envOf({ OVERSIGHT_REMINDER_DAYS: '61' }) })).toEqual({ reminderDays: 3 });
  });

  it('annual report: the export step delay, never in production', () => {
    const delay = (vars: Record<string, string>) =>
      annualReport.default({ env: envOf(vars) }).exportStepDelayMs;
    expect(delay({})).toBe(0);
    expect(delay({ ANNUAL_REPORT_EXPORT_STEP_DELAY_MS: '2000' })).toBe(2000);
    expect(delay({ ANNUAL_REPORT_EXPORT_STEP_DELAY_MS: '2000', NODE_ENV: 'production' })).toBe(0);
  });

  it('are read back from the plugin config', () => {
    const get = jest.fn(() => ({ reminderDays: 4 }));
    const strapi = { config: { get } } as unknown as Core.Strapi;
    expect(settingsGetter<{ reminderDays: number }>('oversight')(strapi)).toEqual({ reminderDays: 4 });
    expect(get).toHaveBeenCalledWith('plugin::oversight');
  });
});

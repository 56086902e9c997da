import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button } from '@strapi/design-system';
import { problemOf } from '../api-problem';
import { DetailShell, type DetailState } from '../kit/DetailShell';
import { renderInAdmin } from './render';
import { apiError } from './strapi-admin';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapi-admin'));

interface Report {
  title: string;
  body: string;
}

const shell = (state: Partial<DetailState<Report>>) =>
  renderInAdmin(
    <DetailShell<Report>
      state={{ data: null, loading: false, problem: null, reload: () => undefined, ...state }}
      backTo="/plugins/annual-report"
      title={(report) => report.title}
      actions={() => <Button>Ban hành</Button>}
      testId="report"
    >
      {(report) => <p>{report.body}</p>}
    </DetailShell>
  );

describe('DetailShell', () => {
  it('shows a loader while nothing is loaded', () => {
    shell({ loading: true });
    expect(screen.getByTestId('page-loading').textContent).toBe('Đang tải…');
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('says that a missing item (404) is not found, with the way back to the list and no retry', () => {
    shell({ problem: problemOf(apiError(404, 'NotFoundError', 'Not Found')) });
    expect(screen.getByTestId('report-not-found').textContent).toContain('Không tìm thấy mục này.');
    expect(screen.getByRole('link', { name: 'Về danh sách' }).getAttribute('href')).toBe(
      '/plugins/annual-report'
    );
    expect(screen.queryByRole('button', { name: 'Thử lại' })).toBeNull();
  });

  it('offers a retry when loading failed otherwise', async () => {
    const reload = jest.fn();
    const user = userEvent.setup();
    shell({ problem: problemOf(apiError(500, 'ApplicationError', 'Internal Server Error')), reload });
    expect(screen.getByTestId('report-error').textContent).toContain('Không tải được dữ liệu.');
    await user.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('shows the page: back link, title, actions and content; it stays while it reloads', () => {
    shell({ data: { title: 'Báo cáo năm 2021', body: 'Nội dung' }, loading: true });
    expect(screen.getByRole('heading', { name: 'Báo cáo năm 2021' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ban hành' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back' }).getAttribute('href')).toBe('/plugins/annual-report');
    expect(screen.getByTestId('report').textContent).toBe('Nội dung');
  });

  it('in English', () => {
    renderInAdmin(
      <DetailShell<Report>
        state={{
          data: null,
          loading: false,
          problem: problemOf(apiError(404, 'NotFoundError', 'x')),
          reload: jest.fn(),
        }}
        backTo="/list"
        title={(report) => report.title}
      >
        {() => null}
      </DetailShell>,
      { locale: 'en' }
    );
    expect(screen.getByRole('link', { name: 'Back to the list' })).toBeTruthy();
  });
});

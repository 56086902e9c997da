import { screen } from '@testing-library/react';
import { PageShell } from '../kit/PageShell';
import { renderInAdmin } from './render';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('./strapi-admin'));

describe('PageShell', () => {
  it('heads the page with its title, subtitle, buttons and navigation, then the page', () => {
    renderInAdmin(
      <PageShell
        title="Khó khăn, vướng mắc"
        subtitle="3 khó khăn"
        primaryAction={<button>Ghi nhận</button>}
        nav={<nav>Các trang</nav>}
      >
        <p>Danh sách</p>
      </PageShell>
    );
    expect(screen.getByRole('heading', { name: 'Khó khăn, vướng mắc' })).toBeTruthy();
    expect(screen.getByText('3 khó khăn')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ghi nhận' })).toBeTruthy();
    expect(screen.getByText('Các trang')).toBeTruthy();
    expect(screen.getByText('Danh sách')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Back' })).toBeNull();
  });

  it('has a back link to the list when given one', () => {
    renderInAdmin(
      <PageShell title="Ghi nhận phản ánh" backTo="/plugins/feedback-register">
        <p>Biểu mẫu</p>
      </PageShell>
    );
    expect(screen.getByRole('link', { name: 'Back' }).getAttribute('href')).toBe(
      '/plugins/feedback-register'
    );
  });
});

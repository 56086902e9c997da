import { act, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { renderWithUser } from '#admin/shared/__tests__/render';
import type { ImportView, RowView } from '../api';
import { ImportPage } from '../pages/ImportPage';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('#admin/shared/__tests__/strapi-admin'));

const api = {
  getImport: jest.fn<Promise<ImportView>, [string]>(),
  listRows: jest.fn(),
  countRows: jest.fn<Promise<number>, [string, { status?: string }]>(),
  apply: jest.fn(),
};
jest.mock('../api', () => ({ ...jest.requireActual('../api'), useApi: () => api }));

// Radix's select asks the DOM for what jsdom lacks.
Element.prototype.hasPointerCapture ??= () => false;
Element.prototype.releasePointerCapture ??= () => undefined;
Element.prototype.scrollIntoView ??= () => undefined;
window.IntersectionObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
} as unknown as typeof IntersectionObserver;

const ID = 'imp1';

const view = (overrides: Partial<ImportView> = {}): ImportView => ({
  id: ID,
  fileName: 'danh-sach.xlsx',
  sha256: 'abc',
  kind: 'xlsx',
  state: 'previewed',
  counts: { created: 1, updated: 1, unchanged: 0, missing: 0, refused: 0 },
  applied: null,
  choices: null,
  progress: null,
  error: null,
  createdByName: 'Minh Khoa Lê',
  appliedByName: null,
  createdAt: '2026-03-02T03:00:00.000Z',
  appliedAt: null,
  fields: [{ name: 'Đất đai', count: 2 }],
  missing: [],
  refused: [],
  ...overrides,
});

const row = (overrides: Partial<RowView>): RowView => ({
  row: 3,
  nationalCode: '1.000001',
  name: 'Thủ tục mới',
  field: 'Đất đai',
  levels: ['province'],
  implementingAgency: 'Sở Tài nguyên và Môi trường',
  status: 'new',
  changes: [],
  ...overrides,
});

const ROWS = [
  row({}),
  row({
    row: 4,
    nationalCode: '9.001001',
    name: 'Tên mới',
    status: 'changed',
    changes: [{ field: 'name', before: 'Tên cũ', after: 'Tên mới' }],
    documentId: 'doc1',
    published: true,
    defaultMode: 'correction',
  }),
];

const page = (rows: RowView[]) => ({
  data: rows,
  meta: { pagination: { page: 1, pageSize: 50, pageCount: 1, total: rows.length } },
});

function open(search = '') {
  return renderWithUser(
    <Routes>
      <Route path="/plugins/procedure-import/imports/:id" element={<ImportPage />} />
    </Routes>,
    { url: `/plugins/procedure-import/imports/${ID}${search}` }
  );
}

beforeEach(() => {
  jest.clearAllMocks();
  api.listRows.mockResolvedValue(page(ROWS));
});

describe('ImportPage', () => {
  it('follows an applying import every second, from the server, until it is applied', async () => {
    api.getImport
      .mockResolvedValueOnce(view({ state: 'applying', progress: { done: 2, total: 7 } }))
      .mockResolvedValueOnce(view({ state: 'applying', progress: { done: 6, total: 7 } }))
      .mockResolvedValue(
        view({
          state: 'applied',
          applied: {
            created: 7,
            updated: 0,
            unchanged: 0,
            missing: 0,
            refused: 0,
            notChosen: 264,
            keptAsDrafts: 0,
          },
          appliedAt: '2026-03-02T03:05:00.000Z',
          appliedByName: 'Minh Khoa Lê',
        })
      );
    open();

    const progress = await screen.findByTestId('apply-progress');
    expect(progress.dataset).toMatchObject({ done: '2', total: '7' });
    expect(screen.queryByTestId('apply-open')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('apply-progress').dataset.done).toBe('6'), {
      timeout: 3000,
    });
    const applied = await screen.findByTestId('applied', {}, { timeout: 3000 });
    expect(within(applied).getByTestId('count-created').dataset.count).toBe('7');
    expect(screen.getByTestId('open-content-manager').getAttribute('href')).toBe(
      '/content-manager/collection-types/api::procedure.procedure'
    );
    // Applied: nothing is left to poll.
    const calls = api.getImport.mock.calls.length;
    await act(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(api.getImport.mock.calls.length).toBe(calls);
  }, 10_000);

  it('applies the filters, the ticked rows and the chosen modes, after saying what it will do', async () => {
    api.getImport.mockResolvedValue(view());
    api.apply.mockResolvedValue(view({ state: 'applying', progress: { done: 0, total: 2 } }));
    const { user } = open('?field=%C4%90%E1%BA%A5t%20%C4%91ai&level=province&status=changed');

    const rows = await screen.findAllByTestId('preview-row');
    expect(rows.map((shown) => shown.dataset.code)).toEqual(['1.000001', '9.001001']);
    // The rows route is asked with the URL's filters.
    expect(api.listRows).toHaveBeenCalledWith(
      ID,
      { status: 'changed', field: 'Đất đai', level: 'province', agency: undefined },
      1,
      50
    );

    // The changed row opens its diff; its mode is a new version instead of the default correction.
    await user.click(within(rows[1]).getByTestId('row-diff-toggle'));
    expect(screen.getByTestId('preview-row-diff').textContent).toContain('Tên cũ');
    await user.click(screen.getByRole('combobox', { name: 'Cách cập nhật thủ tục 9.001001' }));
    await user.click(await screen.findByRole('option', { name: 'Phiên bản mới' }));

    // Both rows ticked by hand: the dialog counts them.
    await user.click(screen.getByRole('checkbox', { name: 'Chọn 1.000001' }));
    await user.click(screen.getByRole('checkbox', { name: 'Chọn 9.001001' }));
    await user.click(screen.getByTestId('apply-open'));
    const summary = await screen.findByTestId('apply-summary');
    expect(summary.dataset).toMatchObject({ created: '1', updated: '1' });
    expect(api.countRows).not.toHaveBeenCalled();
    expect(screen.getByTestId('apply-dialog').textContent).toContain('lĩnh vực “Đất đai”');

    await user.click(screen.getByTestId('apply-publish'));
    await user.click(screen.getByTestId('apply-dialog-submit'));
    await waitFor(() => expect(api.apply).toHaveBeenCalled());
    expect(api.apply).toHaveBeenCalledWith(ID, {
      fields: ['Đất đai'],
      levels: ['province'],
      agency: undefined,
      codes: ['1.000001', '9.001001'],
      publish: true,
      modes: { '9.001001': 'amendment' },
    });
    // The import now applies: its progress shows, and no apply button is left.
    expect((await screen.findByTestId('apply-progress')).dataset).toMatchObject({ done: '0', total: '2' });
    expect(screen.queryByTestId('apply-open')).toBeNull();
  });

  it('counts what the filters match when no row is ticked', async () => {
    api.getImport.mockResolvedValue(view());
    api.countRows.mockImplementation(async (_id, filters) => (filters.status === 'new' ? 12 : 3));
    const { user } = open('?field=%C4%90%E1%BA%A5t%20%C4%91ai');
    await screen.findAllByTestId('preview-row');
    await user.click(screen.getByTestId('apply-open'));
    const summary = await screen.findByTestId('apply-summary');
    expect(summary.dataset).toMatchObject({ created: '12', updated: '3' });
    expect(api.countRows).toHaveBeenCalledWith(ID, {
      field: 'Đất đai',
      level: undefined,
      agency: undefined,
      status: 'new',
    });
  });
});

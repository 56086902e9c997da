import { screen, within } from '@testing-library/react';
import type { FieldChange } from '#domain/procedure-import';
import type { ChannelRow, DossierItem, LegalBasis } from '#domain/procedure-fields';
import { renderInAdmin } from '#admin/shared/__tests__/render';
import { ChangeList } from '../components/ChangeList';
import { channelChange, diffItems, lineDiff, partDiff } from '../diff';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('#admin/shared/__tests__/strapi-admin'));

const channel = (overrides: Partial<ChannelRow> = {}): ChannelRow => ({
  channel: 'in_person',
  processingTime: '15 Ngày làm việc',
  processingDays: 15,
  fee: 'Phí : 5 triệu Đồng (Thẩm định hồ sơ)\nLệ phí : 100.000 Đồng (Cấp giấy)',
  feeAmount: 5_100_000,
  description: '',
  ...overrides,
});

const item = (overrides: Partial<DossierItem> = {}): DossierItem => ({
  caseGroup: '',
  name: 'Đơn đề nghị',
  originals: 1,
  copies: 0,
  formTemplateName: 'Mẫu số 01.docx',
  ...overrides,
});

const basis = (symbol: string, title = ''): LegalBasis => ({ symbol, title, issuedOn: '', issuer: '' });

const change = (field: FieldChange['field'], before: unknown, after: unknown) =>
  ({ field, before, after }) as FieldChange;

describe('diffItems', () => {
  it('matches items by key, in order, and sorts them into removed, added, changed and kept', () => {
    const diff = diffItems(
      ['a:1', 'b:1', 'c:1', 'c:2'],
      ['b:1', 'c:9', 'd:1', 'c:2'],
      (text) => text.split(':')[0],
      (x, y) => x === y
    );
    expect(diff).toEqual({
      removed: ['a:1'],
      added: ['d:1'],
      // The first "c" before meets the first "c" after, the second the second.
      changed: [{ before: 'c:1', after: 'c:9' }],
      kept: 2,
    });
  });

  it('keeps repeated items apart: a third copy is an addition', () => {
    expect(
      diffItems(
        ['x', 'x'],
        ['x', 'x', 'x'],
        (text) => text,
        () => true
      )
    ).toEqual({ removed: [], added: ['x'], changed: [], kept: 2 });
  });
});

describe('lineDiff', () => {
  it('gives the lines that went and came, spacing and blank lines aside', () => {
    expect(lineDiff('Phí : 5 triệu\n\nLệ phí :  100.000', 'Lệ phí : 100.000\nPhí : 6 triệu')).toEqual({
      removed: ['Phí : 5 triệu'],
      added: ['Phí : 6 triệu'],
    });
  });
});

describe('partDiff', () => {
  it('leaves the texts, levels and online level to the before/after view', () => {
    expect(partDiff(change('name', 'A', 'B'))).toBeNull();
    expect(partDiff(change('levels', ['province'], ['commune']))).toBeNull();
  });

  it('finds the changed channel of a fee change, and only its fee lines', () => {
    const after = channel({ fee: 'Phí : 6 triệu Đồng (Thẩm định hồ sơ)\nLệ phí : 100.000 Đồng (Cấp giấy)' });
    const diff = partDiff(
      change('channels', [channel(), channel({ channel: 'online' })], [after, channel({ channel: 'online' })])
    );
    expect(diff?.field).toBe('channels');
    expect(diff?.items).toMatchObject({ removed: [], added: [], kept: 1 });
    expect(diff?.items.changed).toHaveLength(1);
    expect(channelChange(channel(), after)).toEqual({
      processingTime: null,
      processingDays: null,
      description: null,
      feeAmount: null,
      fee: {
        removed: ['Phí : 5 triệu Đồng (Thẩm định hồ sơ)'],
        added: ['Phí : 6 triệu Đồng (Thẩm định hồ sơ)'],
      },
    });
  });

  it('counts a changed fee amount as a change, though the fee text stayed', () => {
    const after = channel({ feeAmount: 5_150_000 });
    const diff = partDiff(change('channels', [channel()], [after]));
    expect(diff?.items.changed).toEqual([{ before: channel(), after }]);
    expect(channelChange(channel(), after).feeAmount).toEqual({ before: 5_100_000, after: 5_150_000 });
  });

  it('tells a new channel and a changed processing time', () => {
    const diff = partDiff(
      change(
        'channels',
        [channel()],
        [channel({ processingTime: '10 Ngày làm việc' }), channel({ channel: 'postal' })]
      )
    );
    expect(diff?.items.added).toEqual([channel({ channel: 'postal' })]);
    const [pair] = diff!.items.changed as { before: ChannelRow; after: ChannelRow }[];
    expect(channelChange(pair.before, pair.after).processingTime).toEqual({
      before: '15 Ngày làm việc',
      after: '10 Ngày làm việc',
    });
  });

  it('matches dossier items by case and name, and changes their counts', () => {
    const diff = partDiff(
      change(
        'dossier',
        [item(), item({ name: 'Bản sao CCCD', formTemplateName: '' })],
        [item({ copies: 1 }), item({ caseGroup: 'Trường hợp cấp lại', name: 'Giấy đề nghị cấp lại' })]
      )
    );
    expect(diff?.items).toEqual({
      removed: [item({ name: 'Bản sao CCCD', formTemplateName: '' })],
      added: [item({ caseGroup: 'Trường hợp cấp lại', name: 'Giấy đề nghị cấp lại' })],
      changed: [{ before: item(), after: item({ copies: 1 }) }],
      kept: 0,
    });
  });

  it('compares legal bases by their symbols, as the preview does', () => {
    const diff = partDiff(
      change(
        'legalBases',
        [basis('91/2015/QH13', 'Bộ luật Dân sự'), basis('01/2020/TT-BTP')],
        [basis('91/2015/qh13', 'Bộ luật dân sự 2015'), basis('02/2021/NĐ-CP')]
      )
    );
    expect(diff?.items).toMatchObject({
      removed: [basis('01/2020/TT-BTP')],
      added: [basis('02/2021/NĐ-CP')],
      changed: [],
      kept: 1,
    });
  });
});

describe('ChangeList', () => {
  it('shows a name before and after, and a fee change as its fee lines', () => {
    renderInAdmin(
      <ChangeList
        changes={[
          change('name', 'Cấp giấy phép', 'Cấp giấy phép hoạt động'),
          change(
            'channels',
            [channel()],
            [channel({ fee: 'Phí : 6 triệu Đồng (Thẩm định hồ sơ)\nLệ phí : 100.000 Đồng (Cấp giấy)' })]
          ),
          change('levels', ['province'], []),
        ]}
      />
    );
    const fields = screen.getAllByTestId('row-diff-field');
    expect(fields.map((field) => field.dataset.field)).toEqual(['name', 'channels', 'levels']);
    expect(fields[0].textContent).toContain('Tên thủ tục');
    expect(fields[0].textContent).toContain('TrướcCấp giấy phép');
    expect(fields[0].textContent).toContain('SauCấp giấy phép hoạt động');

    const fees = within(fields[1]).getByTestId('diff-channel');
    expect(fees.textContent).toContain('Trực tiếp');
    expect(fees.textContent).toContain('Phí cũPhí : 5 triệu Đồng (Thẩm định hồ sơ)');
    expect(fees.textContent).toContain('Phí mớiPhí : 6 triệu Đồng (Thẩm định hồ sơ)');
    // The fee line that stayed is not repeated.
    expect(fees.textContent).not.toContain('Lệ phí');

    expect(fields[2].textContent).toContain('TrướcCấp tỉnh');
    expect(fields[2].textContent).toContain('Sau(trống)');
  });
});

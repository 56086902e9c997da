import * as React from 'react';
import { Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { WRAP } from '#admin/shared/common';
import { DataTable, Pager, type Column } from '#admin/shared/kit';
import { Section } from '#admin/shared/Section';
import type { ImportView } from '../api';
import { useT } from '../i18n';
import { inLanguage } from '../labels';
import { procedurePath } from '../paths';

const PAGE_SIZE = 20;

type Missing = ImportView['missing'][number];
type Refused = ImportView['refused'][number];

/** A page of a list held whole in the browser, and the pager's state. */
function usePage<T>(items: readonly T[]) {
  const [page, setPage] = React.useState(1);
  const pageCount = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  return {
    rows: items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE),
    pagination: { page: current, pageSize: PAGE_SIZE, pageCount, total: items.length },
    setPage,
  };
}

/** A column of plain text. */
const textColumn = <T,>(key: string, header: string, text: (item: T) => React.ReactNode): Column<T> => ({
  key,
  header,
  cell: (item) => <Typography textColor="neutral800">{text(item)}</Typography>,
});

/** A list the import holds whole: its hint, then a page of it as a table. */
function ListSection<T>({
  items,
  title,
  hint,
  columns,
  rowKey,
  testId,
}: {
  items: readonly T[];
  title: string;
  hint: string;
  columns: Column<T>[];
  rowKey: (item: T) => string;
  testId: string;
}) {
  const { rows, pagination, setPage } = usePage(items);
  return (
    <Section title={title} testId={testId}>
      <Typography tag="p" variant="pi" textColor="neutral600">
        {hint}
      </Typography>
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={rowKey}
        label={title}
        testId={`${testId}-table`}
        rowTestId={`${testId}-row`}
      />
      <Pager pagination={pagination} onPage={setPage} />
    </Section>
  );
}

/** Procedures of the catalogue, in the fields the file covers, that the file does not list. */
export const MissingSection = ({ missing }: { missing: ImportView['missing'] }) => {
  const t = useT();
  return (
    <ListSection
      items={missing}
      title={t('missing.title', 'Có trong danh mục nhưng không có trong tệp ({count})', {
        count: missing.length,
      })}
      hint={t(
        'missing.hint',
        'Các thủ tục này thuộc lĩnh vực có trong tệp nhưng tệp không liệt kê: có thể đã bị bãi bỏ. Việc nhập không xóa thủ tục nào; hãy kiểm tra và xử lý trong Content Manager.'
      )}
      columns={[
        textColumn<Missing>('nationalCode', t('rows.code', 'Mã số'), (item) => item.nationalCode),
        {
          key: 'name',
          header: t('rows.name', 'Tên thủ tục'),
          minWidth: '280px',
          cell: (item) => (
            <Link tag={NavLink} to={procedurePath(item.documentId)} style={WRAP}>
              {item.name}
            </Link>
          ),
        },
        textColumn<Missing>('field', t('rows.field', 'Lĩnh vực'), (item) => item.field),
      ]}
      rowKey={(item) => item.documentId}
      testId="missing"
    />
  );
};

/** Rows of the file that were not read, each with its row number and the reason in the UI's language. */
export const RefusedSection = ({ refused }: { refused: ImportView['refused'] }) => {
  const t = useT();
  const { locale } = useIntl();
  return (
    <ListSection
      items={refused}
      title={t('refused.title', 'Dòng bị từ chối ({count})', { count: refused.length })}
      hint={t(
        'refused.hint',
        'Các dòng này không được nhập. Sửa tệp theo lý do bên dưới rồi tải lên lại nếu cần.'
      )}
      columns={[
        textColumn<Refused>('row', t('refused.row', 'Dòng'), (item) => item.row),
        textColumn<Refused>('nationalCode', t('rows.code', 'Mã số'), (item) => item.nationalCode || '—'),
        {
          key: 'reason',
          header: t('refused.reason', 'Lý do'),
          minWidth: '280px',
          cell: (item) => <Typography textColor="danger700">{inLanguage(item.reason, locale)}</Typography>,
        },
      ]}
      rowKey={(item) => `${item.row}`}
      testId="refused"
    />
  );
};

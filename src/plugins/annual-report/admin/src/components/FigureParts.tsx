import * as React from 'react';
import { Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg, tm, useT, type Translate } from '../i18n';
import { keyLabel, type KeyKind } from '../labels';
import { SmallTable, type SmallColumn } from './SmallTable';
import { Section } from '#admin/shared/Section';
import { Empty } from '#admin/shared/common';

/* The building blocks of the report's figures (Figures.tsx lays out the sections with them). */

/** What a clicked number stands for: the rows behind it (GET rows?figure=&key=). */
export interface Drill {
  figure: string;
  key?: string;
  /** The dialog's heading. */
  label: string;
}

export type OpenDrill = (drill: Drill) => void;

/** What opens the rows behind a count, for every count of the figures view (none outside it). */
export const DrillContext = React.createContext<OpenDrill | null>(null);

/** A count: clickable (the rows behind it) unless it is zero or not a count of rows. */
const Num = ({
  value,
  drill,
  suffix,
}: {
  value: number | null | undefined;
  drill?: Drill;
  suffix?: string;
}) => {
  const { formatNumber } = useIntl();
  const onDrill = React.useContext(DrillContext);
  const text = value === null || value === undefined ? '—' : `${formatNumber(value)}${suffix ?? ''}`;
  if (!drill || !value || !onDrill) {
    return (
      <Typography textColor="neutral800" data-testid="figure-value">
        {text}
      </Typography>
    );
  }
  return (
    <TextButton
      onClick={() => onDrill(drill)}
      data-testid="figure"
      data-figure={drill.figure}
      data-key={drill.key ?? ''}
      data-value={value}
    >
      {text}
    </TextButton>
  );
};

interface Fact {
  label: string;
  value: number | null | undefined;
  drill?: Drill;
  suffix?: string;
}

/** A key number whose label also heads the rows behind it (`figure`), if it has any. */
export const fact = (label: string, value: number | null | undefined, figure?: string): Fact => ({
  label,
  value,
  drill: figure ? { figure, label } : undefined,
});

/** Key numbers in a row of tiles. */
const Facts = ({ facts }: { facts: Fact[] }) => (
  <Flex gap={3} wrap="wrap" alignItems="stretch">
    {facts.map((fact) => (
      <Box
        key={fact.label}
        padding={3}
        background="neutral100"
        hasRadius
        minWidth="180px"
        style={{ flex: '1 1 180px' }}
      >
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="pi" textColor="neutral600">
            {fact.label}
          </Typography>
          <Typography variant="beta" tag="div">
            <Num value={fact.value} drill={fact.drill} suffix={fact.suffix} />
          </Typography>
        </Flex>
      </Box>
    ))}
  </Flex>
);

/** The report's sections in order, by their part of the figures: their headings. */
const SECTIONS = {
  articles: msg('figures.articles', 'I. Tin, bài truyền thông'),
  submissions: msg('figures.submissions', 'II. Tin, bài các đơn vị gửi'),
  procedures: msg('figures.procedures', 'III. Thủ tục hành chính được công khai'),
  feedback: msg('figures.feedback', 'IV. Tiếp nhận, xử lý phản ánh, kiến nghị'),
  satisfaction: msg('figures.satisfaction', 'V. Mức độ hài lòng'),
  oversight: msg('figures.oversight', 'VI. Theo dõi, đôn đốc, kiểm tra'),
  taskReports: msg('figures.taskReports', 'VII. Báo cáo của đơn vị về nhiệm vụ'),
};

/** A section of the report: its heading, its key numbers, if any, then its tables. */
export const FigureSection = ({
  id,
  facts,
  children,
}: {
  id: keyof typeof SECTIONS;
  facts?: Fact[];
  children?: React.ReactNode;
}) => {
  const t = useT();
  return (
    <Section title={tm(t, SECTIONS[id])} testId={`figures-${id}`}>
      {facts && <Facts facts={facts} />}
      {children}
    </Section>
  );
};

/** The columns a table of figures is made of, typed by its rows. */
const columnKit = <R,>(t: Translate) => {
  /** Text that wraps (names, titles, results). */
  const text = (label: string, text: (row: R) => React.ReactNode): SmallColumn<R> => ({
    label,
    render: (row) => <Text>{text(row)}</Text>,
    wrap: true,
  });
  return {
    text,
    /** Counts, each opening the rows behind it (`drill`), if it has any. */
    count: (label: string, value: (row: R) => number, drill?: (row: R) => Drill): SmallColumn<R> => ({
      label,
      render: (row) => <Num value={value(row)} drill={drill?.(row)} />,
    }),
    /** A plan task: its code, its content and its unit. */
    task: (
      task: (row: R) => { code: string; content: string },
      unit: (row: R) => string | null | undefined
    ): SmallColumn<R>[] => [
      { label: t('figures.taskCode', 'Mã'), render: (row) => <Text>{task(row).code}</Text> },
      text(t('figures.task', 'Nhiệm vụ'), (row) => task(row).content),
      { label: t('figures.unit', 'Đơn vị'), render: (row) => <Text>{unit(row) ?? '—'}</Text> },
    ],
  };
};

/** A small table of a breakdown; `columns` makes its columns with the kit. */
export function FigureTable<R>({
  title,
  columns,
  rows,
  testId,
}: {
  title: string;
  columns: (kit: ReturnType<typeof columnKit<R>>) => SmallColumn<R>[];
  rows: R[];
  testId?: string;
}) {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid={testId}>
      <Typography variant="sigma" textColor="neutral600">
        {title}
      </Typography>
      {rows.length === 0 ? (
        <Empty>{t('figures.none', 'Không có số liệu.')}</Empty>
      ) : (
        <SmallTable columns={columns(columnKit<R>(t))} rows={rows} />
      )}
    </Flex>
  );
}

export const Text = ({ children }: { children: React.ReactNode }) => (
  <Typography textColor="neutral800">{children}</Typography>
);

/** A breakdown by key in its own table: `label` heads the keys, `figure` drills into a count's rows (none
 * when null: the server lists no rows for it). */
export const CountTable = ({
  title,
  label,
  kind,
  figure,
  rows,
}: {
  title: string;
  label: string;
  kind: KeyKind;
  figure: string | null;
  rows: { key: string; count: number }[];
}) => {
  const t = useT();
  return (
    <FigureTable
      title={title}
      rows={rows}
      columns={({ text, count }) => [
        text(label, (row) => keyLabel(t, kind, row.key)),
        count(
          t('figures.count', 'Số lượng'),
          (row) => row.count,
          figure
            ? (row) => ({ figure, key: row.key, label: `${label}: ${keyLabel(t, kind, row.key)}` })
            : undefined
        ),
      ]}
    />
  );
};

/** Tables side by side while there is room, one under the other otherwise. */
export const SideBySide = ({ children }: { children: React.ReactNode[] }) => (
  <Flex gap={6} alignItems="flex-start" wrap="wrap">
    {children.map((child, index) => (
      <Box key={index} style={{ flex: '1 1 320px' }}>
        {child}
      </Box>
    ))}
  </Flex>
);

/** A section's breakdowns by key side by side, each `[field, kind of key, title, heading of the keys]`: the
 * rows are `counts[field]`, a count's rows the figure `<section>.<field>`. */
export function CountTables<F extends string>({
  section,
  counts,
  tables,
}: {
  section: keyof typeof SECTIONS;
  counts: Record<NoInfer<F>, { key: string; count: number }[]>;
  tables: [field: F, kind: KeyKind, title: string, label: string][];
}) {
  return (
    <SideBySide>
      {tables.map(([field, kind, title, label]) => (
        <CountTable
          key={field}
          title={title}
          label={label}
          kind={kind}
          figure={`${section}.${field}`}
          rows={counts[field]}
        />
      ))}
    </SideBySide>
  );
}

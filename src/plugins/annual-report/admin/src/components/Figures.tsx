import * as React from 'react';
import { Badge, Box, Flex, TextButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Figures } from '../api';
import { useT, type Translate } from '../i18n';
import { keyLabel, type KeyKind } from '../labels';
import { SmallTable, type SmallColumn } from './SmallTable';
import { Section } from '#admin/shared/Section';
import { Empty, useDates } from '#admin/shared/common';

/** What a clicked number stands for: the rows behind it (GET rows?figure=&key=). */
export interface Drill {
  figure: string;
  key?: string;
  /** The dialog's heading. */
  label: string;
}

type OpenDrill = (drill: Drill) => void;

/* -------------------------------------------------------------------------------------------------
 * Building blocks
 * -----------------------------------------------------------------------------------------------*/

/** A count: clickable (the rows behind it) unless it is zero or not a count of rows. */
const Num = ({
  value,
  drill,
  onDrill,
  suffix,
}: {
  value: number | null | undefined;
  drill?: Drill;
  onDrill: OpenDrill;
  suffix?: string;
}) => {
  const { formatNumber } = useIntl();
  const text = value === null || value === undefined ? '—' : `${formatNumber(value)}${suffix ?? ''}`;
  if (!drill || !value) {
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

/** Key numbers in a row of tiles. */
const Facts = ({ facts, onDrill }: { facts: Fact[]; onDrill: OpenDrill }) => (
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
            <Num value={fact.value} drill={fact.drill} onDrill={onDrill} suffix={fact.suffix} />
          </Typography>
        </Flex>
      </Box>
    ))}
  </Flex>
);

/** A small table of a breakdown. */
function FigureTable<R>({
  title,
  columns,
  rows,
  testId,
}: {
  title: string;
  columns: SmallColumn<R>[];
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
        <SmallTable columns={columns} rows={rows} />
      )}
    </Flex>
  );
}

const Text = ({ children }: { children: React.ReactNode }) => (
  <Typography textColor="neutral800">{children}</Typography>
);

/** A breakdown by key (Count[]): label and clickable count. */
const countColumns = (
  t: Translate,
  label: string,
  kind: KeyKind,
  /** The drill-down figure; null when the server lists no rows for it. */
  figure: string | null,
  onDrill: OpenDrill
): SmallColumn<{ key: string; count: number }>[] => [
  { label, render: (row) => <Text>{keyLabel(t, kind, row.key)}</Text>, wrap: true },
  {
    label: t('figures.count', 'Số lượng'),
    render: (row) => (
      <Num
        value={row.count}
        onDrill={onDrill}
        drill={
          figure ? { figure, key: row.key, label: `${label}: ${keyLabel(t, kind, row.key)}` } : undefined
        }
      />
    ),
  },
];

/** A breakdown by key in its own table: `label` heads the keys, `figure` drills into a count's rows. */
const CountTable = ({
  title,
  label,
  kind,
  figure,
  rows,
  onDrill,
}: {
  title: string;
  label: string;
  kind: KeyKind;
  figure: string | null;
  rows: { key: string; count: number }[];
  onDrill: OpenDrill;
}) => {
  const t = useT();
  return <FigureTable title={title} rows={rows} columns={countColumns(t, label, kind, figure, onDrill)} />;
};

/** Tables side by side while there is room, one under the other otherwise. */
const SideBySide = ({ children }: { children: React.ReactNode[] }) => (
  <Flex gap={6} alignItems="flex-start" wrap="wrap">
    {children.map((child, index) => (
      <Box key={index} style={{ flex: '1 1 320px' }}>
        {child}
      </Box>
    ))}
  </Flex>
);

/** A key number whose label also heads the rows behind it (`figure`), if it has any. */
const fact = (label: string, value: number | null | undefined, figure?: string): Fact => ({
  label,
  value,
  drill: figure ? { figure, label } : undefined,
});

/* -------------------------------------------------------------------------------------------------
 * The sections
 * -----------------------------------------------------------------------------------------------*/

/** The report's figures, section by section; every count opens the rows behind it. */
export const FiguresView = ({ figures, onDrill }: { figures: Figures; onDrill: OpenDrill }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { day, instant } = useDates();
  const { articles, submissions, procedures, feedback, satisfaction, oversight, taskReports } = figures;
  const states = [...new Set(submissions.byUnit.flatMap((unit) => unit.byState.map((count) => count.key)))];
  const fmt = (value: number | null | undefined, decimals = 0) =>
    value === null || value === undefined
      ? '—'
      : formatNumber(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

  return (
    <Flex direction="column" alignItems="stretch" gap={6} data-testid="figures">
      <Typography textColor="neutral600">
        {t('figures.period', 'Số liệu từ ngày {from} đến ngày {to}, tính lúc {at}.', {
          from: day(figures.period.from),
          to: day(figures.period.to),
          at: instant(figures.computedAt),
        })}
      </Typography>

      <Section title={t('figures.articles', 'I. Tin, bài truyền thông')} testId="figures-articles">
        <Facts
          onDrill={onDrill}
          facts={[
            fact(
              t('figures.articles.published', 'Tin, bài đã đăng'),
              articles.published,
              'articles.published'
            ),
          ]}
        />
        <SideBySide>
          {[
            <CountTable
              key="kind"
              title={t('figures.byKind', 'Theo loại hình')}
              label={t('figures.kind', 'Loại hình')}
              kind="articleKind"
              figure="articles.byKind"
              rows={articles.byKind}
              onDrill={onDrill}
            />,
            <CountTable
              key="channel"
              title={t('figures.byChannel', 'Theo kênh')}
              label={t('figures.channel', 'Kênh')}
              kind="articleChannel"
              figure="articles.byChannel"
              rows={articles.byChannel}
              onDrill={onDrill}
            />,
          ]}
        </SideBySide>
        <FigureTable
          title={t('figures.byCampaign', 'Theo chiến dịch')}
          rows={articles.byCampaign}
          columns={[
            {
              label: t('figures.campaign', 'Chiến dịch'),
              render: (row) => (
                <Text>{row.campaign?.title ?? t('figures.noCampaign', 'Không thuộc chiến dịch')}</Text>
              ),
              wrap: true,
            },
            {
              label: t('figures.count', 'Số lượng'),
              render: (row) => (
                <Num
                  value={row.count}
                  onDrill={onDrill}
                  drill={{
                    figure: 'articles.byCampaign',
                    key: row.campaign?.documentId ?? 'none',
                    label: row.campaign?.title ?? t('figures.noCampaign', 'Không thuộc chiến dịch'),
                  }}
                />
              ),
            },
          ]}
        />
        <FigureTable
          title={t('figures.byUnit', 'Theo đơn vị, so với chỉ tiêu')}
          testId="figures-articles-byUnit"
          rows={articles.byUnit}
          columns={[
            { label: t('figures.unit', 'Đơn vị'), render: (row) => <Text>{row.unit.name}</Text>, wrap: true },
            {
              label: t('figures.published', 'Đã đăng'),
              render: (row) => (
                <Num
                  value={row.published}
                  onDrill={onDrill}
                  drill={{ figure: 'articles.byUnit', key: String(row.unit.id), label: row.unit.name }}
                />
              ),
            },
            { label: t('figures.target', 'Chỉ tiêu'), render: (row) => <Text>{fmt(row.target)}</Text> },
            {
              label: t('figures.achieved', 'Tỷ lệ đạt'),
              render: (row) => (
                <Text>{row.target > 0 ? `${fmt((row.published * 100) / row.target, 1)}%` : '—'}</Text>
              ),
            },
          ]}
        />
        <FigureTable
          title={t('figures.byTask', 'Theo nhiệm vụ của kế hoạch')}
          rows={articles.byTask}
          columns={[
            { label: t('figures.taskCode', 'Mã'), render: (row) => <Text>{row.task.code}</Text> },
            {
              label: t('figures.task', 'Nhiệm vụ'),
              render: (row) => <Text>{row.task.content}</Text>,
              wrap: true,
            },
            { label: t('figures.unit', 'Đơn vị'), render: (row) => <Text>{row.task.unitCode ?? '—'}</Text> },
            { label: t('figures.target', 'Chỉ tiêu'), render: (row) => <Text>{fmt(row.target)}</Text> },
            {
              label: t('figures.published', 'Đã đăng'),
              render: (row) => (
                <Num
                  value={row.published}
                  onDrill={onDrill}
                  drill={{
                    figure: 'articles.byTask',
                    key: row.task.documentId,
                    label: `${row.task.code} ${row.task.content}`,
                  }}
                />
              ),
            },
          ]}
        />
      </Section>

      <Section title={t('figures.submissions', 'II. Tin, bài các đơn vị gửi')} testId="figures-submissions">
        <Facts
          onDrill={onDrill}
          facts={[
            fact(t('figures.submissions.total', 'Tin, bài đã gửi'), submissions.total, 'submissions.total'),
            fact(
              t('figures.submissions.median', 'Trung vị số ngày từ khi gửi đến khi đăng'),
              submissions.medianDaysToPublication
            ),
          ]}
        />
        <FigureTable
          title={t('figures.byUnitState', 'Theo đơn vị và trạng thái')}
          rows={submissions.byUnit}
          columns={[
            { label: t('figures.unit', 'Đơn vị'), render: (row) => <Text>{row.unit.name}</Text>, wrap: true },
            ...states.map((state) => ({
              label: keyLabel(t, 'submissionState', state),
              render: (row: (typeof submissions.byUnit)[number]) => (
                <Num
                  value={row.byState.find((count) => count.key === state)?.count ?? 0}
                  onDrill={onDrill}
                  drill={{
                    figure: 'submissions.byUnit',
                    key: `${row.unit.id}:${state}`,
                    label: `${row.unit.name}: ${keyLabel(t, 'submissionState', state)}`,
                  }}
                />
              ),
            })),
            {
              label: t('figures.total', 'Tổng'),
              render: (row) => (
                <Num
                  value={row.total}
                  onDrill={onDrill}
                  drill={{ figure: 'submissions.byUnit', key: String(row.unit.id), label: row.unit.name }}
                />
              ),
            },
          ]}
        />
      </Section>

      <Section
        title={t('figures.procedures', 'III. Thủ tục hành chính được công khai')}
        testId="figures-procedures"
      >
        <Facts
          onDrill={onDrill}
          facts={(['listed', 'added', 'amended', 'abolished'] as const).map((key) => {
            const label = {
              listed: t('figures.procedures.listed', 'Đang công khai cuối kỳ'),
              added: t('figures.procedures.added', 'Công bố mới'),
              amended: t('figures.procedures.amended', 'Sửa đổi, bổ sung'),
              abolished: t('figures.procedures.abolished', 'Bãi bỏ'),
            }[key];
            // The procedures listed at the end of the period have no list of rows; the changes do.
            return fact(label, procedures[key], key === 'listed' ? undefined : `procedures.${key}`);
          })}
        />
        <SideBySide>
          {[
            <FigureTable
              key="field"
              title={t('figures.byField', 'Theo lĩnh vực')}
              rows={procedures.byField}
              columns={[
                {
                  label: t('figures.field', 'Lĩnh vực'),
                  render: (row) => <Text>{row.field.name}</Text>,
                  wrap: true,
                },
                {
                  label: t('figures.count', 'Số lượng'),
                  render: (row) => <Text>{fmt(row.count)}</Text>,
                },
              ]}
            />,
            <CountTable
              key="level"
              title={t('figures.byLevel', 'Theo mức độ cung cấp trực tuyến')}
              label={t('figures.level', 'Mức độ')}
              kind="procedureLevel"
              figure={null}
              rows={procedures.byLevel}
              onDrill={onDrill}
            />,
          ]}
        </SideBySide>
      </Section>

      <Section
        title={t('figures.feedback', 'IV. Tiếp nhận, xử lý phản ánh, kiến nghị')}
        testId="figures-feedback"
      >
        <Facts
          onDrill={onDrill}
          facts={[
            ...(
              [
                ['received', t('figures.feedback.received', 'Tiếp nhận')],
                ['notAccepted', t('figures.feedback.notAccepted', 'Không tiếp nhận')],
                ['transferred', t('figures.feedback.transferred', 'Chuyển cơ quan khác')],
                ['answered', t('figures.feedback.answered', 'Đã trả lời')],
                ['onTime', t('figures.feedback.onTime', 'Đúng hạn')],
                ['late', t('figures.feedback.late', 'Quá hạn')],
              ] as const
            ).map(([key, label]) => fact(label, feedback[key], `feedback.${key}`)),
            {
              label: t('figures.feedback.onTimeRate', 'Tỷ lệ đúng hạn'),
              value: feedback.onTimeRate,
              suffix: '%',
            },
            fact(
              t('figures.feedback.answersPublished', 'Kết quả trả lời đã công khai'),
              feedback.answersPublished,
              'feedback.answersPublished'
            ),
          ]}
        />
        <SideBySide>
          {[
            <CountTable
              key="channel"
              title={t('figures.byChannel', 'Theo kênh')}
              label={t('figures.channel', 'Kênh')}
              kind="feedbackChannel"
              figure="feedback.byChannel"
              rows={feedback.byChannel}
              onDrill={onDrill}
            />,
            <CountTable
              key="kind"
              title={t('figures.feedbackByKind', 'Theo nội dung phản ánh, kiến nghị')}
              label={t('figures.feedbackKind', 'Nội dung')}
              kind="feedbackKind"
              figure="feedback.byKind"
              rows={feedback.byKind}
              onDrill={onDrill}
            />,
          ]}
        </SideBySide>
      </Section>

      <Section title={t('figures.satisfaction', 'V. Mức độ hài lòng')} testId="figures-satisfaction">
        <Facts
          onDrill={onDrill}
          facts={[fact(t('figures.satisfaction.responses', 'Phiếu đánh giá'), satisfaction.responses)]}
        />
        <FigureTable
          title={t('figures.criteria', 'Điểm trung bình theo tiêu chí (1–5)')}
          rows={satisfaction.criteria}
          columns={[
            {
              label: t('figures.criterion', 'Tiêu chí'),
              render: (row) => <Text>{keyLabel(t, 'criterion', row.criterion)}</Text>,
              wrap: true,
            },
            { label: t('figures.mean', 'Điểm trung bình'), render: (row) => <Text>{fmt(row.mean, 2)}</Text> },
            {
              label: t('figures.responses', 'Số phiếu'),
              render: (row) => <Text>{fmt(row.responses)}</Text>,
            },
          ]}
        />
      </Section>

      <Section title={t('figures.oversight', 'VI. Theo dõi, đôn đốc, kiểm tra')} testId="figures-oversight">
        <Facts
          onDrill={onDrill}
          facts={(
            [
              ['remindersSent', t('figures.oversight.remindersSent', 'Lượt đôn đốc')],
              ['checks', t('figures.oversight.checks', 'Lượt kiểm tra')],
              ['difficultiesRaised', t('figures.oversight.difficultiesRaised', 'Khó khăn được báo cáo')],
              ['difficultiesResolved', t('figures.oversight.difficultiesResolved', 'Khó khăn đã giải quyết')],
              [
                'difficultiesEscalated',
                t('figures.oversight.difficultiesEscalated', 'Khó khăn trình Giám đốc'),
              ],
            ] as const
          ).map(([key, label]) => fact(label, oversight[key]))}
        />
      </Section>

      <Section
        title={t('figures.taskReports', 'VII. Báo cáo của đơn vị về nhiệm vụ')}
        testId="figures-taskReports"
      >
        <FigureTable
          title={t('figures.taskReports.count', '{count} báo cáo', { count: taskReports.length })}
          rows={taskReports}
          columns={[
            { label: t('figures.taskCode', 'Mã'), render: (row) => <Text>{row.task.code}</Text> },
            {
              label: t('figures.task', 'Nhiệm vụ'),
              render: (row) => <Text>{row.task.content}</Text>,
              wrap: true,
            },
            { label: t('figures.unit', 'Đơn vị'), render: (row) => <Text>{row.unit?.name ?? '—'}</Text> },
            {
              label: t('figures.status', 'Tình hình'),
              render: (row) => (
                <Badge variant={row.status === 'done' ? 'success' : 'primary'}>
                  {keyLabel(t, 'taskStatus', row.status)}
                </Badge>
              ),
            },
            {
              label: t('figures.results', 'Kết quả'),
              render: (row) => <Text>{row.results}</Text>,
              wrap: true,
            },
            {
              label: t('figures.reportedAt', 'Báo cáo lúc'),
              render: (row) => <Text>{instant(row.reportedAt)}</Text>,
            },
          ]}
        />
      </Section>
    </Flex>
  );
};

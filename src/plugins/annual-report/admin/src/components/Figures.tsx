import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Figures } from '../api';
import { useT } from '../i18n';
import { keyLabel } from '../labels';
import {
  CountTable,
  CountTables,
  DrillContext,
  FigureSection,
  FigureTable,
  SideBySide,
  Text,
  fact,
  type OpenDrill,
} from './FigureParts';
import { useDates } from '#admin/shared/common';

export type { Drill } from './FigureParts';

/** The report's figures, section by section; every count opens the rows behind it. */
export const FiguresView = ({ figures, onDrill }: { figures: Figures; onDrill: OpenDrill }) => (
  <DrillContext.Provider value={onDrill}>
    <Sections figures={figures} />
  </DrillContext.Provider>
);

const Sections = ({ figures }: { figures: Figures }) => {
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

      <FigureSection
        id="articles"
        facts={[
          fact(t('figures.articles.published', 'Tin, bài đã đăng'), articles.published, 'articles.published'),
        ]}
      >
        <CountTables
          section="articles"
          counts={articles}
          tables={[
            ['byKind', 'articleKind', t('figures.byKind', 'Theo loại hình'), t('figures.kind', 'Loại hình')],
            [
              'byChannel',
              'articleChannel',
              t('figures.byChannel', 'Theo kênh'),
              t('figures.channel', 'Kênh'),
            ],
          ]}
        />
        <FigureTable
          title={t('figures.byCampaign', 'Theo chiến dịch')}
          rows={articles.byCampaign}
          columns={({ text, count }) => [
            text(
              t('figures.campaign', 'Chiến dịch'),
              (row) => row.campaign?.title ?? t('figures.noCampaign', 'Không thuộc chiến dịch')
            ),
            count(
              t('figures.count', 'Số lượng'),
              (row) => row.count,
              (row) => ({
                figure: 'articles.byCampaign',
                key: row.campaign?.documentId ?? 'none',
                label: row.campaign?.title ?? t('figures.noCampaign', 'Không thuộc chiến dịch'),
              })
            ),
          ]}
        />
        <FigureTable
          title={t('figures.byUnit', 'Theo đơn vị, so với chỉ tiêu')}
          testId="figures-articles-byUnit"
          rows={articles.byUnit}
          columns={({ text, count }) => [
            text(t('figures.unit', 'Đơn vị'), (row) => row.unit.name),
            count(
              t('figures.published', 'Đã đăng'),
              (row) => row.published,
              (row) => ({ figure: 'articles.byUnit', key: String(row.unit.id), label: row.unit.name })
            ),
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
          columns={({ count, task }) => [
            ...task(
              (row) => row.task,
              (row) => row.task.unitCode
            ),
            { label: t('figures.target', 'Chỉ tiêu'), render: (row) => <Text>{fmt(row.target)}</Text> },
            count(
              t('figures.published', 'Đã đăng'),
              (row) => row.published,
              (row) => ({
                figure: 'articles.byTask',
                key: row.task.documentId,
                label: `${row.task.code} ${row.task.content}`,
              })
            ),
          ]}
        />
      </FigureSection>

      <FigureSection
        id="submissions"
        facts={[
          fact(t('figures.submissions.total', 'Tin, bài đã gửi'), submissions.total, 'submissions.total'),
          fact(
            t('figures.submissions.median', 'Trung vị số ngày từ khi gửi đến khi đăng'),
            submissions.medianDaysToPublication
          ),
        ]}
      >
        <FigureTable
          title={t('figures.byUnitState', 'Theo đơn vị và trạng thái')}
          rows={submissions.byUnit}
          columns={({ text, count }) => [
            text(t('figures.unit', 'Đơn vị'), (row) => row.unit.name),
            ...states.map((state) =>
              count(
                keyLabel(t, 'submissionState', state),
                (row) => row.byState.find((byState) => byState.key === state)?.count ?? 0,
                (row) => ({
                  figure: 'submissions.byUnit',
                  key: `${row.unit.id}:${state}`,
                  label: `${row.unit.name}: ${keyLabel(t, 'submissionState', state)}`,
                })
              )
            ),
            count(
              t('figures.total', 'Tổng'),
              (row) => row.total,
              (row) => ({ figure: 'submissions.byUnit', key: String(row.unit.id), label: row.unit.name })
            ),
          ]}
        />
      </FigureSection>

      <FigureSection
        id="procedures"
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
      >
        <SideBySide>
          {[
            <FigureTable
              key="field"
              title={t('figures.byField', 'Theo lĩnh vực')}
              rows={procedures.byField}
              columns={({ text }) => [
                text(t('figures.field', 'Lĩnh vực'), (row) => row.field.name),
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
            />,
          ]}
        </SideBySide>
      </FigureSection>

      <FigureSection
        id="feedback"
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
      >
        <CountTables
          section="feedback"
          counts={feedback}
          tables={[
            [
              'byChannel',
              'feedbackChannel',
              t('figures.byChannel', 'Theo kênh'),
              t('figures.channel', 'Kênh'),
            ],
            [
              'byKind',
              'feedbackKind',
              t('figures.feedbackByKind', 'Theo nội dung phản ánh, kiến nghị'),
              t('figures.feedbackKind', 'Nội dung'),
            ],
          ]}
        />
      </FigureSection>

      <FigureSection
        id="satisfaction"
        facts={[fact(t('figures.satisfaction.responses', 'Phiếu đánh giá'), satisfaction.responses)]}
      >
        <FigureTable
          title={t('figures.criteria', 'Điểm trung bình theo tiêu chí (1–5)')}
          rows={satisfaction.criteria}
          columns={({ text }) => [
            text(t('figures.criterion', 'Tiêu chí'), (row) => keyLabel(t, 'criterion', row.criterion)),
            {
              label: t('figures.mean', 'Điểm trung bình'),
              render: (row) => <Text>{fmt(row.mean, 2)}</Text>,
            },
            {
              label: t('figures.responses', 'Số phiếu'),
              render: (row) => <Text>{fmt(row.responses)}</Text>,
            },
          ]}
        />
      </FigureSection>

      <FigureSection
        id="oversight"
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

      <FigureSection id="taskReports">
        <FigureTable
          title={t('figures.taskReports.count', '{count} báo cáo', { count: taskReports.length })}
          rows={taskReports}
          columns={({ text, task }) => [
            ...task(
              (row) => row.task,
              (row) => row.unit?.name
            ),
            {
              label: t('figures.status', 'Tình hình'),
              render: (row) => (
                <Badge variant={row.status === 'done' ? 'success' : 'primary'}>
                  {keyLabel(t, 'taskStatus', row.status)}
                </Badge>
              ),
            },
            text(t('figures.results', 'Kết quả'), (row) => row.results),
            {
              label: t('figures.reportedAt', 'Báo cáo lúc'),
              render: (row) => <Text>{instant(row.reportedAt)}</Text>,
            },
          ]}
        />
      </FigureSection>
    </Flex>
  );
};

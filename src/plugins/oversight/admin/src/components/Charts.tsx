import * as React from 'react';
import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip as ChartTooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { unitPath, type Dashboard } from '../api';
import { useT } from '../i18n';
import { Section } from '#admin/shared/Section';
import { Empty } from '#admin/shared/common';

/** Strapi's palette: primary600, success500, danger600, neutral300. */
const COLORS = { primary: '#4945ff', success: '#5cb176', danger: '#d02b20', neutral: '#c0c0cf' };
const HEIGHT = 280;

/**
 * A rate per unit, as bars, each labelled: a unit with no figure (no target, nothing answered) gets a grey stub
 * labelled "—", and 0 % a stub labelled "0%", so that the two are not confused.
 */
const rateRows = <R extends { code: string; name: string }>(rows: R[], rateOf: (row: R) => number | null) =>
  rows.map((row) => {
    const rate = rateOf(row);
    return { ...row, value: rate ?? 0, noData: rate === null, label: rate === null ? '—' : `${rate}%` };
  });

type RateRow = ReturnType<typeof rateRows<{ code: string; name: string }>>[number];

/** A chart in its card, or "Chưa có số liệu." when it has nothing to show. */
const ChartCard = ({
  title,
  testId,
  empty,
  children,
}: {
  title: string;
  testId: string;
  empty: boolean;
  children: React.ReactNode;
}) => {
  const t = useT();
  return (
    <Section title={title} testId={testId}>
      {empty ? (
        <Empty>{t('chart.empty', 'Chưa có số liệu.')}</Empty>
      ) : (
        <Box height={`${HEIGHT}px`}>
          <ResponsiveContainer width="100%" height={HEIGHT}>
            {children}
          </ResponsiveContainer>
        </Box>
      )}
    </Section>
  );
};

/**
 * A rate per unit (rateRows) in a half-width card: bars by unit code, `title` above; the tooltip names the unit and
 * says `describe(row)`.
 */
function UnitRateChart<R extends RateRow>({
  title,
  testId,
  rows,
  name,
  color,
  maxRate,
  describe,
  onClick,
}: {
  title: string;
  testId: string;
  rows: R[];
  name: string;
  color: string;
  maxRate: number | ((max: number) => number);
  describe: (row: R) => string;
  onClick: (data: unknown) => void;
}) {
  return (
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <ChartCard title={title} testId={testId} empty={rows.length === 0}>
        <BarChart data={rows} margin={{ top: 20, right: 8, left: 0, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="code"
            interval={0}
            angle={-35}
            textAnchor="end"
            height={56}
            tick={{ fontSize: 11 }}
          />
          <YAxis unit="%" domain={[0, maxRate]} />
          <ChartTooltip
            labelFormatter={(_label, payload) =>
              (payload?.[0]?.payload as { name?: string } | undefined)?.name ?? String(_label)
            }
            formatter={(_value, _name, item) => [describe(item.payload as R), name]}
          />
          <Bar
            isAnimationActive={false}
            dataKey="value"
            name={name}
            fill={color}
            cursor="pointer"
            onClick={onClick}
            minPointSize={3}
          >
            {rows.map((row) => (
              <Cell key={row.code} fill={row.noData ? COLORS.neutral : color} />
            ))}
            <LabelList dataKey="label" position="top" fontSize={11} />
          </Bar>
        </BarChart>
      </ChartCard>
    </Grid.Item>
  );
}

/** The dashboard's charts: progress against target per unit, publications per month, on-time feedback rate. */
export const Charts = ({ dashboard }: { dashboard: Dashboard }) => {
  const t = useT();
  const navigate = useNavigate();
  const { charts, year } = dashboard;

  const progress = rateRows(charts.progressByUnit, (row) => row.percent);
  const months = charts.publicationsByMonth.map((row) => ({
    ...row,
    label: `${row.month.slice(5, 7)}/${row.month.slice(0, 4)}`,
  }));
  const onTime = rateRows(charts.feedbackOnTime, (row) => row.rate);
  const units = [...charts.progressByUnit, ...charts.feedbackOnTime]
    .filter((row, i, all) => all.findIndex((other) => other.code === row.code) === i)
    .sort((a, b) => a.code.localeCompare(b.code));

  const progressRate = t('chart.progressRate', 'Đã đăng so với chỉ tiêu (%)');
  const noData = t('chart.noData', '— : chưa có số liệu (không có chỉ tiêu, hoặc chưa trả lời phản ánh nào)');
  const publications = t('chart.publications', 'Tin bài đã đăng');
  const rate = t('chart.onTimeRate', 'Tỷ lệ trả lời đúng hạn (%)');

  /** A click on a unit's bar opens its drill-down. */
  const openUnit =
    (params: Record<string, string>) =>
    (data: unknown): void => {
      const unitId = (data as { unitId?: number; payload?: { unitId?: number } } | undefined)?.payload
        ?.unitId;
      if (unitId) navigate(unitPath(unitId, { year, ...params }));
    };

  return (
    <Grid.Root gap={4}>
      <UnitRateChart
        title={t('chart.progress', 'Tiến độ so với chỉ tiêu theo đơn vị')}
        testId="chart-progress"
        rows={progress}
        name={progressRate}
        color={COLORS.primary}
        maxRate={(max: number) => Math.max(100, Math.ceil(max / 10) * 10)}
        describe={(row) =>
          row.noData
            ? t('chart.noTarget', '{published} tin bài, chưa có chỉ tiêu', row)
            : t('chart.progressValue', '{published}/{target} tin bài ({percent}%)', row)
        }
        onClick={openUnit({ tab: 'articles' })}
      />
      <UnitRateChart
        title={t('chart.onTime', 'Tỷ lệ trả lời phản ánh, kiến nghị đúng hạn theo đơn vị')}
        testId="chart-feedback"
        rows={onTime}
        name={rate}
        color={COLORS.success}
        maxRate={100}
        describe={(row) =>
          row.noData
            ? t('chart.noAnswers', 'Chưa trả lời phản ánh nào')
            : t('chart.onTimeValue', '{onTime}/{answered} đúng hạn ({rate}%)', row)
        }
        onClick={openUnit({ tab: 'feedback', filter: 'on_time' })}
      />
      {units.length > 0 && (
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <Box data-testid="chart-legend" paddingLeft={1}>
            <Typography variant="pi" textColor="neutral600">
              {noData}
            </Typography>
            <Flex tag="dl" wrap="wrap" gap={4} paddingTop={2}>
              {units.map((unit) => (
                <Flex key={unit.code} gap={1}>
                  <Typography tag="dt" variant="pi" fontWeight="bold">
                    {unit.code}
                  </Typography>
                  <Typography tag="dd" variant="pi" textColor="neutral600">
                    {unit.name}
                  </Typography>
                </Flex>
              ))}
            </Flex>
          </Box>
        </Grid.Item>
      )}
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <ChartCard
          title={t('chart.byMonth', 'Tin bài đã đăng theo tháng')}
          testId="chart-months"
          empty={months.length === 0}
        >
          <LineChart data={months} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <ChartTooltip />
            <Line
              isAnimationActive={false}
              type="monotone"
              dataKey="count"
              name={publications}
              stroke={COLORS.primary}
              strokeWidth={2}
            />
          </LineChart>
        </ChartCard>
      </Grid.Item>
    </Grid.Root>
  );
};

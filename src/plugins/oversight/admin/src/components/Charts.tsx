import { Box, Grid } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip as ChartTooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { unitPath, type Dashboard } from '../api';
import { useT } from '../i18n';
import { Section } from '../../../../../admin/shared/Section';
import { Empty } from './common';

/** Strapi's palette: primary600, success500, danger600, neutral300. */
const COLORS = { primary: '#4945ff', success: '#5cb176', danger: '#d02b20', neutral: '#c0c0cf' };
const HEIGHT = 280;

const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** The dashboard's charts: progress against target per unit, publications per month, on-time feedback rate. */
export const Charts = ({ dashboard }: { dashboard: Dashboard }) => {
  const t = useT();
  const navigate = useNavigate();
  const { charts, year } = dashboard;

  const progress = charts.progressByUnit.map((row) => ({
    ...row,
    percent: percentOf(row.published, row.target),
  }));
  const months = charts.publicationsByMonth.map((row) => ({
    ...row,
    label: `${row.month.slice(5, 7)}/${row.month.slice(0, 4)}`,
  }));
  const onTime = charts.feedbackOnTime.map((row) => ({
    ...row,
    percent: percentOf(row.onTime, row.answered),
  }));

  const published = t('chart.published', 'Đã đăng');
  const target = t('chart.target', 'Chỉ tiêu');
  const publications = t('chart.publications', 'Tin bài đã đăng');
  const rate = t('chart.onTimeRate', 'Tỷ lệ trả lời đúng hạn (%)');
  const none = t('chart.empty', 'Chưa có số liệu.');

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
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Section title={t('chart.progress', 'Tiến độ so với chỉ tiêu theo đơn vị')} testId="chart-progress">
          {progress.length === 0 ? (
            <Empty>{none}</Empty>
          ) : (
            <Box height={`${HEIGHT}px`}>
              <ResponsiveContainer width="100%" height={HEIGHT}>
                <BarChart data={progress} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="code"
                    interval={0}
                    angle={-35}
                    textAnchor="end"
                    height={56}
                    tick={{ fontSize: 11 }}
                  />
                  <YAxis allowDecimals={false} />
                  <ChartTooltip
                    labelFormatter={(_label, payload) =>
                      (payload?.[0]?.payload as { name?: string } | undefined)?.name ?? String(_label)
                    }
                  />
                  <Legend />
                  <Bar
                    isAnimationActive={false}
                    dataKey="published"
                    name={published}
                    fill={COLORS.primary}
                    cursor="pointer"
                    onClick={openUnit({ tab: 'articles' })}
                  />
                  <Bar dataKey="target" name={target} fill={COLORS.neutral} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </Box>
          )}
        </Section>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Section
          title={t('chart.onTime', 'Tỷ lệ trả lời phản ánh, kiến nghị đúng hạn theo đơn vị')}
          testId="chart-feedback"
        >
          {onTime.length === 0 ? (
            <Empty>{none}</Empty>
          ) : (
            <Box height={`${HEIGHT}px`}>
              <ResponsiveContainer width="100%" height={HEIGHT}>
                <BarChart data={onTime} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="code"
                    interval={0}
                    angle={-35}
                    textAnchor="end"
                    height={56}
                    tick={{ fontSize: 11 }}
                  />
                  <YAxis domain={[0, 100]} unit="%" />
                  <ChartTooltip
                    labelFormatter={(_label, payload) =>
                      (payload?.[0]?.payload as { name?: string } | undefined)?.name ?? String(_label)
                    }
                  />
                  <Bar
                    isAnimationActive={false}
                    dataKey="percent"
                    name={rate}
                    fill={COLORS.success}
                    cursor="pointer"
                    onClick={openUnit({ tab: 'feedback', filter: 'on_time' })}
                  />
                </BarChart>
              </ResponsiveContainer>
            </Box>
          )}
        </Section>
      </Grid.Item>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <Section title={t('chart.byMonth', 'Tin bài đã đăng theo tháng')} testId="chart-months">
          {months.length === 0 ? (
            <Empty>{none}</Empty>
          ) : (
            <Box height={`${HEIGHT}px`}>
              <ResponsiveContainer width="100%" height={HEIGHT}>
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
              </ResponsiveContainer>
            </Box>
          )}
        </Section>
      </Grid.Item>
    </Grid.Root>
  );
};

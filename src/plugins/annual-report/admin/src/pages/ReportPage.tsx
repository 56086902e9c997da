import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, Check } from '@strapi/icons';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useAccess } from '../access';
import { isConflict, problemOf, useApi, type Change, type Report } from '../api';
import { useDates, useLoader } from '../components/common';
import { ExportsPanel } from '../components/ExportsPanel';
import { FiguresView, type Drill } from '../components/Figures';
import { NarrativeEditor } from '../components/NarrativeEditor';
import { ChangesDialog, IssueDialog } from '../components/ReportDialogs';
import { RowsDialog } from '../components/RowsDialog';
import { StateBadge } from '../components/StateBadge';
import { useT } from '../i18n';

/** A report: its figures (each number opens its rows), the narrative, recompute, issue and the exported files. */
export const ReportPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const t = useT();
  const api = useApi();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const { canManage } = useAccess();
  const { day, instant } = useDates();
  const loaded = useLoader(() => api.getReport(documentId), [api, documentId]);
  const [report, setReport] = React.useState<Report | null>(null);
  const [drill, setDrill] = React.useState<Drill | null>(null);
  const [changes, setChanges] = React.useState<Change[] | null>(null);
  const [issuing, setIssuing] = React.useState(false);
  const [recomputing, setRecomputing] = React.useState(false);
  const [dirty, setDirty] = React.useState(false);

  React.useEffect(() => {
    if (loaded.data) setReport(loaded.data);
  }, [loaded.data]);

  if (!report) {
    if (loaded.failed) return <Page.Error />;
    return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;
  }

  const draft = report.state === 'draft';
  const editable = report.actions ? report.actions.canEdit : draft && canManage;
  const canRecompute = report.actions ? report.actions.canRecompute : editable;
  const canIssue = report.actions ? report.actions.canIssue : editable;
  const canExport = report.actions ? report.actions.canExport : canManage;

  const recompute = async () => {
    if (recomputing) return;
    setRecomputing(true);
    try {
      const result = await api.recompute(report.documentId, report.version);
      setReport(result.report);
      setChanges(result.changes ?? []);
    } catch (error) {
      const problem = problemOf(error, locale);
      if (problem.aborted) return;
      if (isConflict(problem)) {
        conflict();
        return;
      }
      toggleNotification({ type: 'danger', message: Object.values(problem.fields)[0] ?? problem.message });
    } finally {
      setRecomputing(false);
    }
  };

  const conflict = () => {
    setIssuing(false);
    toggleNotification({
      type: 'warning',
      message: t(
        'narrative.conflict.short',
        'Báo cáo vừa được người khác thay đổi; đã tải lại bản mới nhất.'
      ),
    });
    loaded.reload();
  };

  const subtitle = [
    t('report.period', 'Kỳ báo cáo: {from} – {to}', {
      from: day(report.periodFrom),
      to: day(report.periodTo),
    }),
    report.state === 'issued'
      ? t('report.issued', 'Ban hành lúc {at} bởi {name}', {
          at: instant(report.issuedAt),
          name: report.issuedByName ?? '—',
        })
      : t('report.computed', 'Số liệu tính lúc {at}', { at: instant(report.computedAt) }),
  ].join(' · ');

  return (
    <Page.Main>
      <Page.Title>{report.title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton />}
        title={report.title}
        subtitle={subtitle}
        secondaryAction={<StateBadge state={report.state} testId="report-state" />}
        primaryAction={
          canRecompute || canIssue ? (
            <Flex gap={2}>
              {canRecompute && (
                <Button
                  variant="secondary"
                  startIcon={<ArrowClockwise />}
                  loading={recomputing}
                  onClick={recompute}
                  data-testid="report-recompute"
                >
                  {t('recompute.action', 'Tính lại số liệu')}
                </Button>
              )}
              {canIssue && (
                <Button
                  variant="success"
                  startIcon={<Check />}
                  onClick={() => setIssuing(true)}
                  disabled={dirty}
                  data-testid="report-issue"
                >
                  {t('issue.action', 'Ban hành')}
                </Button>
              )}
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex
          direction="column"
          alignItems="stretch"
          gap={6}
          data-testid="report-page"
          data-state={report.state}
        >
          {draft && dirty && (
            <Box padding={3} background="neutral100" hasRadius>
              <Typography variant="pi" textColor="neutral600">
                {t('issue.saveFirst', 'Lưu nội dung báo cáo trước khi ban hành.')}
              </Typography>
            </Box>
          )}
          <NarrativeEditor
            report={report}
            editable={editable}
            onSaved={setReport}
            onReload={loaded.reload}
            onDirtyChange={setDirty}
          />
          <ExportsPanel documentId={report.documentId} canExport={canExport} narrative={report.narrative} />
          {report.snapshot ? (
            <FiguresView figures={report.snapshot} onDrill={setDrill} />
          ) : (
            <Typography textColor="neutral600">{t('figures.missing', 'Báo cáo chưa có số liệu.')}</Typography>
          )}
        </Flex>
      </Layouts.Content>
      <RowsDialog documentId={report.documentId} drill={drill} onClose={() => setDrill(null)} />
      <ChangesDialog changes={changes} onClose={() => setChanges(null)} />
      {canIssue && (
        <IssueDialog
          report={report}
          open={issuing}
          onClose={() => setIssuing(false)}
          onConflict={conflict}
          onIssued={(issued) => {
            setIssuing(false);
            setReport(issued);
            toggleNotification({ type: 'success', message: t('issue.done', 'Đã ban hành báo cáo.') });
          }}
        />
      )}
    </Page.Main>
  );
};

import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { ArrowClockwise, Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { DetailShell } from '#admin/shared/kit';
import { PLUGIN_ID } from '#annual-report/permissions';
import { useAccess } from '../access';
import { useApi, type Change, type Report } from '../api';
import { useDates, useLoader, useProblemOf } from '#admin/shared/common';
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
  const readProblem = useProblemOf();
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
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    if (loaded.data) setReport(loaded.data);
  }, [loaded.data]);

  /** What this user may do with the report: the server says it; an older answer without `actions` is read here. */
  const allowed = (shown: Report) => {
    const draft = shown.state === 'draft';
    const editable = shown.actions ? shown.actions.canEdit : draft && canManage;
    return {
      draft,
      editable,
      canRecompute: shown.actions ? shown.actions.canRecompute : editable,
      canIssue: shown.actions ? shown.actions.canIssue : editable,
      canExport: shown.actions ? shown.actions.canExport : canManage,
    };
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

  const recompute = async (shown: Report) => {
    if (recomputing) return;
    setRecomputing(true);
    try {
      const result = await api.recompute(shown.documentId, shown.version);
      setReport(result.report);
      setChanges(result.changes ?? []);
    } catch (error) {
      const problem = readProblem(error, conflict);
      if (!problem) return;
      toggleNotification({ type: 'danger', message: Object.values(problem.fields)[0] ?? problem.message });
    } finally {
      setRecomputing(false);
    }
  };

  const subtitle = (shown: Report) =>
    [
      t('report.period', 'Kỳ báo cáo: {from} – {to}', {
        from: day(shown.periodFrom),
        to: day(shown.periodTo),
      }),
      shown.state === 'issued'
        ? t('report.issued', 'Ban hành lúc {at} bởi {name}', {
            at: instant(shown.issuedAt),
            name: shown.issuedByName ?? '—',
          })
        : t('report.computed', 'Số liệu tính lúc {at}', { at: instant(shown.computedAt) }),
    ].join(' · ');

  const actions = (shown: Report) => {
    const { canRecompute, canIssue } = allowed(shown);
    if (!canRecompute && !canIssue) return undefined;
    return (
      <Flex gap={2} wrap="wrap">
        {canRecompute && (
          <Button
            variant="secondary"
            startIcon={<ArrowClockwise />}
            loading={recomputing}
            onClick={() => recompute(shown)}
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
    );
  };

  return (
    <DetailShell
      state={{ ...loaded, data: report }}
      backTo={`/plugins/${PLUGIN_ID}`}
      title={(shown) => shown.title}
      subtitle={subtitle}
      status={(shown) => <StateBadge state={shown.state} testId="report-state" />}
      actions={actions}
      notFound={t('report.notFound', 'Không tìm thấy báo cáo này. Có thể báo cáo đã bị xóa.')}
      testId="report"
    >
      {(shown) => {
        const { draft, editable, canIssue, canExport } = allowed(shown);
        return (
          <>
            <Flex
              direction="column"
              alignItems="stretch"
              gap={6}
              data-testid="report-page"
              data-state={shown.state}
            >
              {draft && dirty && (
                <Box padding={3} background="neutral100" hasRadius>
                  <Typography variant="pi" textColor="neutral600">
                    {t('issue.saveFirst', 'Lưu nội dung báo cáo trước khi ban hành.')}
                  </Typography>
                </Box>
              )}
              <NarrativeEditor
                report={shown}
                editable={editable}
                onSaved={setReport}
                onReload={loaded.reload}
                onDirtyChange={setDirty}
              />
              <ExportsPanel documentId={shown.documentId} canExport={canExport} narrative={shown.narrative} />
              {shown.snapshot ? (
                <FiguresView figures={shown.snapshot} onDrill={setDrill} />
              ) : (
                <Typography textColor="neutral600">
                  {t('figures.missing', 'Báo cáo chưa có số liệu.')}
                </Typography>
              )}
            </Flex>
            <RowsDialog documentId={shown.documentId} drill={drill} onClose={() => setDrill(null)} />
            <ChangesDialog changes={changes} onClose={() => setChanges(null)} />
            {canIssue && (
              <IssueDialog
                report={shown}
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
          </>
        );
      }}
    </DetailShell>
  );
};

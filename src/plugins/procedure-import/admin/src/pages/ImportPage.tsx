import * as React from 'react';
import { Box, Button, Flex, LinkButton, Typography } from '@strapi/design-system';
import { ArrowRight, Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import { PLUGIN_ID } from '#procedure-import/permissions';
import { isConflict } from '#admin/shared/api-problem';
import { PRE, useDates, useLoader } from '#admin/shared/common';
import { DetailShell, useUrlFilters } from '#admin/shared/kit';
import { Section } from '#admin/shared/Section';
import { useApi, type ChangeMode, type ImportStatus, type ImportView } from '../api';
import { ApplyDialog } from '../components/ApplyDialog';
import { ApplyProgress } from '../components/ApplyProgress';
import { Counts } from '../components/Counts';
import { MissingSection, RefusedSection } from '../components/OtherRows';
import { FILTER_NAMES, rowFilters, RowsSection } from '../components/RowsSection';
import { Stack } from '../components/Stack';
import { ImportStateBadge } from '../components/StateBadge';
import { useT } from '../i18n';
import { APPLIED_COUNT_LABELS, kindLabel, PREVIEW_COUNT_LABELS } from '../labels';
import { PROCEDURES_PATH } from '../paths';
import { usePollApplying } from '../usePolling';

const NO_ROWS: ReadonlyMap<string, ImportStatus> = new Map();

/**
 * One import: what the file holds against the catalogue, its rows with their diffs, and applying them. The state
 * is the server's: while it applies, the page asks for its progress every second, after a reload too.
 */
export const ImportPage = () => {
  const { id = '' } = useParams<{ id: string }>();
  const t = useT();
  const api = useApi();
  const { instant } = useDates();
  const { toggleNotification } = useNotification();
  const loaded = useLoader(() => api.getImport(id), [api, id]);
  // The import as polling or applying last returned it; it supersedes what the page loaded.
  const [latest, setLatest] = React.useState<ImportView | null>(null);
  const shown = latest?.id === id ? latest : loaded.data;
  usePollApplying(api, shown ? [shown] : null, setLatest);

  const filters = useUrlFilters(FILTER_NAMES, { pageSize: 50 });
  const narrowing = rowFilters(filters.values);
  // Ticked rows belong to the narrowing they were ticked under: the server applies them within it.
  const narrowKey = JSON.stringify([narrowing.field, narrowing.level, narrowing.agency]);
  const [ticks, setTicks] = React.useState({ key: narrowKey, rows: NO_ROWS });
  const ticked = ticks.key === narrowKey ? ticks.rows : NO_ROWS;
  const [modes, setModes] = React.useState<Record<string, ChangeMode>>({});
  const [applying, setApplying] = React.useState(false);

  const subtitle = (view: ImportView) =>
    [
      kindLabel(t, view.kind),
      t('import.uploaded', 'Tải lên lúc {at} bởi {name}', {
        at: instant(view.createdAt),
        name: view.createdByName ?? '—',
      }),
    ].join(' · ');

  const actions = (view: ImportView) =>
    view.state === 'previewed' ? (
      <Button startIcon={<Check />} onClick={() => setApplying(true)} data-testid="apply-open">
        {t('apply.open', 'Áp dụng…')}
      </Button>
    ) : undefined;

  return (
    <DetailShell
      state={{ ...loaded, data: shown }}
      backTo={`/plugins/${PLUGIN_ID}`}
      title={(view) => view.fileName}
      subtitle={subtitle}
      status={(view) => <ImportStateBadge state={view.state} testId="import-state" />}
      actions={actions}
      notFound={t('import.notFound', 'Không tìm thấy lần nhập này.')}
      testId="import"
    >
      {(view) => (
        <Stack gap={6} data-testid="import-page" data-state={view.state}>
          {view.state === 'applying' && (
            <Section title={t('applying.title', 'Đang áp dụng')} testId="applying">
              <ApplyProgress progress={view.progress} />
              <Typography variant="pi" textColor="neutral600">
                {t(
                  'applying.hint',
                  'Việc áp dụng chạy trên máy chủ: có thể rời trang hoặc tải lại, tiến độ vẫn được theo dõi. Mọi thay đổi được ghi cùng lúc khi xong.'
                )}
              </Typography>
            </Section>
          )}
          {view.state === 'failed' && (
            <Box role="alert" padding={4} background="danger100" hasRadius data-testid="import-error">
              <Typography tag="p" fontWeight="bold" textColor="danger700">
                {t('failed.title', 'Áp dụng không thành công; không thủ tục nào bị thay đổi.')}
              </Typography>
              {view.error && (
                <Typography tag="p" textColor="danger700" style={PRE}>
                  {view.error}
                </Typography>
              )}
            </Box>
          )}
          {view.state === 'applied' && view.applied && (
            <Section title={t('applied.title', 'Kết quả áp dụng')} testId="applied">
              <Counts
                testId="applied-counts"
                labels={APPLIED_COUNT_LABELS}
                values={{
                  ...view.applied,
                  keptAsDrafts: view.choices?.publish ? view.applied.keptAsDrafts : undefined,
                }}
              />
              <Typography variant="pi" textColor="neutral600">
                {t('applied.by', 'Áp dụng lúc {at} bởi {name}.', {
                  at: instant(view.appliedAt),
                  name: view.appliedByName ?? '—',
                })}{' '}
                {view.choices?.publish
                  ? t('applied.published', 'Thủ tục mới đủ thông tin đã được công bố.')
                  : t('applied.drafts', 'Thủ tục mới là bản nháp, chờ biên tập và công bố.')}
              </Typography>
              <Flex>
                <LinkButton
                  variant="secondary"
                  tag={NavLink}
                  to={PROCEDURES_PATH}
                  endIcon={<ArrowRight />}
                  data-testid="open-content-manager"
                >
                  {t('applied.open', 'Mở trong Content Manager')}
                </LinkButton>
              </Flex>
            </Section>
          )}
          <Section title={t('preview.title', 'So với danh mục')} testId="preview">
            <Counts
              testId="preview-counts"
              labels={PREVIEW_COUNT_LABELS}
              values={{
                new: view.counts.created,
                changed: view.counts.updated,
                same: view.counts.unchanged,
                missing: view.counts.missing,
                refused: view.counts.refused,
              }}
            />
          </Section>
          <RowsSection
            view={view}
            filters={filters}
            editable={view.state === 'previewed'}
            ticked={ticked}
            onTick={(rows) => setTicks({ key: narrowKey, rows })}
            modes={modes}
            onMode={(code, mode) => setModes((previous) => ({ ...previous, [code]: mode }))}
          />
          {view.missing.length > 0 && <MissingSection missing={view.missing} />}
          {view.refused.length > 0 && <RefusedSection refused={view.refused} />}
          {applying && (
            <ApplyDialog
              view={view}
              filters={narrowing}
              ticked={ticked}
              request={(publish) => ({
                fields: narrowing.field ? [narrowing.field] : [],
                levels: narrowing.level ? [narrowing.level] : [],
                agency: narrowing.agency,
                codes: ticked.size > 0 ? [...ticked.keys()] : undefined,
                publish,
                modes,
              })}
              onClose={() => setApplying(false)}
              onApplied={(applied) => {
                setApplying(false);
                setLatest(applied);
              }}
              onProblem={(problem) => {
                if (!isConflict(problem)) return false;
                // Someone applied it first: the page shows where it stands now.
                setApplying(false);
                toggleNotification({
                  type: 'warning',
                  message: t('apply.conflict', 'Lần nhập này đã được áp dụng hoặc đang áp dụng.'),
                });
                setLatest(null);
                loaded.reload();
                return true;
              }}
            />
          )}
        </Stack>
      )}
    </DetailShell>
  );
};

import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  ProgressBar,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Download, File, FileCsv, FileXls } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Narrative } from '#annual-report/domain/figures';
import { narrativeWarnings } from '#annual-report/domain/narrative';
import { jobId, problemOf, saveFile, useApi, type ExportRequest, type Job } from '../api';
import { msg, tm, useT } from '../i18n';
import { exportLabel, JOB_STATE_LABELS, JOB_STATE_VARIANTS } from '../labels';
import { Section } from '#admin/shared/Section';
import { Empty, useDates, WRAP } from '#admin/shared/common';

/** How often a running job is polled. */
const POLL_MS = 1000;

const active = (job: Job) => job.state === 'queued' || job.state === 'running';

const requestOf = (job: Job): ExportRequest =>
  job.format === 'csv'
    ? { format: 'csv', list: job.list === 'feedback' ? 'feedback' : 'articles' }
    : { format: job.format };

const requestKey = (request: ExportRequest) => `${request.format}-${request.list ?? ''}`;

const sizeOf = (size: Job['size'], formatNumber: ReturnType<typeof useIntl>['formatNumber']) => {
  const bytes = Number(size);
  if (!size || !Number.isFinite(bytes)) return '—';
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, { maximumFractionDigits: 1 })} KB`;
  return `${formatNumber(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;
};

interface ExportsPanelProps {
  documentId: string;
  /** Starts exports (manage); everyone who reads sees the jobs and downloads the finished ones. */
  canExport: boolean;
  /** The saved narrative, checked before export (empty sections, a bare colon at the end). */
  narrative?: Narrative | null;
}

const SECTION_LABELS = {
  results: msg('narrative.results', 'Kết quả'),
  limitations: msg('narrative.limitations', 'Hạn chế và nguyên nhân'),
  difficulties: msg('narrative.difficulties', 'Khó khăn, vướng mắc'),
  proposals: msg('narrative.proposals', 'Đề xuất, kiến nghị'),
};

/**
 * The report's files: DOCX (Decree 30/2020), XLSX appendices and CSV lists, made by background jobs. The jobs come
 * from the server, so a reload finds the running ones and keeps polling them every second until done or failed.
 * A job started from this page downloads by itself when it is done; before export the page warns about narrative
 * sections left empty or ending in a bare colon.
 */
export const ExportsPanel = ({ documentId, canExport, narrative }: ExportsPanelProps) => {
  const t = useT();
  const api = useApi();
  const { locale, formatNumber } = useIntl();
  const { instant } = useDates();
  const { toggleNotification } = useNotification();
  const [jobs, setJobs] = React.useState<Job[] | null>(null);
  const [starting, setStarting] = React.useState<string | null>(null);
  const [downloading, setDownloading] = React.useState<string | null>(null);
  // The jobs this page started and still has to download when they are done.
  const awaiting = React.useRef(new Set<string>());
  const warnings = React.useMemo(() => narrativeWarnings(narrative), [narrative]);

  const fail = React.useCallback(
    (error: unknown) => {
      const problem = problemOf(error, locale);
      if (problem.aborted) return;
      toggleNotification({ type: 'danger', message: Object.values(problem.fields)[0] ?? problem.message });
    },
    [locale, toggleNotification]
  );

  React.useEffect(() => {
    let live = true;
    api.listJobs(documentId).then((loaded) => live && setJobs(loaded), fail);
    return () => {
      live = false;
    };
  }, [api, documentId, fail]);

  // Polls the queued and running jobs every second.
  const activeIds = (jobs ?? []).filter(active).map(jobId).join(',');
  React.useEffect(() => {
    if (!activeIds) return;
    let live = true;
    const ids = activeIds.split(',');
    const timer = setInterval(() => {
      Promise.all(ids.map((id) => api.getJob(id).catch(() => null))).then((updated) => {
        if (!live) return;
        const byId = new Map(
          updated.filter((job): job is Job => job !== null).map((job) => [jobId(job), job])
        );
        if (byId.size === 0) return;
        setJobs((current) => current?.map((job) => byId.get(jobId(job)) ?? job) ?? current);
      });
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, activeIds]);

  const start = async (request: ExportRequest) => {
    const key = requestKey(request);
    if (starting) return;
    setStarting(key);
    try {
      const job = await api.startExport(documentId, request);
      setJobs((current) => [job, ...(current ?? []).filter((other) => jobId(other) !== jobId(job))]);
      if (job.state === 'done') void download(job, true);
      else if (active(job)) awaiting.current.add(jobId(job));
    } catch (error) {
      fail(error);
    } finally {
      setStarting(null);
    }
  };

  async function download(job: Job, automatic = false) {
    const id = jobId(job);
    if (automatic)
      toggleNotification({
        type: 'success',
        message: t('exports.autoDownload', 'Tệp {file} đã sẵn sàng và đang được tải về.', {
          file: job.fileName ?? job.format.toUpperCase(),
        }),
      });
    setDownloading(id);
    try {
      saveFile(await api.downloadJob(id), job.fileName || `bao-cao.${job.format}`);
    } catch (error) {
      fail(error);
    } finally {
      setDownloading(null);
    }
  }

  // A job started here downloads as soon as the poll finds it done: no second click.
  const downloadRef = React.useRef(download);
  // eslint-disable-next-line react-hooks/refs -- latest-value ref (React 18 has no useEffectEvent)
  downloadRef.current = download;
  React.useEffect(() => {
    for (const job of jobs ?? []) {
      const id = jobId(job);
      if (!awaiting.current.has(id) || active(job)) continue;
      awaiting.current.delete(id);
      if (job.state === 'done') void downloadRef.current(job, true);
    }
  }, [jobs]);

  const buttons: { request: ExportRequest; label: string; icon: React.ReactNode; testId: string }[] = [
    {
      request: { format: 'docx' },
      label: t('export.start.docx', 'Chuẩn bị tệp DOCX'),
      icon: <File />,
      testId: 'export-docx',
    },
    {
      request: { format: 'xlsx' },
      label: t('export.start.xlsx', 'Chuẩn bị tệp XLSX'),
      icon: <FileXls />,
      testId: 'export-xlsx',
    },
    {
      request: { format: 'csv', list: 'articles' },
      label: t('export.start.csvArticles', 'Chuẩn bị CSV tin bài'),
      icon: <FileCsv />,
      testId: 'export-csv-articles',
    },
    {
      request: { format: 'csv', list: 'feedback' },
      label: t('export.start.csvFeedback', 'Chuẩn bị CSV PAKN'),
      icon: <FileCsv />,
      testId: 'export-csv-feedback',
    },
  ];

  const columns = [
    t('job.file', 'Tệp'),
    t('job.state', 'Trạng thái'),
    t('job.requestedBy', 'Người yêu cầu'),
    t('job.finishedAt', 'Hoàn thành lúc'),
    t('job.size', 'Dung lượng'),
    '',
  ];

  return (
    <Section title={t('exports.title', 'Tệp báo cáo')} testId="exports">
      {canExport && warnings.length > 0 && (
        <Box
          padding={3}
          background="warning100"
          borderColor="warning200"
          hasRadius
          role="status"
          data-testid="export-warnings"
        >
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography fontWeight="bold" textColor="warning700">
              {t('warnings.title', 'Kiểm tra trước khi xuất tệp')}
            </Typography>
            <Box tag="ul" paddingLeft={4} style={{ listStyle: 'disc' }}>
              {warnings.map((warning) => {
                const section = tm(t, SECTION_LABELS[warning.section]);
                return (
                  <li key={warning.section} data-testid="export-warning" data-section={warning.section}>
                    <Typography textColor="neutral800">
                      {warning.problem === 'empty'
                        ? t('warnings.empty', 'Mục "{section}" còn trống.', { section })
                        : t(
                            'warnings.bareColon',
                            'Mục "{section}" kết thúc bằng dấu hai chấm mà chưa có nội dung tiếp theo.',
                            { section }
                          )}
                    </Typography>
                  </li>
                );
              })}
            </Box>
            <Typography variant="pi" textColor="neutral600">
              {t(
                'warnings.hint',
                'Có thể vẫn xuất tệp; hãy hoàn thiện nội dung báo cáo rồi lưu để tệp đầy đủ.'
              )}
            </Typography>
          </Flex>
        </Box>
      )}
      {canExport && (
        <Flex gap={2} wrap="wrap">
          {buttons.map(({ request, label, icon, testId }) => (
            <Button
              key={testId}
              variant="secondary"
              startIcon={icon}
              loading={starting === requestKey(request)}
              disabled={starting !== null && starting !== requestKey(request)}
              onClick={() => start(request)}
              data-testid={testId}
            >
              {label}
            </Button>
          ))}
        </Flex>
      )}
      <Typography variant="pi" textColor="neutral600">
        {t(
          'exports.hint',
          'Bấm để chuẩn bị tệp: tệp được tạo trong nền và tự tải về khi xong (nếu vẫn ở trang này); có thể rời trang và quay lại tải sau. Báo cáo DOCX theo thể thức Nghị định 30/2020/NĐ-CP.'
        )}
      </Typography>
      {jobs === null ? null : jobs.length === 0 ? (
        <Empty testId="jobs-empty">{t('exports.empty', 'Chưa có tệp nào.')}</Empty>
      ) : (
        <Table colCount={columns.length} rowCount={jobs.length + 1} data-testid="jobs-table">
          <Thead>
            <Tr>
              {columns.map((column, index) => (
                <Th key={index}>
                  <Typography variant="sigma">{column}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {jobs.map((job) => {
              const id = jobId(job);
              const stateLabel = JOB_STATE_LABELS[job.state] ? tm(t, JOB_STATE_LABELS[job.state]) : job.state;
              return (
                <Tr
                  key={id}
                  data-testid="job-row"
                  data-job={id}
                  data-format={job.format}
                  data-list={job.list ?? ''}
                  data-state={job.state}
                >
                  <Td minWidth="200px" maxWidth="320px" style={WRAP}>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Typography textColor="neutral800" fontWeight="semiBold">
                        {exportLabel(t, job.format, job.list)}
                      </Typography>
                      {job.fileName && (
                        <Typography variant="pi" textColor="neutral600">
                          {job.fileName}
                        </Typography>
                      )}
                    </Flex>
                  </Td>
                  <Td minWidth="220px" maxWidth="360px" style={WRAP}>
                    <Flex direction="column" alignItems="stretch" gap={2}>
                      <Box>
                        <Badge variant={JOB_STATE_VARIANTS[job.state] ?? 'neutral'} data-testid="job-state">
                          {stateLabel}
                        </Badge>
                      </Box>
                      {active(job) && (
                        <Flex gap={2} data-testid="job-progress">
                          <ProgressBar
                            value={job.progress ?? 0}
                            aria-label={t('job.progress', 'Tiến độ')}
                            style={{ flex: 1 }}
                          />
                          <Typography variant="pi" textColor="neutral600">
                            {job.progress ?? 0}%
                          </Typography>
                        </Flex>
                      )}
                      {job.state === 'failed' && (
                        <Typography variant="pi" textColor="danger600" data-testid="job-error">
                          {job.error || t('job.failed', 'Không tạo được tệp.')}
                        </Typography>
                      )}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{job.requestedByName ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{instant(job.finishedAt)}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{sizeOf(job.size, formatNumber)}</Typography>
                  </Td>
                  <Td>
                    <Flex gap={1} justifyContent="flex-end">
                      {job.state === 'done' && (
                        <Button
                          size="S"
                          variant="tertiary"
                          startIcon={<Download />}
                          loading={downloading === id}
                          onClick={() => download(job)}
                          data-testid="job-download"
                        >
                          {t('job.download', 'Tải về')}
                        </Button>
                      )}
                      {job.state === 'failed' && canExport && (
                        <Button
                          size="S"
                          variant="secondary"
                          startIcon={<ArrowClockwise />}
                          disabled={starting !== null}
                          onClick={() => start(requestOf(job))}
                          data-testid="job-retry"
                        >
                          {t('job.retry', 'Thử lại')}
                        </Button>
                      )}
                    </Flex>
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </Section>
  );
};

import * as React from 'react';
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Grid,
  Link,
  LinkButton,
  Typography,
  type ButtonProps,
} from '@strapi/design-system';
import { ExternalLink, Pencil } from '@strapi/icons';
import { BackButton, Layouts, Page, useAuth, useNotification } from '@strapi/strapi/admin';
import { useDates } from '../../../../../admin/shared/common';
import { NavLink, useParams } from 'react-router-dom';
import { PLUGIN_ID } from '../../../server/src/permissions';
import {
  fileUrl,
  isConflict,
  problemOf,
  useApi,
  type AllowedTransition,
  type Comment,
  type HistoryEvent,
  type Person,
  type Submission,
  type SubmissionData,
} from '../api';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { CommentThread } from '../components/CommentThread';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { useOptions } from '../components/OptionsContext';
import { Section } from '../../../../../admin/shared/Section';
import { StateBadge } from '../components/StateBadge';
import { SubmissionForm, valuesOf, type SaveResult } from '../components/SubmissionForm';
import { TransitionDialog, type TransitionInput } from '../components/TransitionDialog';
import { tm, useT } from '../i18n';
import {
  CHANNEL_LABELS,
  isChannel,
  isKind,
  KIND_LABELS,
  personName,
  DISCARD_LABEL,
  RESUBMIT_LABEL,
  TRANSITION_DONE,
  TRANSITION_LABELS,
  type SubmissionState,
} from '../labels';

type Status = 'loading' | 'ready' | 'notFound' | 'error';

const BUTTON_VARIANTS: Partial<Record<SubmissionState, ButtonProps['variant']>> = {
  approved: 'success',
  rejected: 'danger-light',
  withdrawn: 'danger-light',
  changes_requested: 'secondary',
};

/** The Content Manager's edit view of the article made from a submission (Vietnamese is the source locale). */
const articlePath = (documentId: string) =>
  `/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=vi`;

/** One submission: its content, the moves this user may make, the conversation and the history. */
export const DetailPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const dates = useDates();
  const { toggleNotification } = useNotification();
  const userId = useAuth('UnitSubmissionDetail', (auth) => auth.user?.id);

  const [status, setStatus] = React.useState<Status>('loading');
  const [submission, setSubmission] = React.useState<Submission | null>(null);
  const [comments, setComments] = React.useState<Comment[]>([]);
  const [history, setHistory] = React.useState<HistoryEvent[]>([]);
  const [editing, setEditing] = React.useState(false);
  const [dialog, setDialog] = React.useState<AllowedTransition | null>(null);
  const [moving, setMoving] = React.useState<SubmissionState | null>(null);
  const request = React.useRef(0);

  const load = React.useCallback(async () => {
    const current = ++request.current;
    try {
      const [loaded, thread, events] = await Promise.all([
        api.getSubmission(documentId),
        api.getComments(documentId),
        api.getHistory(documentId),
      ]);
      if (current !== request.current) return;
      setSubmission(loaded);
      setComments(thread);
      setHistory(events);
      setStatus('ready');
    } catch (error) {
      const problem = problemOf(error);
      if (problem.aborted || current !== request.current) return;
      if (problem.status === 404) {
        setStatus('notFound');
        return;
      }
      setStatus((previous) => (previous === 'ready' ? previous : 'error'));
      toggleNotification({ type: 'danger', message: problem.message });
    }
  }, [api, documentId, toggleNotification]);

  React.useEffect(() => {
    setStatus('loading');
    setEditing(false);
    setDialog(null);
    load();
  }, [load]);

  const reloadAfterConflict = async () => {
    toggleNotification({
      type: 'warning',
      message: t(
        'conflict',
        'Người khác vừa thay đổi tin bài này; trang đã được tải lại với nội dung mới nhất.'
      ),
    });
    setEditing(false);
    setDialog(null);
    await load();
  };

  const move = async (transition: AllowedTransition, input: TransitionInput = {}) => {
    if (!submission) return null;
    setMoving(transition.to);
    try {
      await api.transition(documentId, { to: transition.to, version: submission.version, ...input });
      setDialog(null);
      toggleNotification({ type: 'success', message: tm(t, TRANSITION_DONE[transition.to]) });
      await load();
      return null;
    } catch (error) {
      const problem = problemOf(error);
      if (problem.aborted) return null;
      if (isConflict(problem)) {
        await reloadAfterConflict();
        return null;
      }
      if (dialog && (problem.fields.comment || problem.fields.assignee)) return problem.fields;
      toggleNotification({ type: 'danger', message: Object.values(problem.fields)[0] ?? problem.message });
      return null;
    } finally {
      setMoving(null);
    }
  };

  const save = async (data: SubmissionData): Promise<SaveResult> => {
    if (!submission) return null;
    if (Object.keys(data).length === 0) {
      toggleNotification({ type: 'info', message: t('edit.nothing', 'Không có thay đổi nào để lưu.') });
      setEditing(false);
      return null;
    }
    try {
      await api.updateSubmission(documentId, submission.version, data);
      toggleNotification({ type: 'success', message: t('edit.saved', 'Đã lưu thay đổi.') });
      setEditing(false);
      await load();
      return null;
    } catch (error) {
      const problem = problemOf(error);
      if (problem.aborted) return null;
      if (isConflict(problem)) {
        await reloadAfterConflict();
        return null;
      }
      if (Object.keys(problem.fields).length) {
        toggleNotification({
          type: 'warning',
          message: t('form.invalid', 'Vui lòng kiểm tra lại các trường được đánh dấu.'),
        });
        return problem.fields;
      }
      toggleNotification({ type: 'danger', message: problem.message });
      return {};
    }
  };

  const sendComment = async (body: string) => {
    try {
      setComments(await api.addComment(documentId, body));
      setHistory(await api.getHistory(documentId));
      return null;
    } catch (error) {
      const problem = problemOf(error);
      if (problem.aborted) return null;
      return problem.fields.body ?? problem.message;
    }
  };

  const people = React.useMemo(() => {
    const known: (Person & { id: number })[] = [...options.reviewers];
    const assignee = submission?.assignee;
    if (assignee?.id && !known.some((p) => p.id === assignee.id))
      known.push({ ...assignee, id: assignee.id });
    return known;
  }, [options.reviewers, submission?.assignee]);

  const formUnits = React.useMemo(() => {
    const unit = submission?.unit;
    return unit && !options.units.some((u) => u.id === unit.id) ? [...options.units, unit] : options.units;
  }, [options.units, submission?.unit]);

  const listPath = `/plugins/${PLUGIN_ID}`;

  if (status === 'loading') return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;

  if (status === 'notFound') {
    return (
      <Page.Main>
        <Layouts.Header
          navigationAction={<BackButton fallback={listPath} />}
          title={t('detail.notFound.title', 'Không tìm thấy tin bài')}
        />
        <Layouts.Content>
          <EmptyStateLayout
            content={t(
              'detail.notFound',
              'Tin bài không tồn tại, hoặc thuộc đơn vị khác mà bạn không có quyền xem.'
            )}
            action={
              <LinkButton variant="secondary" tag={NavLink} to={listPath}>
                {t('detail.backToList', 'Về danh sách tin bài')}
              </LinkButton>
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }

  if (status === 'error' || !submission) return <Page.Error />;

  const transitionLabel = (transition: AllowedTransition) =>
    transition.to === 'submitted' && submission.state === 'changes_requested'
      ? tm(t, RESUBMIT_LABEL)
      : transition.to === 'withdrawn' && submission.state === 'draft'
        ? tm(t, DISCARD_LABEL)
        : tm(t, TRANSITION_LABELS[transition.to]);
  // Once approved, what is left is publishing the article: the page leads there first.
  const articleToPublish = submission.state === 'approved' ? submission.article : null;

  const day = (value: string | null) => (value ? dates.day(value) : null);
  const moment = (value: string | null) => (value ? dates.instant(value) : null);

  const facts: { label: string; value: React.ReactNode }[] = [
    { label: t('field.unit', 'Đơn vị'), value: submission.unit?.name },
    {
      label: t('field.kind', 'Thể loại'),
      value: isKind(submission.kind) ? tm(t, KIND_LABELS[submission.kind]) : submission.kind,
    },
    {
      label: t('field.planTask', 'Nhiệm vụ trong kế hoạch'),
      value: submission.planTask ? `${submission.planTask.code} — ${submission.planTask.content}` : null,
    },
    {
      label: t('field.proposedChannel', 'Kênh đăng tải đề xuất'),
      value: isChannel(submission.proposedChannel) ? tm(t, CHANNEL_LABELS[submission.proposedChannel]) : null,
    },
    {
      label: t('field.desiredPublicationDate', 'Ngày mong muốn đăng'),
      value: day(submission.desiredPublicationDate),
    },
    { label: t('detail.submittedAt', 'Ngày gửi'), value: moment(submission.submittedAt) },
    { label: t('list.column.dueDate', 'Hạn xử lý'), value: day(submission.dueDate) },
    {
      label: t('list.filter.assignee', 'Người phụ trách'),
      value: submission.assignee ? personName(submission.assignee) : null,
    },
    { label: t('detail.createdAt', 'Ngày tạo'), value: moment(submission.createdAt) },
    { label: t('list.column.updatedAt', 'Cập nhật'), value: moment(submission.updatedAt) },
  ];

  const actions =
    !editing && (submission.canEdit || submission.allowedTransitions.length > 0 || articleToPublish) ? (
      <Flex gap={2} wrap="wrap">
        {articleToPublish && (
          <LinkButton
            tag={NavLink}
            to={articlePath(articleToPublish.documentId)}
            data-testid="submission-open-article"
          >
            {t('detail.openArticleToPublish', 'Mở bài viết để xuất bản')}
          </LinkButton>
        )}
        {submission.canEdit && (
          <Button
            variant="tertiary"
            startIcon={<Pencil />}
            onClick={() => setEditing(true)}
            disabled={moving !== null}
            data-testid="submission-edit"
          >
            {t('detail.edit', 'Sửa')}
          </Button>
        )}
        {submission.allowedTransitions.map((transition) => (
          <Button
            key={transition.to}
            variant={BUTTON_VARIANTS[transition.to] ?? 'default'}
            loading={moving === transition.to}
            disabled={moving !== null}
            data-testid={`transition-${transition.to}`}
            onClick={() => setDialog(transition)}
          >
            {transitionLabel(transition)}
          </Button>
        ))}
      </Flex>
    ) : undefined;

  return (
    <Page.Main>
      <Page.Title>{submission.title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={listPath} />}
        title={submission.title}
        secondaryAction={<StateBadge state={submission.state} testId="submission-state" />}
        subtitle={submission.unit?.name}
        primaryAction={actions}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={4}>
            {editing ? (
              <Section title={t('edit.title', 'Sửa tin bài')}>
                <SubmissionForm
                  initialValues={valuesOf(submission)}
                  units={formUnits}
                  planTasks={options.planTasks}
                  submitLabel={t('edit.save', 'Lưu thay đổi')}
                  onlyChanges
                  onSubmit={save}
                  onCancel={() => setEditing(false)}
                />
              </Section>
            ) : (
              <Section title={t('field.body', 'Nội dung')} testId="submission-body">
                {submission.body ? (
                  <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                    {submission.body}
                  </Typography>
                ) : (
                  <Typography textColor="neutral600">{t('detail.noBody', 'Chưa có nội dung.')}</Typography>
                )}
              </Section>
            )}
            <Section title={t('field.attachments', 'Tệp đính kèm')}>
              <AttachmentsPanel
                documentId={submission.documentId}
                attachments={submission.attachments}
                limits={options.attachmentLimits}
                canEdit={submission.canEdit}
                onChange={(attachments) => {
                  setSubmission((current) => (current ? { ...current, attachments } : current));
                  api.getHistory(documentId).then(setHistory, () => undefined);
                }}
              />
            </Section>
            <Section title={t('comments.title', 'Trao đổi')} testId="submission-comments">
              <CommentThread comments={comments} canComment={submission.canComment} onSend={sendComment} />
            </Section>
            <Section title={t('history.title', 'Lịch sử xử lý')}>
              <HistoryTimeline events={history} people={people} />
            </Section>
          </Grid.Item>

          <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={4}>
            <Section title={t('detail.info', 'Thông tin')}>
              <Flex tag="dl" direction="column" alignItems="stretch" gap={3}>
                {facts.map((fact) => (
                  <Box key={fact.label}>
                    <Typography tag="dt" variant="sigma" textColor="neutral600">
                      {fact.label}
                    </Typography>
                    <Typography tag="dd" textColor={fact.value ? 'neutral800' : 'neutral500'}>
                      {fact.value || '—'}
                    </Typography>
                  </Box>
                ))}
              </Flex>
            </Section>
            {(submission.article || submission.publicUrl || submission.state === 'approved') && (
              <Section title={t('detail.article', 'Bài viết')}>
                {submission.article ? (
                  <Flex direction="column" alignItems="stretch" gap={2}>
                    <Link
                      tag={NavLink}
                      to={articlePath(submission.article.documentId)}
                      data-testid="submission-article-link"
                    >
                      {submission.article.title}
                    </Link>
                    <Typography variant="pi" textColor="neutral600">
                      {submission.article.publishedAt
                        ? t('detail.article.published', 'Đã xuất bản lúc {at}', {
                            at: moment(submission.article.publishedAt),
                          })
                        : submission.state === 'published'
                          ? t('detail.article.publishedNow', 'Đã xuất bản.')
                          : t(
                              'detail.article.draft',
                              'Bản nháp: Trung tâm CNTT hoàn thiện và xuất bản trong Quản lý nội dung.'
                            )}
                    </Typography>
                  </Flex>
                ) : (
                  <Typography textColor="neutral600">
                    {t('detail.article.none', 'Chưa có bài viết.')}
                  </Typography>
                )}
                {submission.publicUrl && (
                  <Link
                    href={fileUrl(submission.publicUrl)}
                    isExternal
                    endIcon={<ExternalLink />}
                    data-testid="submission-public-url"
                  >
                    {t('detail.publicUrl', 'Xem trên trang công khai')}
                  </Link>
                )}
              </Section>
            )}
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
      <TransitionDialog
        transition={dialog}
        from={submission.state}
        title={dialog ? transitionLabel(dialog) : ''}
        reviewers={options.reviewers}
        defaultAssignee={typeof userId === 'number' ? userId : null}
        onClose={() => setDialog(null)}
        onConfirm={(input) => (dialog ? move(dialog, input) : Promise.resolve(null))}
      />
    </Page.Main>
  );
};

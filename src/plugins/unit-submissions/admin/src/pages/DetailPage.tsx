import * as React from 'react';
import { Button, Flex, Grid, Link, LinkButton, Typography, type ButtonProps } from '@strapi/design-system';
import { ExternalLink, Pencil } from '@strapi/icons';
import { useAuth, useNotification } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import { Fact, useDates, useLoader } from '#admin/shared/common';
import { ConfirmDialog, DetailShell } from '#admin/shared/kit';
import { Section } from '#admin/shared/Section';
import { PLUGIN_ID } from '#unit-submissions/permissions';
import {
  fileUrl,
  isConflict,
  problemOf,
  useApi,
  type AllowedTransition,
  type ApiProblem,
  type Comment,
  type HistoryEntry,
  type Person,
  type Submission,
  type SubmissionData,
} from '../api';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { CommentThread } from '../components/CommentThread';
import { SubmissionHistory } from '../components/SubmissionHistory';
import { useOptions } from '../components/OptionsContext';
import { StateBadge } from '../components/StateBadge';
import { SubmissionForm, useSaveFailure, valuesOf, type SaveResult } from '../components/SubmissionForm';
import { TransitionDialog, type TransitionInput } from '../components/TransitionDialog';
import { tm, useT } from '../i18n';
import {
  CHANNEL_LABELS,
  isChannel,
  isKind,
  KIND_LABELS,
  moveOf,
  personName,
  TRANSITION_DONE,
  TRANSITION_LABELS,
  type SubmissionState,
} from '../labels';

const BUTTON_VARIANTS: Partial<Record<SubmissionState, ButtonProps['variant']>> = {
  approved: 'success',
  rejected: 'danger-light',
  withdrawn: 'danger-light',
  changes_requested: 'secondary',
};

/** The Content Manager's edit view of the article made from a submission (Vietnamese is the source locale). */
const articlePath = (documentId: string) =>
  `/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=vi`;

interface Detail {
  submission: Submission;
  comments: Comment[];
  history: HistoryEntry[];
}

/** One submission: its content, the moves this user may make, publishing its article, the conversation, the history. */
export const DetailPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const dates = useDates();
  const { toggleNotification } = useNotification();
  const userId = useAuth('UnitSubmissionDetail', (auth) => auth.user?.id);

  const loaded = useLoader(async (): Promise<Detail> => {
    const [submission, comments, history] = await Promise.all([
      api.getSubmission(documentId),
      api.getComments(documentId),
      api.getHistory(documentId),
    ]);
    return { submission, comments, history };
  }, [api, documentId]);
  // What is shown: the last load, then the answers of the moves made here.
  const [detail, setDetail] = React.useState<Detail | null>(null);
  const [editing, setEditing] = React.useState(false);
  const [dialog, setDialog] = React.useState<AllowedTransition | null>(null);
  const [publishing, setPublishing] = React.useState(false);

  React.useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setDetail(null);
    setEditing(false);
    setDialog(null);
  }, [documentId]);
  React.useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    if (loaded.data) setDetail(loaded.data);
  }, [loaded.data]);

  const patch = (change: Partial<Detail>) => setDetail((current) => current && { ...current, ...change });
  const refreshHistory = () =>
    api.getHistory(documentId).then(
      (history) => patch({ history }),
      () => undefined
    );

  const reloadAfterConflict = () => {
    toggleNotification({
      type: 'warning',
      message: t(
        'conflict',
        'Người khác vừa thay đổi tin bài này; trang đã được tải lại với nội dung mới nhất.'
      ),
    });
    setEditing(false);
    setDialog(null);
    setPublishing(false);
    loaded.reload();
  };
  const onProblem = (problem: ApiProblem) => {
    if (!isConflict(problem)) return false;
    reloadAfterConflict();
    return true;
  };
  const saveFailed = useSaveFailure(onProblem);

  const move = async (submission: Submission, transition: AllowedTransition, input: TransitionInput) => {
    await api.transition(documentId, { to: transition.to, version: submission.version, ...input });
    setDialog(null);
    toggleNotification({
      type: 'success',
      message: tm(t, TRANSITION_DONE[moveOf(submission.state, transition.to)]),
    });
    loaded.reload();
  };

  const publish = async () => {
    const submission = await api.publishArticle(documentId);
    setPublishing(false);
    patch({ submission });
    toggleNotification({
      type: 'success',
      message: t('publish.done', 'Đã xuất bản bài viết; tin bài chuyển sang Đã đăng.'),
    });
    refreshHistory();
  };

  const save = async (submission: Submission, data: SubmissionData): Promise<SaveResult> => {
    if (Object.keys(data).length === 0) {
      toggleNotification({ type: 'info', message: t('edit.nothing', 'Không có thay đổi nào để lưu.') });
      setEditing(false);
      return null;
    }
    try {
      const saved = await api.updateSubmission(documentId, submission.version, data);
      toggleNotification({ type: 'success', message: t('edit.saved', 'Đã lưu thay đổi.') });
      setEditing(false);
      patch({ submission: saved });
      refreshHistory();
      return null;
    } catch (error) {
      return saveFailed(error);
    }
  };

  const sendComment = async (body: string) => {
    try {
      patch({ comments: await api.addComment(documentId, body) });
      refreshHistory();
      return null;
    } catch (error) {
      const problem = problemOf(error);
      if (problem.aborted) return null;
      return problem.fields.body ?? problem.message;
    }
  };

  const submissionShown = detail?.submission;
  const people = React.useMemo(() => {
    const known: (Person & { id: number })[] = [...options.reviewers];
    const assignee = submissionShown?.assignee;
    if (assignee?.id && !known.some((p) => p.id === assignee.id))
      known.push({ ...assignee, id: assignee.id });
    return known;
  }, [options.reviewers, submissionShown?.assignee]);

  const formUnits = React.useMemo(() => {
    const unit = submissionShown?.unit;
    return unit && !options.units.some((u) => u.id === unit.id) ? [...options.units, unit] : options.units;
  }, [options.units, submissionShown?.unit]);

  const day = (value: string | null) => (value ? dates.day(value) : null);
  const moment = (value: string | null) => (value ? dates.instant(value) : null);

  const actions = ({ submission }: Detail) => {
    if (editing) return undefined;
    const article = submission.article;
    const done = submission.state === 'approved' || submission.state === 'published';
    const buttons = [
      article && done && (
        <LinkButton
          key="article"
          variant="secondary"
          tag={NavLink}
          to={articlePath(article.documentId)}
          data-testid="submission-open-article"
        >
          {t('detail.openArticle', 'Mở bài viết')}
        </LinkButton>
      ),
      submission.publicUrl && (
        <LinkButton
          key="public"
          variant="secondary"
          href={fileUrl(submission.publicUrl)}
          isExternal
          endIcon={<ExternalLink />}
          data-testid="submission-public-url"
        >
          {t('detail.publicUrl', 'Xem trên trang công khai')}
        </LinkButton>
      ),
      submission.canPublishArticle && (
        <Button
          key="publish"
          variant="success"
          onClick={() => setPublishing(true)}
          data-testid="submission-publish"
        >
          {t('publish.action', 'Xuất bản')}
        </Button>
      ),
      submission.canEdit && (
        <Button
          key="edit"
          variant="tertiary"
          startIcon={<Pencil />}
          onClick={() => setEditing(true)}
          data-testid="submission-edit"
        >
          {t('detail.edit', 'Sửa')}
        </Button>
      ),
      ...submission.allowedTransitions.map((transition) => (
        <Button
          key={transition.to}
          variant={BUTTON_VARIANTS[transition.to] ?? 'default'}
          data-testid={`transition-${transition.to}`}
          onClick={() => setDialog(transition)}
        >
          {tm(t, TRANSITION_LABELS[moveOf(submission.state, transition.to)])}
        </Button>
      )),
    ].filter(Boolean);
    return buttons.length ? (
      <Flex gap={2} wrap="wrap">
        {buttons}
      </Flex>
    ) : undefined;
  };

  const facts = (submission: Submission): { label: string; value: React.ReactNode }[] => [
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

  return (
    <DetailShell
      state={{ ...loaded, data: detail }}
      backTo={`/plugins/${PLUGIN_ID}`}
      title={({ submission }) => submission.title}
      subtitle={({ submission }) => submission.unit?.name}
      status={({ submission }) => <StateBadge state={submission.state} testId="submission-state" />}
      actions={actions}
      notFound={t(
        'detail.notFound',
        'Tin bài không tồn tại, hoặc thuộc đơn vị khác mà bạn không có quyền xem.'
      )}
      testId="submission"
    >
      {({ submission, comments, history }) => (
        <>
          <Grid.Root gap={4}>
            <Grid.Item col={8} xs={12} direction="column" alignItems="stretch" gap={4}>
              {editing ? (
                <Section title={t('edit.title', 'Sửa tin bài')}>
                  <SubmissionForm
                    initialValues={valuesOf(submission)}
                    units={formUnits}
                    planTasks={options.planTasks}
                    submitLabel={t('edit.save', 'Lưu thay đổi')}
                    onlyChanges
                    onSubmit={(data) => save(submission, data)}
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
                    patch({ submission: { ...submission, attachments } });
                    refreshHistory();
                  }}
                />
              </Section>
              <Section title={t('comments.title', 'Trao đổi')} testId="submission-comments">
                <CommentThread comments={comments} canComment={submission.canComment} onSend={sendComment} />
              </Section>
              <Section title={t('history.title', 'Lịch sử xử lý')}>
                <SubmissionHistory entries={history} people={people} />
              </Section>
            </Grid.Item>

            <Grid.Item col={4} xs={12} direction="column" alignItems="stretch" gap={4}>
              <Section title={t('detail.info', 'Thông tin')}>
                <Flex direction="column" alignItems="stretch" gap={3}>
                  {facts(submission).map((fact) => (
                    <Fact key={fact.label} label={fact.label}>
                      {fact.value || '—'}
                    </Fact>
                  ))}
                </Flex>
              </Section>
              {submission.article && (
                <Section title={t('detail.article', 'Bài viết')}>
                  <Flex direction="column" alignItems="stretch" gap={2} data-testid="submission-article">
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
                        : t(
                            'detail.article.draft',
                            'Bản nháp: Trung tâm CNTT hoàn thiện rồi xuất bản, từ trang này hoặc trong Quản lý nội dung.'
                          )}
                    </Typography>
                  </Flex>
                </Section>
              )}
            </Grid.Item>
          </Grid.Root>
          <TransitionDialog
            transition={dialog}
            from={submission.state}
            reviewers={options.reviewers}
            defaultAssignee={typeof userId === 'number' ? userId : null}
            onClose={() => setDialog(null)}
            onConfirm={(input) => (dialog ? move(submission, dialog, input) : Promise.resolve())}
            onProblem={onProblem}
          />
          {submission.article && (
            <ConfirmDialog
              open={publishing}
              title={t('publish.title', 'Xuất bản bài viết')}
              message={t(
                'publish.confirm',
                'Bài viết “{title}” được đăng công khai trên Trang thông tin điện tử, kèm các tệp đính kèm của tin bài; tin bài chuyển sang Đã đăng.',
                { title: submission.article.title }
              )}
              action={t('publish.action', 'Xuất bản')}
              submitVariant="success"
              onConfirm={publish}
              onClose={() => setPublishing(false)}
              onProblem={onProblem}
              testId="publish-dialog"
            />
          )}
        </>
      )}
    </DetailShell>
  );
};

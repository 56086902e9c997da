import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  Grid,
  TextButton,
  Typography,
  type ButtonProps,
} from '@strapi/design-system';
import { Paperclip } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { PRE, useDates, useLoader, useProblemOf } from '#admin/shared/common';
import { DetailShell, TextField } from '#admin/shared/kit';
import type { ApiProblem } from '#admin/shared/api-problem';
import { PLUGIN_ID } from '#feedback-register/permissions';
import {
  isConflict,
  kindLabel,
  useApi,
  type AllowedTransition,
  type Attachment,
  type Feedback,
  type HistoryEntry,
  type TransitionInput,
} from '../api';
import { FeedbackHistory } from '../components/FeedbackHistory';
import { useOptions } from '../components/OptionsContext';
import { Section } from '#admin/shared/Section';
import { StateBadge } from '../components/StateBadge';
import { TransitionDialog } from '../components/TransitionDialog';
import { useT } from '../i18n';
import { channelLabel, transitionDone, transitionLabel, type FeedbackState } from '../labels';
import { useDownload } from '../useDownload';

interface Loaded {
  feedback: Feedback;
  history: HistoryEntry[];
}

const BUTTON_VARIANTS: Partial<Record<FeedbackState, ButtonProps['variant']>> = {
  not_accepted: 'danger-light',
  transferred: 'secondary',
  answer_approved: 'success',
  answered: 'success',
  published: 'success',
};

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

interface Fact {
  label: string;
  value: React.ReactNode;
  testId?: string;
}

const Facts = ({ facts }: { facts: Fact[] }) => (
  <Flex tag="dl" direction="column" alignItems="stretch" gap={3}>
    {facts.map((fact) => (
      <Box key={fact.label} data-testid={fact.testId}>
        <Typography tag="dt" variant="sigma" textColor="neutral600">
          {fact.label}
        </Typography>
        <Typography tag="dd" textColor={fact.value ? 'neutral800' : 'neutral500'}>
          {fact.value || '—'}
        </Typography>
      </Box>
    ))}
  </Flex>
);

/** One feedback: its content, deadlines, submitter, answer, the moves this user may make, and the history. */
export const DetailPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const { locale } = useIntl();
  const readProblem = useProblemOf();
  const dates = useDates();
  const { toggleNotification } = useNotification();

  const loaded = useLoader(async () => {
    const [feedback, history] = await Promise.all([api.getFeedback(documentId), api.getHistory(documentId)]);
    return { feedback, history };
  }, [api, documentId]);
  // What the page shows: the loaded item, or nothing once a move finds it gone (then the 404 of the reload shows).
  const [shown, setShown] = React.useState<Loaded | null>(null);
  const [answer, setAnswer] = React.useState('');
  const [answerError, setAnswerError] = React.useState<string | undefined>();
  const [savingAnswer, setSavingAnswer] = React.useState(false);
  const [dialog, setDialog] = React.useState<AllowedTransition | null>(null);
  const { busy: downloading, download: save } = useDownload();

  React.useEffect(() => {
    if (!loaded.data) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setShown(loaded.data);
    setAnswer(loaded.data.feedback.answer ?? '');
    setAnswerError(undefined);
  }, [loaded.data]);

  // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
  React.useEffect(() => setDialog(null), [documentId]);

  const reloadAfterConflict = () => {
    toggleNotification({
      type: 'warning',
      message: t(
        'conflict',
        'Người khác vừa thay đổi phản ánh, kiến nghị này; trang đã được tải lại với nội dung mới nhất.'
      ),
    });
    setDialog(null);
    loaded.reload();
  };

  /** A failure of a move that is not the form's: someone else moved it first, or it is no longer ours to see. */
  const onMoveProblem = (problem: ApiProblem) => {
    if (isConflict(problem)) {
      reloadAfterConflict();
      return true;
    }
    if (problem.status === 404) {
      setDialog(null);
      setShown(null);
      loaded.reload();
      return true;
    }
    return false;
  };

  const move = async (feedback: Feedback, transition: AllowedTransition, input: TransitionInput) => {
    await api.transition(documentId, { to: transition.to, version: feedback.version, ...input });
    setDialog(null);
    toggleNotification({ type: 'success', message: transitionDone(t, feedback.state, transition.to) });
    loaded.reload();
  };

  const saveAnswer = async (feedback: Feedback) => {
    if (savingAnswer) return;
    setSavingAnswer(true);
    setAnswerError(undefined);
    try {
      await api.saveAnswer(documentId, answer, feedback.version);
      toggleNotification({ type: 'success', message: t('answer.saved', 'Đã lưu dự thảo trả lời.') });
      loaded.reload();
    } catch (error) {
      const problem = readProblem(error, reloadAfterConflict);
      if (!problem) return;
      const message = problem.fields.answer ?? Object.values(problem.fields)[0] ?? problem.message;
      setAnswerError(message);
      toggleNotification({ type: 'danger', message });
    } finally {
      setSavingAnswer(false);
    }
  };

  const download = (file: Attachment) =>
    save(
      file.documentId,
      () => api.downloadAttachment(file.documentId),
      file.originalName,
      (status) =>
        t('attachments.failed', 'Không tải được tệp {name} (mã lỗi {status}).', {
          name: file.originalName,
          status,
        })
    );

  const listPath = `/plugins/${PLUGIN_ID}`;

  /** The page's three fact lists, from the item. */
  const factsOf = (feedback: Feedback) => {
    const day = (value: string | null) => (value ? dates.day(value) : null);
    const moment = (value: string | null) => (value ? dates.instant(value) : null);
    const onTimeBadge = (value: boolean | null) =>
      value === null ? null : value ? (
        <Badge variant="success">{t('deadline.onTime', 'Đúng hạn')}</Badge>
      ) : (
        <Badge variant="danger">{t('deadline.late', 'Trễ hạn')}</Badge>
      );

    const daysLeft =
      feedback.daysLeft === null
        ? null
        : feedback.daysLeft < 0
          ? t('list.overdueBy', 'Quá hạn {days} ngày', { days: -feedback.daysLeft })
          : t('list.daysLeft', 'Còn {days} ngày làm việc', { days: feedback.daysLeft });

    const deadlines: Fact[] = [
      { label: t('field.receivedAt', 'Ngày tiếp nhận'), value: moment(feedback.receivedAt) },
      {
        label: t('field.classificationDueDate', 'Hạn phân loại, xử lý ban đầu'),
        value: day(feedback.classificationDueDate),
      },
      {
        label: t('field.transferDueDate', 'Hạn chuyển cơ quan có thẩm quyền'),
        value: day(feedback.transferDueDate),
      },
      { label: t('field.dueDate', 'Hạn trả lời'), value: day(feedback.dueDate) },
      { label: t('field.unitDueDate', 'Hạn của đơn vị'), value: day(feedback.unitDueDate) },
      { label: t('field.publicationDueDate', 'Hạn công khai'), value: day(feedback.publicationDueDate) },
      {
        label: t('field.currentDueDate', 'Hạn xử lý'),
        value: feedback.currentDueDate ? (
          // The header's badge says it is overdue; the date itself stays plain.
          <Typography textColor="neutral800" fontWeight="bold">
            {day(feedback.currentDueDate)}
            {daysLeft ? ` (${daysLeft})` : ''}
          </Typography>
        ) : null,
        testId: 'feedback-current-due',
      },
      { label: t('field.answeredAt', 'Ngày trả lời'), value: moment(feedback.answeredAt) },
      { label: t('list.column.onTime', 'Đúng hạn'), value: onTimeBadge(feedback.onTime) },
      {
        label: t('field.publicationOnTime', 'Công khai đúng hạn'),
        value: onTimeBadge(feedback.publicationOnTime),
      },
      { label: t('field.closedAt', 'Ngày kết thúc'), value: moment(feedback.closedAt) },
    ];

    const handling: Fact[] = [
      { label: t('field.handlingUnit', 'Đơn vị xử lý'), value: feedback.handlingUnit?.name },
      { label: t('field.notAcceptedReason', 'Lý do không tiếp nhận'), value: feedback.notAcceptedReason },
      { label: t('field.receivingAgency', 'Cơ quan có thẩm quyền'), value: feedback.receivingAgency },
      {
        label: t('field.letterNumber', 'Số, ký hiệu văn bản chuyển'),
        value: feedback.transferLetterNumber,
      },
    ].filter((fact, index) => index === 0 || fact.value);

    const about: Fact[] = [
      {
        label: t('field.kind', 'Loại phản ánh, kiến nghị'),
        value: kindLabel(options.kinds, feedback.kind, locale),
      },
      { label: t('field.channel', 'Kênh tiếp nhận'), value: channelLabel(t, feedback.channel) },
      {
        label: t('field.procedure', 'Thủ tục hành chính'),
        value: feedback.procedure ? `${feedback.procedure.nationalCode} — ${feedback.procedure.name}` : null,
      },
      {
        label: t('field.publishAnswer', 'Người phản ánh đồng ý công khai nội dung trả lời'),
        value: feedback.consent
          ? feedback.consent.publishAnswer
            ? t('common.yes', 'Có')
            : t('common.no', 'Không')
          : null,
      },
    ];
    return { deadlines, handling, about };
  };

  const actions = ({ feedback }: Loaded) =>
    feedback.allowedTransitions.length > 0 ? (
      <Flex gap={2} wrap="wrap">
        {feedback.allowedTransitions.map((transition) => (
          <Button
            key={transition.to}
            variant={BUTTON_VARIANTS[transition.to] ?? 'default'}
            disabled={dialog !== null || savingAnswer}
            data-testid={`transition-${transition.to}`}
            onClick={() => setDialog(transition)}
          >
            {transitionLabel(t, feedback.state, transition.to)}
          </Button>
        ))}
      </Flex>
    ) : undefined;

  return (
    <DetailShell
      state={{ ...loaded, data: shown }}
      backTo={listPath}
      title={({ feedback }) => feedback.subject}
      subtitle={({ feedback }) =>
        [
          kindLabel(options.kinds, feedback.kind, locale),
          feedback.handlingUnit?.name,
          dates.instant(feedback.receivedAt),
        ]
          .filter(Boolean)
          .join(' · ')
      }
      status={({ feedback }) => (
        <Flex gap={2}>
          <StateBadge state={feedback.state} testId="feedback-state" />
          {feedback.overdue && (
            <Badge variant="danger" data-testid="feedback-overdue">
              {t('deadline.overdue', 'Quá hạn')}
            </Badge>
          )}
        </Flex>
      )}
      actions={actions}
      notFound={t(
        'detail.notFound',
        'Phản ánh, kiến nghị không tồn tại, hoặc được giao cho đơn vị khác mà bạn không có quyền xem.'
      )}
      testId="feedback"
    >
      {({ feedback, history }) => {
        const { deadlines, handling, about } = factsOf(feedback);
        const showPublic = feedback.answerPublished || feedback.state === 'published';
        return (
          <>
            <Grid.Root gap={4}>
              <Grid.Item col={8} s={12} xs={12} direction="column" alignItems="stretch" gap={4}>
                <Section
                  title={t('detail.content', 'Nội dung phản ánh, kiến nghị')}
                  testId="feedback-content"
                >
                  <Typography tag="p" style={PRE}>
                    {feedback.content}
                  </Typography>
                  <Box>
                    <Typography variant="sigma" textColor="neutral600" tag="h3">
                      {t('attachments.title', 'Tệp đính kèm')}
                    </Typography>
                    {feedback.attachments.length === 0 ? (
                      <Typography tag="p" textColor="neutral600">
                        {t('attachments.none', 'Không có tệp đính kèm.')}
                      </Typography>
                    ) : (
                      <Box tag="ul" paddingTop={2} data-testid="feedback-attachments">
                        {feedback.attachments.map((file) => (
                          <Flex key={file.documentId} tag="li" gap={2} paddingTop={1}>
                            <Paperclip aria-hidden />
                            <TextButton
                              onClick={() => download(file)}
                              disabled={downloading === file.documentId}
                              aria-label={t('attachments.download', 'Tải xuống {name}', {
                                name: file.originalName,
                              })}
                            >
                              {file.originalName}
                            </TextButton>
                            <Typography variant="pi" textColor="neutral600">
                              {formatSize(file.size)}
                            </Typography>
                          </Flex>
                        ))}
                      </Box>
                    )}
                  </Box>
                </Section>

                <Section title={t('answer.title', 'Trả lời')} testId="feedback-answer">
                  {feedback.canEditAnswer ? (
                    <Flex direction="column" alignItems="stretch" gap={3}>
                      <TextField
                        name="answer"
                        error={answerError}
                        hint={t(
                          'answer.hint',
                          'Dự thảo được lưu lại để tiếp tục soạn; khi hoàn chỉnh, gửi Văn phòng Sở bằng nút “Gửi dự thảo trả lời”.'
                        )}
                        label={t('field.answer', 'Nội dung trả lời')}
                        testId="answer-text"
                        value={answer}
                        rows={12}
                        maxLength={20000}
                        onChange={(value) => {
                          setAnswer(value);
                          setAnswerError(undefined);
                        }}
                        multiline
                      />
                      <Flex justifyContent="flex-end">
                        <Button
                          variant="secondary"
                          loading={savingAnswer}
                          disabled={dialog !== null || answer === (feedback.answer ?? '')}
                          onClick={() => saveAnswer(feedback)}
                          data-testid="answer-save"
                        >
                          {t('answer.save', 'Lưu dự thảo')}
                        </Button>
                      </Flex>
                    </Flex>
                  ) : feedback.answer ? (
                    <Typography tag="p" style={PRE} data-testid="answer-text">
                      {feedback.answer}
                    </Typography>
                  ) : (
                    <Typography textColor="neutral600">
                      {t('answer.none', 'Chưa có nội dung trả lời.')}
                    </Typography>
                  )}
                </Section>

                {showPublic && (
                  <Section title={t('public.title', 'Phiên bản công khai')} testId="feedback-public">
                    <Facts
                      facts={[
                        {
                          label: t('field.publicSubject', 'Tiêu đề công khai'),
                          value: feedback.publicSubject,
                        },
                        {
                          label: t('field.publicContent', 'Nội dung phản ánh công khai'),
                          value: feedback.publicContent ? (
                            <Box tag="span" style={PRE}>
                              {feedback.publicContent}
                            </Box>
                          ) : null,
                        },
                        {
                          label: t('field.publicAnswer', 'Nội dung trả lời công khai'),
                          value: feedback.publicAnswer ? (
                            <Box tag="span" style={PRE}>
                              {feedback.publicAnswer}
                            </Box>
                          ) : null,
                        },
                      ]}
                    />
                  </Section>
                )}

                <Section title={t('history.title', 'Lịch sử xử lý')}>
                  <FeedbackHistory entries={history} />
                </Section>
              </Grid.Item>

              <Grid.Item col={4} s={12} xs={12} direction="column" alignItems="stretch" gap={4}>
                <Section title={t('detail.deadlines', 'Thời hạn')} testId="feedback-deadlines">
                  <Facts facts={deadlines} />
                </Section>
                <Section title={t('detail.handling', 'Xử lý')}>
                  <Facts facts={handling} />
                </Section>
                <Section title={t('detail.info', 'Thông tin')}>
                  <Facts facts={about} />
                </Section>
                <Section
                  title={t('detail.submitter', 'Người phản ánh, kiến nghị')}
                  testId="feedback-submitter"
                >
                  {feedback.submitter ? (
                    <Facts
                      facts={[
                        { label: t('field.fullName', 'Họ và tên'), value: feedback.submitter.fullName },
                        { label: t('field.address', 'Địa chỉ'), value: feedback.submitter.address },
                        { label: t('field.phone', 'Số điện thoại'), value: feedback.submitter.phone },
                        { label: t('field.email', 'Thư điện tử'), value: feedback.submitter.email },
                      ]}
                    />
                  ) : (
                    <Typography textColor="neutral600" data-testid="feedback-submitter-hidden">
                      {t(
                        'detail.submitter.hidden',
                        'Thông tin cá nhân của người phản ánh được ẩn với vai trò của bạn.'
                      )}
                    </Typography>
                  )}
                </Section>
              </Grid.Item>
            </Grid.Root>
            <TransitionDialog
              transition={dialog}
              feedback={feedback}
              answer={answer}
              units={options.units}
              onClose={() => setDialog(null)}
              onMove={(input) => (dialog ? move(feedback, dialog, input) : Promise.resolve())}
              onProblem={onMoveProblem}
            />
          </>
        );
      }}
    </DetailShell>
  );
};

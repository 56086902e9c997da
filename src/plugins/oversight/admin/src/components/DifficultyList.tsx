import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Modal,
  Textarea,
  Typography,
  type ButtonProps,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import {
  isConflict,
  problemOf,
  taskRefOf,
  useApi,
  type Access,
  type Difficulty,
  type DifficultyTransition,
  type DifficultyTransitionRequest,
} from '../api';
import {
  allowedDifficultyTransitions,
  type DifficultyActor,
} from '../../../server/src/domain/difficulty-workflow';
import { tm, useT } from '../i18n';
import {
  DIFFICULTY_STATE_VARIANTS,
  DIFFICULTY_TRANSITION_DESCRIPTIONS,
  DIFFICULTY_TRANSITION_LABELS,
  difficultyStateLabel,
  isDifficultyState,
  type DifficultyState,
} from '../labels';
import { Empty, Fact, OtherErrors, shorten, useDates } from './common';
import { useOptions } from './OptionsContext';

/** The moves of a difficulty: the server's list when it gives one (its detail), else the workflow's for the user. */
const transitionsOf = (difficulty: Difficulty, access: Access): DifficultyTransition[] => {
  if (difficulty.allowedTransitions) return difficulty.allowedTransitions;
  if (!isDifficultyState(difficulty.state)) return [];
  const actors: DifficultyActor[] = [
    ...(access.canManage ? (['office'] as const) : []),
    ...(access.canEscalations ? (['director'] as const) : []),
  ];
  return allowedDifficultyTransitions(difficulty.state, actors).map((transition) => ({
    to: transition.to,
    needs: [...transition.needs],
  }));
};

const BUTTON_VARIANTS: Partial<Record<DifficultyState, ButtonProps['variant']>> = {
  resolved: 'success-light',
  escalated: 'danger-light',
  answered: 'default',
};

interface DialogState {
  difficulty: Difficulty;
  transition: DifficultyTransition;
}

/** Texts a move may carry, by field. */
type Texts = { resolution: string; answer: string; note: string };
const EMPTY: Texts = { resolution: '', answer: '', note: '' };

/** What a move asks for: the Office's resolution, the Director's answer, an optional note when escalating. */
const fieldsOf = (transition: DifficultyTransition): { key: keyof Texts; required: boolean }[] => {
  const needs = new Set(transition.needs);
  const fields: { key: keyof Texts; required: boolean }[] = [];
  if (needs.has('resolution') || transition.to === 'resolved')
    fields.push({ key: 'resolution', required: true });
  if (needs.has('answer') || transition.to === 'answered') fields.push({ key: 'answer', required: true });
  if (needs.has('note') || transition.to === 'escalated')
    fields.push({ key: 'note', required: needs.has('note') });
  return fields;
};

interface TransitionDialogProps {
  state: DialogState | null;
  onClose: () => void;
  onDone: (updated: Difficulty | null, conflict: boolean) => void;
}

const TransitionDialog = ({ state, onClose, onDone }: TransitionDialogProps) => {
  const t = useT();
  const api = useApi();
  const { locale } = useIntl();
  const [texts, setTexts] = React.useState<Texts>(EMPTY);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    setTexts(EMPTY);
    setErrors({});
  }, [state]);

  const fields = state ? fieldsOf(state.transition) : [];
  const labels: Record<keyof Texts, string> = {
    resolution: t('difficulty.resolution', 'Cách giải quyết'),
    answer: t('difficulty.directorAnswer', 'Ý kiến chỉ đạo của Giám đốc'),
    note: t('difficulty.escalationNote', 'Ý kiến của Văn phòng Sở (không bắt buộc)'),
  };

  const confirm = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!state || busy) return;
    const problems: Record<string, string> = {};
    for (const field of fields)
      if (field.required && !texts[field.key].trim())
        problems[field.key] = t('form.required', 'Vui lòng nhập nội dung.');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const request: DifficultyTransitionRequest = {
      to: state.transition.to,
      version: state.difficulty.version,
    };
    for (const field of fields) if (texts[field.key].trim()) request[field.key] = texts[field.key].trim();
    setBusy(true);
    try {
      const updated = await api.transitionDifficulty(state.difficulty.documentId, request);
      onDone(updated ?? null, false);
    } catch (error) {
      const problem = problemOf(error, locale);
      if (problem.aborted) return;
      if (isConflict(problem)) {
        onDone(null, true);
        return;
      }
      setErrors(Object.keys(problem.fields).length ? problem.fields : { '': problem.message });
    } finally {
      setBusy(false);
    }
  };

  const to = state?.transition.to;
  return (
    <Modal.Root open={state !== null} onOpenChange={(open) => !open && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={confirm} noValidate data-testid="difficulty-transition-dialog">
          <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
            <Modal.Title>{to ? tm(t, DIFFICULTY_TRANSITION_LABELS[to]) : ''}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {to && (
                <Typography textColor="neutral700">
                  {tm(t, DIFFICULTY_TRANSITION_DESCRIPTIONS[to])}
                </Typography>
              )}
              {state && (
                <Box padding={3} background="neutral100" hasRadius>
                  <Typography textColor="neutral800">{state.difficulty.what}</Typography>
                </Box>
              )}
              {fields.map((field) => (
                <Field.Root
                  key={field.key}
                  name={field.key}
                  error={errors[field.key]}
                  required={field.required}
                >
                  <Field.Label>{labels[field.key]}</Field.Label>
                  <Textarea
                    data-testid={`difficulty-transition-${field.key}`}
                    rows={6}
                    value={texts[field.key]}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                      const value = event.target.value;
                      setTexts((previous) => ({ ...previous, [field.key]: value }));
                      setErrors(({ [field.key]: _dropped, ...rest }) => rest);
                    }}
                  />
                  <Field.Error />
                </Field.Root>
              ))}
              <OtherErrors errors={errors} fields={fields.map((field) => field.key)} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onClose} disabled={busy}>
              {t('form.cancel', 'Hủy')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              variant={to === 'escalated' ? 'danger' : to === 'resolved' ? 'success' : 'default'}
              data-testid="difficulty-transition-confirm"
            >
              {t('dialog.confirm', 'Xác nhận')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

interface DifficultyListProps {
  difficulties: Difficulty[];
  /** Shows the moves this user may make. */
  actions?: boolean;
  showUnit?: boolean;
  /** After a move, or a conflict: the list reloads. */
  onChanged?: () => void;
  emptyText?: string;
}

/** Difficulties (khó khăn, vướng mắc) as cards: what, impact, proposal, the Office's and the Director's answers. */
export const DifficultyList = ({
  difficulties,
  actions = false,
  showUnit = true,
  onChanged,
  emptyText,
}: DifficultyListProps) => {
  const t = useT();
  const { access } = useOptions();
  const { instant } = useDates();
  const { toggleNotification } = useNotification();
  const [dialog, setDialog] = React.useState<DialogState | null>(null);

  const done = (_updated: Difficulty | null, conflict: boolean) => {
    const moved = dialog?.transition.to;
    setDialog(null);
    if (conflict) {
      toggleNotification({
        type: 'warning',
        message: t(
          'difficulty.conflict',
          'Người khác vừa thay đổi khó khăn, vướng mắc này; danh sách đã được tải lại với nội dung mới nhất.'
        ),
      });
    } else if (moved) {
      toggleNotification({
        type: 'success',
        message: t('difficulty.moved', 'Đã chuyển sang trạng thái “{state}”.', {
          state: difficultyStateLabel(t, moved),
        }),
      });
    }
    onChanged?.();
  };

  if (difficulties.length === 0)
    return (
      <Empty testId="difficulties-empty">
        {emptyText ?? t('difficulties.empty', 'Không có khó khăn, vướng mắc nào.')}
      </Empty>
    );

  return (
    <>
      <Flex direction="column" alignItems="stretch" gap={3} tag="ol" data-testid="difficulty-list">
        {difficulties.map((difficulty) => {
          const task = taskRefOf(difficulty.planTask);
          const moves = actions ? transitionsOf(difficulty, access) : [];
          return (
            <Box
              key={difficulty.documentId}
              tag="li"
              padding={4}
              hasRadius
              borderColor={difficulty.state === 'escalated' ? 'danger200' : 'neutral200'}
              background="neutral0"
              data-testid="difficulty-item"
              data-state={difficulty.state}
              data-document-id={difficulty.documentId}
            >
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Flex gap={2} wrap="wrap" justifyContent="space-between">
                  <Flex gap={2} wrap="wrap">
                    <Badge
                      variant={
                        isDifficultyState(difficulty.state)
                          ? DIFFICULTY_STATE_VARIANTS[difficulty.state]
                          : 'neutral'
                      }
                      data-testid="difficulty-state"
                      data-state={difficulty.state}
                    >
                      {difficultyStateLabel(t, difficulty.state)}
                    </Badge>
                    {showUnit && difficulty.unit && (
                      <Typography fontWeight="bold">{difficulty.unit.name}</Typography>
                    )}
                    {task && (
                      <Typography variant="pi" textColor="neutral700">
                        {t('difficulty.task', 'Nhiệm vụ {code}', {
                          code: task.code ?? task.documentId,
                        })}
                        {task.content ? `: ${shorten(task.content, 160)}` : ''}
                      </Typography>
                    )}
                  </Flex>
                  <Typography variant="pi" textColor="neutral600">
                    {t('difficulty.reported', '{name}, {date}', {
                      name: difficulty.reportedByName ?? '—',
                      date: instant(difficulty.reportedAt),
                    })}
                  </Typography>
                </Flex>
                <Grid.Root gap={4}>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Fact label={t('difficulty.what', 'Khó khăn, vướng mắc')}>{difficulty.what}</Fact>
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Fact label={t('difficulty.impact', 'Ảnh hưởng')}>{difficulty.impact || '—'}</Fact>
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Fact label={t('difficulty.proposal', 'Đề xuất, kiến nghị')}>
                      {difficulty.proposal || '—'}
                    </Fact>
                  </Grid.Item>
                </Grid.Root>
                {difficulty.resolution && (
                  <Box padding={3} background="success100" hasRadius data-testid="difficulty-resolution">
                    <Fact
                      label={t('difficulty.resolutionAt', 'Cách giải quyết ({date})', {
                        date: instant(difficulty.resolvedAt),
                      })}
                    >
                      {difficulty.resolution}
                    </Fact>
                  </Box>
                )}
                {(difficulty.escalationNote || difficulty.note) && (
                  <Box padding={3} background="warning100" hasRadius>
                    <Fact
                      label={t('difficulty.escalationNoteAt', 'Văn phòng báo cáo Giám đốc ({date})', {
                        date: instant(difficulty.escalatedAt),
                      })}
                    >
                      {difficulty.escalationNote || difficulty.note}
                    </Fact>
                  </Box>
                )}
                {difficulty.directorAnswer && (
                  <Box padding={3} background="primary100" hasRadius data-testid="difficulty-answer">
                    <Fact
                      label={t('difficulty.directorAnswerAt', 'Ý kiến chỉ đạo của Giám đốc ({date})', {
                        date: instant(difficulty.answeredAt),
                      })}
                    >
                      {difficulty.directorAnswer}
                    </Fact>
                  </Box>
                )}
                {moves.length > 0 && (
                  <Flex gap={2} justifyContent="flex-end">
                    {moves.map((transition) => (
                      <Button
                        key={transition.to}
                        size="S"
                        variant={BUTTON_VARIANTS[transition.to] ?? 'secondary'}
                        onClick={() => setDialog({ difficulty, transition })}
                        data-testid={`difficulty-transition-${transition.to}`}
                      >
                        {tm(
                          t,
                          DIFFICULTY_TRANSITION_LABELS[transition.to] ?? DIFFICULTY_TRANSITION_LABELS.open
                        )}
                      </Button>
                    ))}
                  </Flex>
                )}
              </Flex>
            </Box>
          );
        })}
      </Flex>
      <TransitionDialog state={dialog} onClose={() => setDialog(null)} onDone={done} />
    </>
  );
};

import * as React from 'react';
import { Badge, Box, Button, Flex, Typography, type ButtonProps } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { DataTable, FormDialog, type Column, type FieldErrors, TextField } from '#admin/shared/kit';
import {
  isConflict,
  taskRefOf,
  useApi,
  type Difficulty,
  type DifficultyTransition,
  type DifficultyTransitionRequest,
} from '../api';
import { msg, tm, useT, type Message } from '../i18n';
import {
  DIFFICULTY_STATE_VARIANTS,
  DIFFICULTY_TRANSITION_DESCRIPTIONS,
  DIFFICULTY_TRANSITION_LABELS,
  difficultyStateLabel,
  isDifficultyState,
  type DifficultyState,
} from '../labels';
import { Fact, PRE, shorten, useDates } from '#admin/shared/common';

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
  const [texts, setTexts] = React.useState<Texts>(EMPTY);

  // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
  React.useEffect(() => setTexts(EMPTY), [state]);

  const fields = state ? fieldsOf(state.transition) : [];
  const labels: Record<keyof Texts, string> = {
    resolution: t('difficulty.resolution', 'Cách giải quyết'),
    answer: t('difficulty.directorAnswer', 'Ý kiến chỉ đạo của Giám đốc'),
    note: t('difficulty.escalationNote', 'Ý kiến của Văn phòng Sở (không bắt buộc)'),
  };

  const validate = () => {
    const problems: FieldErrors = {};
    for (const field of fields)
      if (field.required && !texts[field.key].trim())
        problems[field.key] = t('form.required', 'Vui lòng nhập nội dung.');
    return problems;
  };

  const submit = async () => {
    if (!state) return;
    const request: DifficultyTransitionRequest = {
      to: state.transition.to,
      version: state.difficulty.version,
    };
    for (const field of fields) if (texts[field.key].trim()) request[field.key] = texts[field.key].trim();
    const updated = await api.transitionDifficulty(state.difficulty.documentId, request);
    onDone(updated ?? null, false);
  };

  const to = state?.transition.to;
  return (
    <FormDialog
      open={state !== null}
      title={to ? tm(t, DIFFICULTY_TRANSITION_LABELS[to]) : ''}
      onClose={onClose}
      validate={validate}
      onSubmit={submit}
      onProblem={(problem) => {
        if (!isConflict(problem)) return false;
        onDone(null, true);
        return true;
      }}
      submitLabel={t('dialog.confirm', 'Xác nhận')}
      submitVariant={to === 'escalated' ? 'danger' : to === 'resolved' ? 'success' : 'default'}
      fields={fields.map((field) => field.key)}
      testId="difficulty-transition-dialog"
    >
      {({ errors, clearError }) => (
        <>
          {to && (
            <Typography textColor="neutral700">{tm(t, DIFFICULTY_TRANSITION_DESCRIPTIONS[to])}</Typography>
          )}
          {state && (
            <Box padding={3} background="neutral100" hasRadius>
              <Typography textColor="neutral800">{state.difficulty.what}</Typography>
            </Box>
          )}
          {fields.map((field) => (
            <TextField
              key={field.key}
              name={field.key}
              error={errors[field.key]}
              required={field.required}
              label={labels[field.key]}
              testId={`difficulty-transition-${field.key}`}
              rows={6}
              value={texts[field.key]}
              onChange={(value) => {
                setTexts((previous) => ({ ...previous, [field.key]: value }));
                clearError(field.key);
              }}
              multiline
            />
          ))}
        </>
      )}
    </FormDialog>
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

  const columns: Column<Difficulty>[] = [
    {
      key: 'state',
      header: t('field.state', 'Trạng thái'),
      cell: (row) => (
        <Badge
          variant={isDifficultyState(row.state) ? DIFFICULTY_STATE_VARIANTS[row.state] : 'neutral'}
          data-testid="difficulty-state"
          data-state={row.state}
        >
          {difficultyStateLabel(t, row.state)}
        </Badge>
      ),
    },
    ...(showUnit
      ? [
          {
            key: 'unit',
            header: t('field.unit', 'Đơn vị'),
            cell: (row: Difficulty) => <Typography fontWeight="bold">{row.unit?.name ?? '—'}</Typography>,
          },
        ]
      : []),
    {
      key: 'what',
      header: t('difficulty.what', 'Khó khăn, vướng mắc'),
      minWidth: '240px',
      maxWidth: '420px',
      cell: (row) => {
        const task = taskRefOf(row.planTask);
        return (
          <Flex direction="column" alignItems="stretch" gap={2}>
            {task && (
              <Typography variant="pi" textColor="neutral700">
                {t('difficulty.task', 'Nhiệm vụ {code}', { code: task.code ?? task.documentId })}
                {task.content ? `: ${shorten(task.content, 120)}` : ''}
              </Typography>
            )}
            <Typography textColor="neutral800" style={PRE}>
              {row.what}
            </Typography>
            {row.impact && <Fact label={t('difficulty.impact', 'Ảnh hưởng')}>{row.impact}</Fact>}
            {row.proposal && (
              <Fact label={t('difficulty.proposal', 'Đề xuất, kiến nghị')}>{row.proposal}</Fact>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'answers',
      header: t('difficulty.answers', 'Giải quyết, chỉ đạo'),
      minWidth: '200px',
      maxWidth: '380px',
      cell: (row) => <Answers difficulty={row} />,
    },
    {
      key: 'reported',
      header: t('difficulty.reportedBy', 'Người báo cáo'),
      cell: (row) => (
        <Typography variant="pi" textColor="neutral600">
          {t('difficulty.reported', '{name}, {date}', {
            name: row.reportedByName ?? '—',
            date: instant(row.reportedAt),
          })}
        </Typography>
      ),
    },
  ];

  return (
    <>
      <DataTable
        rows={difficulties}
        columns={columns}
        rowKey={(row) => row.documentId}
        label={t('unit.difficulties', 'Khó khăn, vướng mắc')}
        empty={emptyText ?? t('difficulties.empty', 'Không có khó khăn, vướng mắc nào.')}
        rowData={(row) => ({ state: row.state, 'document-id': row.documentId })}
        testId="difficulty-list"
        rowTestId="difficulty-item"
        actions={
          actions
            ? (row) =>
                // The server sends the moves this user may make on every difficulty it returns.
                row.allowedTransitions.map((transition) => (
                  <Button
                    key={transition.to}
                    size="S"
                    variant={BUTTON_VARIANTS[transition.to] ?? 'secondary'}
                    onClick={() => setDialog({ difficulty: row, transition })}
                    data-testid={`difficulty-transition-${transition.to}`}
                  >
                    {tm(t, DIFFICULTY_TRANSITION_LABELS[transition.to] ?? DIFFICULTY_TRANSITION_LABELS.open)}
                  </Button>
                ))
            : undefined
        }
      />
      <TransitionDialog state={dialog} onClose={() => setDialog(null)} onDone={done} />
    </>
  );
};

const RESOLUTION_AT = msg('difficulty.resolutionAt', 'Cách giải quyết ({date})');
const ESCALATION_NOTE_AT = msg('difficulty.escalationNoteAt', 'Văn phòng báo cáo Giám đốc ({date})');
const DIRECTOR_ANSWER_AT = msg('difficulty.directorAnswerAt', 'Ý kiến chỉ đạo của Giám đốc ({date})');

/** One answer to a difficulty: its text, when it was given, its heading, its background, its test id. */
type Answer = [
  text: string | null | undefined,
  at: string | null,
  label: Message,
  tone: string,
  testId?: string,
];

/** What the Office and the Director answered: the resolution, the note of the escalation, the Director's answer. */
const Answers = ({ difficulty }: { difficulty: Difficulty }) => {
  const t = useT();
  const { instant } = useDates();
  const answers: Answer[] = [
    [difficulty.resolution, difficulty.resolvedAt, RESOLUTION_AT, 'success100', 'difficulty-resolution'],
    [difficulty.escalationNote || difficulty.note, difficulty.escalatedAt, ESCALATION_NOTE_AT, 'warning100'],
    [difficulty.directorAnswer, difficulty.answeredAt, DIRECTOR_ANSWER_AT, 'primary100', 'difficulty-answer'],
  ];
  const given = answers.filter(([text]) => text);
  if (given.length === 0) return <Typography textColor="neutral500">—</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {given.map(([text, at, label, tone, testId]) => (
        <Box key={label.id} padding={2} background={tone} hasRadius data-testid={testId}>
          <Fact label={tm(t, label, { date: instant(at) })}>{text}</Fact>
        </Box>
      ))}
    </Flex>
  );
};

import * as React from 'react';
import { SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { FormDialog, type FieldErrors, type FormState, FormField, TextField } from '#admin/shared/kit';
import { useApi, type DifficultyInput, type TaskRow, type UnitRef } from '../api';
import { useT } from '../i18n';
import { shorten } from '#admin/shared/common';
import { useTestIdRef } from '#admin/shared/testId';
import { UnitSelect } from '#admin/shared/UnitSelect';

interface DifficultyDialogProps {
  open: boolean;
  units: UnitRef[];
  /** The tasks to choose from; without them (the Office, any unit) the chosen unit's tasks of `year` are loaded. */
  tasks?: TaskRow[];
  year?: number;
  /** The Office records a difficulty it found (in a check, say) for a unit, rather than a unit reporting it. */
  recordedByOffice?: boolean;
  /** The task the dialog was opened from, preselected. */
  task?: TaskRow | null;
  onClose: () => void;
  onDone: () => void;
}

interface Values {
  unit: string;
  planTask: string;
  what: string;
  impact: string;
  proposal: string;
}

const FIELDS = ['unit', 'planTask', 'what', 'impact', 'proposal'];
/** The server's largest page of a unit's tasks. */
const MAX_TASKS = 100;

/** A unit reports a difficulty (khó khăn, vướng mắc) to the Office, about one of its tasks or in general. */
export const DifficultyDialog = ({
  open,
  units,
  tasks,
  year,
  recordedByOffice = false,
  task,
  onClose,
  onDone,
}: DifficultyDialogProps) => {
  const t = useT();
  const api = useApi();
  const { toggleNotification } = useNotification();
  const taskRef = useTestIdRef('difficulty-task');
  const [values, setValues] = React.useState<Values>({
    unit: '',
    planTask: '',
    what: '',
    impact: '',
    proposal: '',
  });

  React.useEffect(() => {
    if (!open) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setValues({
      unit: String(task?.unit?.id ?? units[0]?.id ?? ''),
      planTask: task?.documentId ?? '',
      what: '',
      impact: '',
      proposal: '',
    });
  }, [open, task, units]);

  const set = (key: keyof Values, value: string) => setValues((previous) => ({ ...previous, [key]: value }));

  const [loadedTasks, setLoadedTasks] = React.useState<TaskRow[]>([]);
  React.useEffect(() => {
    if (!open || tasks || !values.unit) return;
    let active = true;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setLoadedTasks([]);
    api
      .listTasks(values.unit, { year, pageSize: MAX_TASKS })
      .then((page) => active && setLoadedTasks(page.results))
      .catch(() => active && setLoadedTasks([]));
    return () => {
      active = false;
    };
  }, [api, open, tasks, values.unit, year]);

  const unitTasks = (tasks ?? loadedTasks).filter(
    (candidate) => !candidate.unit || String(candidate.unit.id) === values.unit
  );

  const validate = () => {
    const problems: FieldErrors = {};
    if (!values.unit) problems.unit = t('difficulty.unit.required', 'Vui lòng chọn đơn vị.');
    if (!values.what.trim()) problems.what = t('form.required', 'Vui lòng nhập nội dung.');
    return problems;
  };

  const submit = async () => {
    const input: DifficultyInput = { unit: Number(values.unit), what: values.what.trim() };
    if (values.planTask) input.planTask = values.planTask;
    if (values.impact.trim()) input.impact = values.impact.trim();
    if (values.proposal.trim()) input.proposal = values.proposal.trim();
    await api.reportDifficulty(input);
    toggleNotification({
      type: 'success',
      message: recordedByOffice
        ? t('difficulty.recordedDone', 'Đã ghi nhận khó khăn, vướng mắc của đơn vị.')
        : t('difficulty.reportedDone', 'Đã gửi khó khăn, vướng mắc tới Văn phòng Sở.'),
    });
    onDone();
  };

  const textArea = (
    { errors, clearError }: FormState,
    key: 'what' | 'impact' | 'proposal',
    label: string,
    required = false
  ) => (
    <TextField
      name={key}
      error={errors[key]}
      required={required}
      label={label}
      testId={`difficulty-${key}`}
      rows={4}
      value={values[key]}
      onChange={(value) => {
        set(key, value);
        clearError(key);
      }}
      multiline
    />
  );

  return (
    <FormDialog
      open={open}
      title={
        recordedByOffice
          ? t('difficulty.record', 'Ghi nhận khó khăn, vướng mắc của đơn vị')
          : t('difficulty.report', 'Báo cáo khó khăn, vướng mắc')
      }
      onClose={onClose}
      validate={validate}
      onSubmit={submit}
      submitLabel={
        recordedByOffice ? t('difficulty.recordSave', 'Ghi nhận') : t('difficulty.send', 'Gửi Văn phòng Sở')
      }
      fields={FIELDS}
      testId="difficulty-dialog"
    >
      {(form) => (
        <>
          <Typography textColor="neutral700">
            {t(
              'difficulty.report.description',
              'Văn phòng Sở xem xét, giải quyết hoặc báo cáo Giám đốc Sở cho ý kiến chỉ đạo.'
            )}
          </Typography>
          {units.length > 1 && (
            <UnitSelect
              units={units}
              value={values.unit}
              onChange={(value) => {
                set('unit', value);
                set('planTask', '');
              }}
              label={t('field.unit', 'Đơn vị')}
              error={form.errors.unit}
              testId="difficulty-unit"
            />
          )}
          <FormField
            name="planTask"
            error={form.errors.planTask}
            hint={t('difficulty.task.hint', 'Không bắt buộc: để trống nếu không gắn với nhiệm vụ cụ thể.')}
            label={t('field.planTask', 'Nhiệm vụ trong kế hoạch')}
          >
            <SingleSelect
              ref={taskRef}
              value={values.planTask || null}
              placeholder={t('difficulty.task.none', 'Không gắn với nhiệm vụ')}
              onChange={(value) => set('planTask', String(value))}
              onClear={() => set('planTask', '')}
              clearLabel={t('form.clear', 'Xóa lựa chọn')}
            >
              {unitTasks.map((candidate) => (
                <SingleSelectOption key={candidate.documentId} value={candidate.documentId}>
                  {`${candidate.code ?? ''} ${shorten(candidate.content, 80)}`.trim()}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </FormField>
          {textArea(form, 'what', t('difficulty.what', 'Khó khăn, vướng mắc'), true)}
          {textArea(form, 'impact', t('difficulty.impact', 'Ảnh hưởng'))}
          {textArea(form, 'proposal', t('difficulty.proposal', 'Đề xuất, kiến nghị'))}
        </>
      )}
    </FormDialog>
  );
};

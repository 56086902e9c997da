import * as React from 'react';
import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { problemOf, useApi, type DifficultyInput, type TaskRow, type UnitRef } from '../api';
import { useT } from '../i18n';
import { OtherErrors, shorten } from './common';
import { useTestIdRef } from './testId';

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
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const unitRef = useTestIdRef('difficulty-unit');
  const taskRef = useTestIdRef('difficulty-task');
  const [values, setValues] = React.useState<Values>({
    unit: '',
    planTask: '',
    what: '',
    impact: '',
    proposal: '',
  });
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    if (!open) return;
    setErrors({});
    setValues({
      unit: String(task?.unit?.id ?? units[0]?.id ?? ''),
      planTask: task?.documentId ?? '',
      what: '',
      impact: '',
      proposal: '',
    });
  }, [open, task, units]);

  const set = (key: keyof Values, value: string) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const [loadedTasks, setLoadedTasks] = React.useState<TaskRow[]>([]);
  React.useEffect(() => {
    if (!open || tasks || !values.unit) return;
    let active = true;
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

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: Record<string, string> = {};
    if (!values.unit) problems.unit = t('difficulty.unit.required', 'Vui lòng chọn đơn vị.');
    if (!values.what.trim()) problems.what = t('form.required', 'Vui lòng nhập nội dung.');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const input: DifficultyInput = { unit: Number(values.unit), what: values.what.trim() };
    if (values.planTask) input.planTask = values.planTask;
    if (values.impact.trim()) input.impact = values.impact.trim();
    if (values.proposal.trim()) input.proposal = values.proposal.trim();
    setBusy(true);
    try {
      await api.reportDifficulty(input);
      toggleNotification({
        type: 'success',
        message: recordedByOffice
          ? t('difficulty.recordedDone', 'Đã ghi nhận khó khăn, vướng mắc của đơn vị.')
          : t('difficulty.reportedDone', 'Đã gửi khó khăn, vướng mắc tới Văn phòng Sở.'),
      });
      onDone();
    } catch (error) {
      const problem = problemOf(error, locale);
      if (problem.aborted) return;
      setErrors(Object.keys(problem.fields).length ? problem.fields : { '': problem.message });
    } finally {
      setBusy(false);
    }
  };

  const textArea = (key: 'what' | 'impact' | 'proposal', label: string, required = false) => (
    <Field.Root name={key} error={errors[key]} required={required}>
      <Field.Label>{label}</Field.Label>
      <Textarea
        data-testid={`difficulty-${key}`}
        rows={4}
        value={values[key]}
        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => set(key, event.target.value)}
      />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={save} noValidate data-testid="difficulty-dialog">
          <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
            <Modal.Title>
              {recordedByOffice
                ? t('difficulty.record', 'Ghi nhận khó khăn, vướng mắc của đơn vị')
                : t('difficulty.report', 'Báo cáo khó khăn, vướng mắc')}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Typography textColor="neutral700">
                {t(
                  'difficulty.report.description',
                  'Văn phòng Sở xem xét, giải quyết hoặc báo cáo Giám đốc Sở cho ý kiến chỉ đạo.'
                )}
              </Typography>
              {units.length > 1 && (
                <Field.Root name="unit" error={errors.unit} required>
                  <Field.Label>{t('field.unit', 'Đơn vị')}</Field.Label>
                  <SingleSelect
                    ref={unitRef}
                    value={values.unit || null}
                    onChange={(value) => {
                      set('unit', String(value));
                      set('planTask', '');
                    }}
                  >
                    {units.map((unit) => (
                      <SingleSelectOption key={unit.id} value={String(unit.id)}>
                        {unit.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              )}
              <Field.Root
                name="planTask"
                error={errors.planTask}
                hint={t(
                  'difficulty.task.hint',
                  'Không bắt buộc: để trống nếu không gắn với nhiệm vụ cụ thể.'
                )}
              >
                <Field.Label>{t('field.planTask', 'Nhiệm vụ trong kế hoạch')}</Field.Label>
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
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              {textArea('what', t('difficulty.what', 'Khó khăn, vướng mắc'), true)}
              {textArea('impact', t('difficulty.impact', 'Ảnh hưởng'))}
              {textArea('proposal', t('difficulty.proposal', 'Đề xuất, kiến nghị'))}
              <OtherErrors errors={errors} fields={FIELDS} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onClose} disabled={busy}>
              {t('form.cancel', 'Hủy')}
            </Button>
            <Button type="submit" loading={busy} data-testid="difficulty-save">
              {recordedByOffice
                ? t('difficulty.recordSave', 'Ghi nhận')
                : t('difficulty.send', 'Gửi Văn phòng Sở')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

import * as React from 'react';
import {
  Box,
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
import { DateField, useInvalidDates } from '../../../../../admin/shared/DateField';
import { dayOf, problemOf, useApi, type Inspection, type InspectionInput, type UnitRef } from '../api';
import { useT } from '../i18n';
import { Empty, Fact, OtherErrors, useDates } from './common';
import { useTestIdRef } from './testId';

interface InspectionDialogProps {
  open: boolean;
  /** The unit checked, fixed; otherwise the dialog asks for one of `units`. */
  unit?: UnitRef | null;
  units: UnitRef[];
  onClose: () => void;
  onDone: () => void;
}

const FIELDS = ['unit', 'date', 'findings', 'followUps'];

/** The Office records a check (kiểm tra) of a unit: when, what it found, what must follow. */
export const InspectionDialog = ({ open, unit, units, onClose, onDone }: InspectionDialogProps) => {
  const t = useT();
  const api = useApi();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const unitRef = useTestIdRef('inspection-unit');
  const [unitId, setUnitId] = React.useState('');
  const [date, setDate] = React.useState('');
  const [findings, setFindings] = React.useState('');
  const [followUps, setFollowUps] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [busy, setBusy] = React.useState(false);
  const invalidDates = useInvalidDates();

  React.useEffect(() => {
    if (!open) return;
    setErrors({});
    setUnitId(unit ? String(unit.id) : '');
    setDate(dayOf(new Date()));
    setFindings('');
    setFollowUps('');
  }, [open, unit]);

  const clear = (key: string) => setErrors(({ [key]: _dropped, ...rest }) => rest);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // A date typed wrong shows its own error on the field.
    if (invalidDates.any) return;
    const problems: Record<string, string> = {};
    if (!unitId) problems.unit = t('inspection.unit.required', 'Vui lòng chọn đơn vị được kiểm tra.');
    if (!date) problems.date = t('inspection.date.required', 'Vui lòng chọn ngày kiểm tra.');
    if (!findings.trim()) problems.findings = t('form.required', 'Vui lòng nhập nội dung.');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const input: InspectionInput = { unit: Number(unitId), date, findings: findings.trim() };
    if (followUps.trim()) input.followUps = followUps.trim();
    setBusy(true);
    try {
      await api.recordInspection(input);
      toggleNotification({
        type: 'success',
        message: t('inspection.saved', 'Đã ghi nhận kết quả kiểm tra.'),
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

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && !busy && onClose()}>
      <Modal.Content>
        <form onSubmit={save} noValidate data-testid="inspection-dialog">
          <Modal.Header closeLabel={t('dialog.close', 'Đóng')}>
            <Modal.Title>
              {unit
                ? t('inspection.dialog.titleOf', 'Ghi nhận kiểm tra {unit}', { unit: unit.name })
                : t('inspection.record', 'Ghi nhận kiểm tra')}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {!unit && (
                <Field.Root name="unit" error={errors.unit} required>
                  <Field.Label>{t('field.unit', 'Đơn vị')}</Field.Label>
                  <SingleSelect
                    ref={unitRef}
                    value={unitId || null}
                    placeholder={t('inspection.unit.placeholder', 'Chọn đơn vị')}
                    onChange={(value) => {
                      setUnitId(String(value));
                      clear('unit');
                    }}
                  >
                    {units.map((candidate) => (
                      <SingleSelectOption key={candidate.id} value={String(candidate.id)}>
                        {candidate.name}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              )}
              <DateField
                t={t}
                name="date"
                label={t('inspection.date', 'Ngày kiểm tra')}
                required
                error={errors.date}
                testId="inspection-date"
                value={date}
                onChange={(day) => {
                  setDate(day ?? '');
                  clear('date');
                }}
                onInvalid={invalidDates.track('date')}
              />
              <Field.Root name="findings" error={errors.findings} required>
                <Field.Label>{t('inspection.findings', 'Kết quả kiểm tra')}</Field.Label>
                <Textarea
                  data-testid="inspection-findings"
                  rows={6}
                  value={findings}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                    setFindings(event.target.value);
                    clear('findings');
                  }}
                />
                <Field.Error />
              </Field.Root>
              <Field.Root name="followUps" error={errors.followUps}>
                <Field.Label>{t('inspection.followUps', 'Yêu cầu khắc phục, việc cần làm tiếp')}</Field.Label>
                <Textarea
                  data-testid="inspection-followUps"
                  rows={4}
                  value={followUps}
                  onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => {
                    setFollowUps(event.target.value);
                    clear('followUps');
                  }}
                />
                <Field.Error />
              </Field.Root>
              <OtherErrors errors={errors} fields={FIELDS} />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" variant="tertiary" onClick={onClose} disabled={busy}>
              {t('form.cancel', 'Hủy')}
            </Button>
            <Button type="submit" loading={busy} data-testid="inspection-save">
              {t('form.save', 'Lưu')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Checks of units, latest first. */
export const InspectionList = ({
  inspections,
  showUnit,
}: {
  inspections: Inspection[];
  showUnit?: boolean;
}) => {
  const t = useT();
  const { day } = useDates();
  if (inspections.length === 0)
    return <Empty testId="inspections-empty">{t('inspections.empty', 'Chưa có lần kiểm tra nào.')}</Empty>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} tag="ol" data-testid="inspection-list">
      {inspections.map((inspection) => (
        <Box
          key={inspection.documentId}
          tag="li"
          padding={4}
          hasRadius
          borderColor="neutral200"
          background="neutral0"
          data-testid="inspection-item"
        >
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Flex gap={2} wrap="wrap">
              <Typography fontWeight="bold">
                <time dateTime={inspection.date}>{day(inspection.date)}</time>
              </Typography>
              {showUnit && inspection.unit && <Typography>{inspection.unit.name}</Typography>}
              {inspection.inspectorName && (
                <Typography variant="pi" textColor="neutral600">
                  {inspection.inspectorName}
                </Typography>
              )}
            </Flex>
            <Fact label={t('inspection.findings', 'Kết quả kiểm tra')}>{inspection.findings}</Fact>
            {inspection.followUps && (
              <Fact label={t('inspection.followUps', 'Yêu cầu khắc phục, việc cần làm tiếp')}>
                {inspection.followUps}
              </Fact>
            )}
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};

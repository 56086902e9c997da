import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { DateField, useInvalidDates } from '#admin/shared/DateField';
import { DataTable, FormDialog, type Column, type FieldErrors, TextField } from '#admin/shared/kit';
import { dayOf, useApi, type Check, type CheckInput, type UnitRef } from '../api';
import { useT } from '../i18n';
import { PRE, useDates } from '#admin/shared/common';
import { UnitSelect } from '#admin/shared/UnitSelect';

interface CheckDialogProps {
  open: boolean;
  /** The unit checked, fixed; otherwise the dialog asks for one of `units`. */
  unit?: UnitRef | null;
  units: UnitRef[];
  onClose: () => void;
  onDone: () => void;
}

const FIELDS = ['unit', 'date', 'findings', 'followUps'];

/** The Office records a check (kiểm tra) of a unit: when, what it found, what must follow. */
export const CheckDialog = ({ open, unit, units, onClose, onDone }: CheckDialogProps) => {
  const t = useT();
  const api = useApi();
  const { toggleNotification } = useNotification();
  const [unitId, setUnitId] = React.useState('');
  const [date, setDate] = React.useState('');
  const [findings, setFindings] = React.useState('');
  const [followUps, setFollowUps] = React.useState('');
  const invalidDates = useInvalidDates();

  React.useEffect(() => {
    if (!open) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setUnitId(unit ? String(unit.id) : '');
    setDate(dayOf(new Date()));
    setFindings('');
    setFollowUps('');
  }, [open, unit]);

  const validate = () => {
    const problems: FieldErrors = {};
    if (!unitId) problems.unit = t('check.unit.required', 'Vui lòng chọn đơn vị được kiểm tra.');
    if (!date) problems.date = t('check.date.required', 'Vui lòng chọn ngày kiểm tra.');
    if (!findings.trim()) problems.findings = t('form.required', 'Vui lòng nhập nội dung.');
    return problems;
  };

  const submit = async () => {
    const input: CheckInput = { unit: Number(unitId), date, findings: findings.trim() };
    if (followUps.trim()) input.followUps = followUps.trim();
    await api.recordCheck(input);
    toggleNotification({ type: 'success', message: t('check.saved', 'Đã ghi nhận kết quả kiểm tra.') });
    onDone();
  };

  return (
    <FormDialog
      open={open}
      title={
        unit
          ? t('check.dialog.titleOf', 'Ghi nhận kiểm tra {unit}', { unit: unit.name })
          : t('check.record', 'Ghi nhận kiểm tra')
      }
      onClose={onClose}
      validate={validate}
      onSubmit={submit}
      blocked={invalidDates.any}
      submitLabel={t('form.save', 'Lưu')}
      fields={FIELDS}
      testId="check-dialog"
    >
      {({ errors, clearError }) => (
        <>
          {!unit && (
            <UnitSelect
              units={units}
              value={unitId}
              onChange={(value) => {
                setUnitId(value);
                clearError('unit');
              }}
              label={t('field.unit', 'Đơn vị')}
              error={errors.unit}
              placeholder={t('check.unit.placeholder', 'Chọn đơn vị')}
              testId="check-unit"
            />
          )}
          <DateField
            t={t}
            name="date"
            label={t('check.date', 'Ngày kiểm tra')}
            required
            error={errors.date}
            testId="check-date"
            value={date}
            onChange={(day) => {
              setDate(day ?? '');
              clearError('date');
            }}
            onInvalid={invalidDates.track('date')}
          />
          {(
            [
              ['findings', t('check.findings', 'Kết quả kiểm tra'), findings, setFindings, 6, true],
              [
                'followUps',
                t('check.followUps', 'Yêu cầu khắc phục, việc cần làm tiếp'),
                followUps,
                setFollowUps,
                4,
                false,
              ],
            ] as const
          ).map(([name, label, value, set, rows, required]) => (
            <TextField
              key={name}
              name={name}
              error={errors[name]}
              required={required}
              label={label}
              testId={`check-${name}`}
              rows={rows}
              value={value}
              onChange={(value) => {
                set(value);
                clearError(name);
              }}
              multiline
            />
          ))}
        </>
      )}
    </FormDialog>
  );
};

/** Checks of units, latest first, as the kit's table. */
export const CheckList = ({ checks, showUnit }: { checks: Check[]; showUnit?: boolean }) => {
  const t = useT();
  const { day } = useDates();
  const columns: Column<Check>[] = [
    {
      key: 'date',
      header: t('check.date', 'Ngày kiểm tra'),
      cell: (row) => (
        <Typography fontWeight="bold">
          <time dateTime={row.date}>{day(row.date)}</time>
        </Typography>
      ),
    },
    ...(showUnit
      ? [
          {
            key: 'unit',
            header: t('field.unit', 'Đơn vị'),
            cell: (row: Check) => <Typography>{row.unit?.name ?? '—'}</Typography>,
          },
        ]
      : []),
    {
      key: 'findings',
      header: t('check.findings', 'Kết quả kiểm tra'),
      minWidth: '240px',
      maxWidth: '480px',
      cell: (row) => <Typography style={PRE}>{row.findings}</Typography>,
    },
    {
      key: 'followUps',
      header: t('check.followUps', 'Yêu cầu khắc phục, việc cần làm tiếp'),
      minWidth: '200px',
      maxWidth: '400px',
      cell: (row) => <Typography style={PRE}>{row.followUps || '—'}</Typography>,
    },
    {
      key: 'inspector',
      header: t('check.inspector', 'Người ghi nhận'),
      cell: (row) => <Typography textColor="neutral600">{row.inspectorName ?? '—'}</Typography>,
    },
  ];
  return (
    <DataTable
      rows={checks}
      columns={columns}
      rowKey={(row) => row.documentId}
      label={t('unit.checks', 'Kiểm tra')}
      empty={t('checks.empty', 'Chưa có lần kiểm tra nào.')}
      testId="check-list"
      rowTestId="check-item"
    />
  );
};

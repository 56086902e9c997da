import * as React from 'react';
import { numberOnly } from '#annual-report/domain/document-format';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useApi, type Narrative, type Report } from '../api';
import { useT, type Translate } from '../i18n';
import { Section } from '#admin/shared/Section';
import { Fact, OtherErrors, useProblemOf } from '#admin/shared/common';
import { TextField } from '#admin/shared/kit';

export const SECTIONS = [
  'results',
  'limitations',
  'difficulties',
  'proposals',
] as const satisfies readonly (keyof Narrative)[];

export const sectionLabel = (t: Translate, section: keyof Narrative) =>
  ({
    results: t('narrative.results', 'Kết quả'),
    limitations: t('narrative.limitations', 'Hạn chế và nguyên nhân'),
    difficulties: t('narrative.difficulties', 'Khó khăn, vướng mắc'),
    proposals: t('narrative.proposals', 'Đề xuất, kiến nghị'),
  })[section];

const EMPTY: Narrative = { results: '', limitations: '', difficulties: '', proposals: '' };

interface Values extends Narrative {
  number: string;
  recipients: string;
}

const valuesOf = (report: Report): Values => ({
  ...EMPTY,
  ...(report.narrative ?? {}),
  // A number stored with its symbol ("125/BC-STNMT") is edited as the number only; the API takes no other.
  number: numberOnly(report.number) ?? '',
  recipients: report.recipients ?? '',
});

interface NarrativeEditorProps {
  report: Report;
  /** Editable: a draft, with manage. */
  editable: boolean;
  onSaved: (report: Report) => void;
  /** Reloads the report after a conflict. */
  onReload: () => void;
  /** Tells the page whether there are unsaved changes. */
  onDirtyChange?: (dirty: boolean) => void;
}

/** The narrative sections, the report's number and its recipients; read-only once issued. */
export const NarrativeEditor = ({
  report,
  editable,
  onSaved,
  onReload,
  onDirtyChange,
}: NarrativeEditorProps) => {
  const t = useT();
  const api = useApi();
  const readProblem = useProblemOf();
  const { toggleNotification } = useNotification();
  const [values, setValues] = React.useState<Values>(() => valuesOf(report));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [conflict, setConflict] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [dirty, setDirty] = React.useState(false);

  // A new version of the report (saved, recomputed, reloaded) resets the form.
  React.useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setValues(valuesOf(report));
    setErrors({});
    setConflict(false);
    setDirty(false);
  }, [report]);

  React.useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const set = (name: keyof Values, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setDirty(true);
    const path = name === 'number' || name === 'recipients' ? name : `narrative.${name}`;
    setErrors(({ [path]: _dropped, ...rest }) => rest);
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const { number, recipients, ...narrative } = values;
    setBusy(true);
    try {
      const saved = await api.saveNarrative(report.documentId, {
        narrative,
        number: number.trim(),
        recipients: recipients
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .join('\n'),
        version: report.version,
      });
      toggleNotification({ type: 'success', message: t('narrative.saved', 'Đã lưu nội dung báo cáo.') });
      onSaved(saved);
    } catch (error) {
      const problem = readProblem(error, () => setConflict(true));
      if (!problem) return;
      setErrors(Object.keys(problem.fields).length ? problem.fields : { '': problem.message });
    } finally {
      setBusy(false);
    }
  };

  const title = t('narrative.title', 'Nội dung báo cáo');

  if (!editable) {
    return (
      <Section title={title} testId="narrative">
        <Flex direction="column" alignItems="stretch" gap={4} data-testid="narrative-readonly">
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12}>
              <Fact label={t('field.number', 'Số báo cáo')}>{report.number || '—'}</Fact>
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <Fact label={t('field.recipients', 'Nơi nhận')}>{report.recipients || '—'}</Fact>
            </Grid.Item>
          </Grid.Root>
          {SECTIONS.map((section) => (
            <Fact key={section} label={sectionLabel(t, section)}>
              <span data-testid={`narrative-text-${section}`}>{report.narrative?.[section] || '—'}</span>
            </Fact>
          ))}
        </Flex>
      </Section>
    );
  }

  const fieldPaths = [
    ...SECTIONS.map((section) => `narrative.${section}`),
    'number',
    'recipients',
    'narrative',
  ];

  return (
    <Section
      title={title}
      testId="narrative"
      action={
        <Button
          type="submit"
          form="narrative-form"
          startIcon={<Check />}
          loading={busy}
          disabled={!dirty}
          data-testid="narrative-save"
        >
          {t('narrative.save', 'Lưu')}
        </Button>
      }
    >
      <form id="narrative-form" onSubmit={save} noValidate data-testid="narrative-form">
        <Flex direction="column" alignItems="stretch" gap={4}>
          {conflict && (
            <Box role="alert" padding={4} background="warning100" hasRadius data-testid="narrative-conflict">
              <Flex gap={4} justifyContent="space-between">
                <Typography textColor="warning700">
                  {t(
                    'narrative.conflict',
                    'Báo cáo vừa được người khác thay đổi. Hãy tải lại bản mới nhất (nội dung chưa lưu sẽ mất) rồi sửa lại.'
                  )}
                </Typography>
                <Button variant="secondary" onClick={onReload} data-testid="narrative-reload">
                  {t('narrative.reload', 'Tải lại')}
                </Button>
              </Flex>
            </Box>
          )}
          <Grid.Root gap={4}>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <TextField
                name="number"
                error={errors.number}
                hint={t(
                  'field.numberHint',
                  'Chỉ nhập số, ví dụ: 125. Ký hiệu "/BC-…" được ghi tự động theo thông tin cơ quan của kỳ báo cáo.'
                )}
                label={t('field.number', 'Số báo cáo')}
                testId="narrative-number"
                value={values.number}
                inputMode="numeric"
                maxLength={20}
                onChange={(value) => set('number', value)}
              />
            </Grid.Item>
            <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
              <TextField
                name="recipients"
                error={errors.recipients}
                hint={t('field.recipientsHint', 'Mỗi dòng một nơi nhận.')}
                label={t('field.recipients', 'Nơi nhận')}
                testId="narrative-recipients"
                rows={4}
                value={values.recipients}
                onChange={(value) => set('recipients', value)}
                multiline
              />
            </Grid.Item>
          </Grid.Root>
          {SECTIONS.map((section) => (
            <TextField
              key={section}
              name={section}
              error={errors[`narrative.${section}`]}
              label={sectionLabel(t, section)}
              testId={`narrative-${section}`}
              rows={section === 'results' ? 10 : 5}
              value={values[section]}
              onChange={(value) => set(section, value)}
              multiline
            />
          ))}
          <OtherErrors errors={errors} fields={fieldPaths.filter((path) => path !== 'narrative')} />
        </Flex>
      </form>
    </Section>
  );
};

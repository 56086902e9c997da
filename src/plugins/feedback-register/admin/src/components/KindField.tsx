import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { kindLabel } from '../api';
import { useT } from '../i18n';
import { useOptions } from './OptionsContext';
import { useTestIdRef } from './testId';

interface KindFieldProps {
  value: string;
  onChange: (kind: string) => void;
  error?: string;
  id?: string;
  testId: string;
}

/** The kind of a feedback (Decree 20/2008 Art. 5), chosen at registration and corrected at classification. */
export const KindField = ({ value, onChange, error, id, testId }: KindFieldProps) => {
  const t = useT();
  const { kinds } = useOptions();
  const { locale } = useIntl();
  const ref = useTestIdRef(testId);
  return (
    <Field.Root name="kind" id={id} error={error} required>
      <Field.Label>{t('field.kind', 'Loại phản ánh, kiến nghị')}</Field.Label>
      <SingleSelect
        ref={ref}
        value={value || null}
        placeholder={t('form.kind.placeholder', 'Chọn loại phản ánh, kiến nghị')}
        onChange={(kind) => onChange(String(kind))}
      >
        {kinds.map((kind) => (
          <SingleSelectOption key={kind.value} value={kind.value}>
            {kindLabel(kinds, kind.value, locale)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );
};

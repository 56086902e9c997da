import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { kindLabel } from '../api';
import { useT } from '../i18n';
import { channelLabel, type Channel } from '../labels';
import { useOptions } from './OptionsContext';
import { useTestIdRef } from '#admin/shared/testId';
import { FormField } from '#admin/shared/kit';
import { CodeSelect } from '#admin/shared/CodeSelect';

interface ChoiceFieldProps<V extends string> {
  value: V;
  onChange: (value: V) => void;
  error?: string;
  id?: string;
  testId: string;
}

/** The kind of a feedback (Decree 20/2008 Art. 5), chosen at registration and corrected at classification. */
export const KindField = ({ value, onChange, error, id, testId }: ChoiceFieldProps<string>) => {
  const t = useT();
  const { kinds } = useOptions();
  const { locale } = useIntl();
  const ref = useTestIdRef(testId);
  return (
    <FormField name="kind" id={id} error={error} required label={t('field.kind', 'Loại phản ánh, kiến nghị')}>
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
    </FormField>
  );
};

/** The channel a feedback came through: the Office's own at registration, any of them when correcting it. */
export function ChannelField<C extends Channel>({
  channels,
  ...props
}: ChoiceFieldProps<C> & { channels: readonly C[] }) {
  const t = useT();
  return (
    <CodeSelect
      name="channel"
      required
      label={t('field.channel', 'Kênh tiếp nhận')}
      codes={channels}
      labelOf={(channel) => channelLabel(t, channel)}
      {...props}
    />
  );
}

import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, useNavigate } from 'react-router-dom';
import { PLUGIN_ID } from '#feedback-register/permissions';
import { problemOf, useApi, type Registration } from '../api';
import { ChannelField, KindField } from '../components/ChoiceFields';
import { useOptions } from '../components/OptionsContext';
import { OtherErrors } from '#admin/shared/common';
import { DateTimeField, useInvalidDates } from '#admin/shared/DateField';
import { Section } from '#admin/shared/Section';
import { useT } from '../i18n';
import { REGISTERED_CHANNELS, type RegisteredChannel } from '../labels';
import { TextField, PageShell } from '#admin/shared/kit';

interface Values {
  channel: RegisteredChannel;
  receivedAt: Date | null;
  fullName: string;
  address: string;
  phone: string;
  email: string;
  kind: string;
  subject: string;
  content: string;
  publishAnswer: boolean;
}

const emptyValues = (): Values => ({
  channel: 'phone',
  receivedAt: new Date(),
  fullName: '',
  address: '',
  phone: '',
  email: '',
  kind: '',
  subject: '',
  content: '',
  publishAnswer: false,
});

/** The form's fields, by the server's error path. */
const FIELDS = [
  'channel',
  'receivedAt',
  'fullName',
  'address',
  'phone',
  'email',
  'kind',
  'subject',
  'content',
  'consent.publishAnswer',
] as const;

/** A heading across the form, over the fields of one part. */
const FormHeading = ({ children }: { children: React.ReactNode }) => (
  <Grid.Item col={12} direction="column" alignItems="stretch">
    <Typography variant="delta" tag="h2">
      {children}
    </Typography>
  </Grid.Item>
);

interface Created {
  documentId: string;
  trackingCode: string;
}

/** The Office registers a feedback received by phone, on paper or by e-mail; the citizen gets its tracking code. */
export const NewPage = () => {
  const t = useT();
  const api = useApi();
  const options = useOptions();
  const navigate = useNavigate();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const formId = React.useId();
  const [values, setValues] = React.useState<Values>(emptyValues);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [saving, setSaving] = React.useState(false);
  const [created, setCreated] = React.useState<Created | null>(null);
  const invalidDates = useInvalidDates();
  // Feedback cannot be received in the future: the calendar stops at today.
  const now = React.useMemo(() => new Date(), []);

  if (!options.access.canHandle) return <Page.NoPermissions />;

  const set = <K extends keyof Values>(key: K, value: Values[K], path: string = key) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [path]: _dropped, ...rest }) => rest);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    // A date or time typed wrong shows its own error on the field.
    if (invalidDates.any) return;
    if (!values.receivedAt) {
      setErrors({ receivedAt: t('form.receivedAt.required', 'Vui lòng nhập thời điểm tiếp nhận.') });
      return;
    }
    const data: Registration = {
      channel: values.channel,
      receivedAt: values.receivedAt.toISOString(),
      fullName: values.fullName.trim(),
      address: values.address.trim(),
      ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
      ...(values.email.trim() ? { email: values.email.trim() } : {}),
      kind: values.kind,
      subject: values.subject.trim(),
      content: values.content,
      consent: { publishAnswer: values.publishAnswer },
    };
    setSaving(true);
    setErrors({});
    try {
      const result = await api.register(data);
      setCreated(result);
      toggleNotification({
        type: 'success',
        message: t('new.saved', 'Đã ghi nhận phản ánh, kiến nghị vào sổ.'),
      });
    } catch (error) {
      const problem = problemOf(error, locale);
      if (problem.aborted) return;
      if (Object.keys(problem.fields).length) {
        setErrors(problem.fields);
        toggleNotification({
          type: 'warning',
          message: t('form.invalid', 'Vui lòng kiểm tra lại các trường được đánh dấu.'),
        });
      } else {
        toggleNotification({ type: 'danger', message: problem.message });
      }
    } finally {
      setSaving(false);
    }
  };

  const again = () => {
    setCreated(null);
    setErrors({});
    setValues(emptyValues());
  };

  const text = (
    key: 'fullName' | 'address' | 'phone' | 'email' | 'subject',
    label: string,
    { required = false, maxLength = 255, type = 'text' as 'text' | 'email' | 'tel' } = {}
  ) => (
    <TextField
      name={key}
      id={`${formId}-${key}`}
      error={errors[key]}
      required={required}
      label={label}
      testId={`field-${key}`}
      type={type}
      value={values[key]}
      maxLength={maxLength}
      onChange={(value) => set(key, value)}
    />
  );

  const title = t('new.title', 'Ghi nhận phản ánh, kiến nghị');
  const listPath = `/plugins/${PLUGIN_ID}`;

  return (
    <PageShell
      backTo={listPath}
      title={title}
      subtitle={t(
        'new.subtitle',
        'Phản ánh, kiến nghị nhận qua điện thoại, văn bản giấy hoặc thư điện tử được ghi vào sổ như phản ánh gửi qua Cổng thông tin.'
      )}
    >
      {created ? (
        <Section title={t('new.created.title', 'Đã ghi nhận vào sổ')} testId="registration-result">
          <Typography textColor="neutral700">
            {t(
              'new.created.note',
              'Thông báo mã tra cứu này cho người phản ánh để tra cứu tình trạng xử lý trên Cổng thông tin.'
            )}
          </Typography>
          <Box padding={6} background="success100" hasRadius borderColor="success200">
            <Flex direction="column" alignItems="flex-start" gap={2}>
              <Typography variant="sigma" textColor="success700">
                {t('field.trackingCode', 'Mã tra cứu')}
              </Typography>
              <Typography
                variant="alpha"
                tag="p"
                data-testid="registration-tracking-code"
                style={{ fontFamily: 'monospace', letterSpacing: '0.05em', userSelect: 'all' }}
              >
                {created.trackingCode}
              </Typography>
            </Flex>
          </Box>
          <Flex gap={2}>
            <LinkButton
              tag={NavLink}
              to={`${listPath}/feedbacks/${created.documentId}`}
              data-testid="registration-open"
            >
              {t('new.created.open', 'Mở phản ánh, kiến nghị')}
            </LinkButton>
            <Button variant="secondary" onClick={again}>
              {t('new.created.again', 'Ghi nhận phản ánh khác')}
            </Button>
          </Flex>
        </Section>
      ) : (
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={7}>
          <form onSubmit={submit} noValidate aria-label={title}>
            <Flex direction="column" alignItems="stretch" gap={6}>
              <OtherErrors errors={errors} fields={[...FIELDS]} />
              <Grid.Root gap={5}>
                <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                  <ChannelField
                    value={values.channel}
                    onChange={(channel) => set('channel', channel)}
                    channels={REGISTERED_CHANNELS}
                    error={errors.channel}
                    id={`${formId}-channel`}
                    testId="field-channel"
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                  <DateTimeField
                    t={t}
                    name="receivedAt"
                    id={`${formId}-receivedAt`}
                    label={t('field.receivedAt', 'Ngày tiếp nhận')}
                    required
                    error={errors.receivedAt}
                    testId="field-receivedAt"
                    value={values.receivedAt}
                    max={now}
                    onChange={(date) => set('receivedAt', date)}
                    onInvalid={invalidDates.track('receivedAt')}
                  />
                </Grid.Item>

                <FormHeading>{t('detail.submitter', 'Người phản ánh, kiến nghị')}</FormHeading>
                <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                  {text('fullName', t('field.fullName', 'Họ và tên'), { required: true, maxLength: 100 })}
                </Grid.Item>
                <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                  {text('address', t('field.address', 'Địa chỉ'), { required: true })}
                </Grid.Item>
                <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                  {text('phone', t('field.phone', 'Số điện thoại'), { maxLength: 20, type: 'tel' })}
                </Grid.Item>
                <Grid.Item col={6} s={12} xs={12} direction="column" alignItems="stretch">
                  {text('email', t('field.email', 'Thư điện tử'), { maxLength: 254, type: 'email' })}
                </Grid.Item>

                <FormHeading>{t('detail.content', 'Nội dung phản ánh, kiến nghị')}</FormHeading>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <KindField
                    value={values.kind}
                    onChange={(kind) => set('kind', kind)}
                    error={errors.kind}
                    id={`${formId}-kind`}
                    testId="field-kind"
                  />
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  {text('subject', t('field.subject', 'Tiêu đề'), { required: true })}
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <TextField
                    name="content"
                    id={`${formId}-content`}
                    error={errors.content}
                    required
                    label={t('field.content', 'Nội dung')}
                    testId="field-content"
                    value={values.content}
                    rows={10}
                    maxLength={10000}
                    onChange={(value) => set('content', value)}
                    multiline
                  />
                </Grid.Item>
                <Grid.Item col={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name="consent.publishAnswer"
                    id={`${formId}-publishAnswer`}
                    error={errors['consent.publishAnswer']}
                    hint={t(
                      'form.publishAnswer.hint',
                      'Nội dung trả lời chỉ được công khai trên Cổng thông tin khi người phản ánh đồng ý; thông tin cá nhân không được công khai.'
                    )}
                  >
                    <Checkbox
                      checked={values.publishAnswer}
                      onCheckedChange={(checked) =>
                        set('publishAnswer', checked === true, 'consent.publishAnswer')
                      }
                      data-testid="field-publishAnswer"
                    >
                      {t('field.publishAnswer', 'Người phản ánh đồng ý công khai nội dung trả lời')}
                    </Checkbox>
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
              <Flex gap={2} justifyContent="flex-end">
                <Button type="button" variant="tertiary" onClick={() => navigate(listPath)} disabled={saving}>
                  {t('form.cancel', 'Hủy')}
                </Button>
                <Button type="submit" loading={saving} data-testid="registration-save">
                  {t('new.save', 'Ghi vào sổ')}
                </Button>
              </Flex>
            </Flex>
          </form>
        </Box>
      )}
    </PageShell>
  );
};

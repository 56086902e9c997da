import * as React from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { WIDGET_NAMES, WIDGETS, type WidgetName } from '#widgets/domain/catalogue';
import type { ThemeKey } from '#widgets/domain/theme';
import { ACTIONS } from '#widgets/permissions';
import { OtherErrors, PageLoading, useLoader, useProblemOf } from '#admin/shared/common';
import { PageShell } from '#admin/shared/kit';
import { useApi, type SettingsView } from '../api';
import { OriginsSection } from '../components/OriginsSection';
import { PreviewSection } from '../components/PreviewSection';
import { SnippetsSection } from '../components/SnippetsSection';
import { ThemeSection } from '../components/ThemeSection';
import {
  cmsOrigin,
  embedUrl,
  formErrors,
  formFields,
  inputOf,
  previewTheme,
  valuesOf,
  type FormValues,
  type Lang,
  type OriginRow,
} from '../form';
import { useT } from '../i18n';

const PERMISSIONS = [{ action: ACTIONS.manage, subject: null }];
const FORM_ID = 'widget-settings-form';

const SettingsForm = () => {
  const t = useT();
  const api = useApi();
  const { locale } = useIntl();
  const readProblem = useProblemOf();
  const { toggleNotification } = useNotification();
  const loaded = useLoader(() => api.getSettings(), [api]);
  const [view, setView] = React.useState<SettingsView | null>(null);
  const [values, setValues] = React.useState<FormValues | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [dirty, setDirty] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [widget, setWidget] = React.useState<WidgetName>(WIDGET_NAMES[0]);
  const [lang, setLang] = React.useState<Lang>(locale.startsWith('en') ? 'en' : 'vi');

  // The first load, and a reload, set the form; a save sets it from the answer.
  React.useEffect(() => {
    if (!loaded.data) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- syncs state from its input; moving it changes render timing
    setView(loaded.data);
    setValues(valuesOf(loaded.data));
    setErrors({});
    setDirty(false);
  }, [loaded.data]);

  const origin = React.useMemo(() => cmsOrigin(), []);
  const title = t('settings.title', 'Nhúng vào website');

  if (!view || !values) return <PageLoading failed={loaded.failed} t={t} />;

  const clearError = (field: string) => setErrors(({ [field]: _dropped, ...rest }) => rest);
  const setOrigins = (origins: OriginRow[]) => {
    setValues({ ...values, origins });
    setDirty(true);
  };
  const setTheme = (key: ThemeKey, value: string) => {
    setValues({ ...values, theme: { ...values.theme, [key]: value } });
    clearError(`theme.${key}`);
    setDirty(true);
  };
  const restoreDefaults = () => {
    setValues({ ...values, theme: { primary: '', text: '', background: '', font: '', radius: '' } });
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith('theme')))
    );
    setDirty(true);
    toggleNotification({
      type: 'info',
      message: t('theme.restored', 'Đã đặt lại giao diện mặc định; bấm Lưu để áp dụng cho các website.'),
    });
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const { input, sentRows } = inputOf(values);
    setSaving(true);
    try {
      const saved = await api.saveSettings(input);
      setView(saved);
      setValues(valuesOf(saved));
      setErrors({});
      setDirty(false);
      toggleNotification({
        type: 'success',
        message: t('settings.saved', 'Đã lưu cài đặt nhúng vào website.'),
      });
    } catch (error) {
      const problem = readProblem(error);
      if (!problem) return;
      const fields = formErrors(problem.fields, sentRows);
      const invalid = Object.keys(fields).length > 0;
      setErrors(invalid ? fields : {});
      toggleNotification({
        type: 'danger',
        message: invalid
          ? t('settings.invalid', 'Chưa lưu được: hãy sửa các ô được báo lỗi.')
          : problem.message,
      });
    } finally {
      setSaving(false);
    }
  };

  const widgets = WIDGET_NAMES.map((name) => ({
    name,
    title: view.widgets[name]?.title[locale.startsWith('en') ? 'en' : 'vi'] ?? WIDGETS[name].title.vi,
  }));
  const src = embedUrl(origin, widget, { lang, theme: previewTheme(values.theme, view.theme) });

  return (
    <PageShell
      title={title}
      subtitle={t(
        'settings.subtitle',
        'Các tiện ích tra cứu thủ tục, phản ánh, kiến nghị và đánh giá sự hài lòng mà website của Sở nhúng vào: website nào được dùng, giao diện, bản xem trước và mã để dán.'
      )}
      primaryAction={
        <Button
          type="submit"
          form={FORM_ID}
          startIcon={<Check />}
          loading={saving}
          disabled={!dirty}
          data-testid="settings-save"
        >
          {t('settings.save', 'Lưu')}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <form id={FORM_ID} onSubmit={save} noValidate data-testid="settings-form" data-dirty={dirty}>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <OtherErrors errors={errors} fields={formFields(values)} />
            <OriginsSection
              rows={values.origins}
              onChange={setOrigins}
              errors={errors}
              clearError={clearError}
              environmentOrigins={view.environmentOrigins}
            />
            <ThemeSection
              theme={values.theme}
              onChange={setTheme}
              onRestore={restoreDefaults}
              errors={errors}
            />
          </Flex>
        </form>
        <PreviewSection
          widgets={widgets}
          widget={widget}
          onWidget={setWidget}
          lang={lang}
          onLang={setLang}
          src={src}
          frameTitle={t('preview.frameTitle', 'Xem trước: {title}', { title: WIDGETS[widget].title[lang] })}
        />
        <SnippetsSection widget={widget} lang={lang} origin={origin} />
      </Flex>
    </PageShell>
  );
};

/** Settings › Website widgets: the allowed websites, the theme, a live preview and the code to paste. */
const SettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS}>
    <SettingsForm />
  </Page.Protect>
);

export default SettingsPage;

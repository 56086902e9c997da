import * as React from 'react';
import { Page, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { problemOf, useApi, type Options } from '../api';
import { useT } from '../i18n';

interface OptionsContextValue {
  options: Options;
}

const OptionsContext = React.createContext<OptionsContextValue | null>(null);

/** Loads what the oversight offers this user (/options: access, units, years) once for the plugin's pages. */
export const OptionsProvider = ({ children }: { children: React.ReactNode }) => {
  const api = useApi();
  const t = useT();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const [options, setOptions] = React.useState<Options | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let active = true;
    api.getOptions().then(
      (loaded) => active && setOptions(loaded),
      (error: unknown) => {
        const problem = problemOf(error, locale);
        if (!active || problem.aborted) return;
        setFailed(true);
        toggleNotification({ type: 'danger', message: problem.message });
      }
    );
    return () => {
      active = false;
    };
  }, [api, locale, toggleNotification]);

  const value = React.useMemo(() => (options ? { options } : null), [options]);

  if (failed) return <Page.Error />;
  if (!value) return <Page.Loading>{t('loading', 'Đang tải…')}</Page.Loading>;
  return <OptionsContext.Provider value={value}>{children}</OptionsContext.Provider>;
};

export const useOptions = (): Options => {
  const context = React.useContext(OptionsContext);
  if (!context) throw new Error('useOptions must be used inside <OptionsProvider>');
  return context.options;
};

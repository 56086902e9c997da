import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { problemOf, saveFile, type Download } from './api';

/**
 * Downloads through the admin API, handed to the browser: `busy` names the one under way (null: none); a failure
 * other than an abort is notified with `failed(status)`.
 */
export function useDownload() {
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState<string | null>(null);

  const download = async (
    key: string,
    fetch: () => Promise<Download>,
    fallbackName: string,
    failed: (status: number | string) => string
  ) => {
    setBusy(key);
    try {
      saveFile(await fetch(), fallbackName);
    } catch (error) {
      const problem = problemOf(error, locale);
      if (!problem.aborted) toggleNotification({ type: 'danger', message: failed(problem.status ?? '—') });
    } finally {
      setBusy(null);
    }
  };

  return { busy, download };
}

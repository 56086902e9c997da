import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import vi from '../../translations/vi.json';
import type { MessageValues, Translate } from '../i18n';

/**
 * The kit's own messages: ids `kit.*` of the admin's translations (src/admin/translations), registered as they are
 * by src/admin/app.tsx; the Vietnamese file is the default message, so an id missing there fails the typecheck.
 */
const VI: Record<string, string> = vi;

export type KitMessage = keyof typeof vi extends infer K ? (K extends `kit.${infer Id}` ? Id : never) : never;

/** `t('table.empty')` = `formatMessage({ id: 'kit.table.empty', defaultMessage: <vi> })`. */
export function useKitT() {
  const { formatMessage } = useIntl();
  return useCallback(
    (id: KitMessage, values?: MessageValues) =>
      formatMessage({ id: `kit.${id}`, defaultMessage: VI[`kit.${id}`] }, values),
    [formatMessage]
  );
}

/** The same messages as a plugin's `Translate`, for the shared date field (its ids `form.date.*`). */
export function useKitTranslate(): Translate {
  const { formatMessage } = useIntl();
  return useCallback(
    (id, defaultMessage, values) =>
      formatMessage({ id: `kit.${id}`, defaultMessage: VI[`kit.${id}`] ?? defaultMessage }, values),
    [formatMessage]
  );
}

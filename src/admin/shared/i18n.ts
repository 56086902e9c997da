/**
 * Translations of the local plugins' admin pages: every message id is prefixed with the plugin's id, every
 * message has a Vietnamese default, and each plugin ships translations/vi.json and en.json.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';

/** A message of a plugin: `id` without the plugin prefix, Vietnamese default. */
export interface Message {
  id: string;
  defaultMessage: string;
}

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** A translation function bound to a plugin's messages. */
export type Translate = (id: string, defaultMessage: string, values?: MessageValues) => string;

export const msg = (id: string, defaultMessage: string): Message => ({ id, defaultMessage });

/** The same, for a message descriptor. */
export const tm = (t: Translate, message: Message, values?: MessageValues) =>
  t(message.id, message.defaultMessage, values);

type Translations = Record<string, string>;

export function pluginI18n(pluginId: string) {
  const prefixed = (id: string) => `${pluginId}.${id}`;

  /** `t('key', 'Vietnamese default', values)` = `formatMessage({ id: '<plugin>.key', defaultMessage })`. */
  function useT(): Translate {
    const { formatMessage } = useIntl();
    return useCallback(
      (id, defaultMessage, values) => formatMessage({ id: prefixed(id), defaultMessage }, values),
      [formatMessage]
    );
  }

  /** The plugin's `registerTrads`: its translation files, with prefixed ids; a missing locale gives none. */
  const registerTrads =
    (load: (locale: string) => Promise<{ default: Translations }>) =>
    async ({ locales }: { locales: string[] }) =>
      Promise.all(
        locales.map(async (locale) => {
          try {
            const { default: data } = await load(locale);
            return {
              data: Object.fromEntries(Object.entries(data).map(([key, value]) => [prefixed(key), value])),
              locale,
            };
          } catch {
            return { data: {}, locale };
          }
        })
      );

  return { prefixed, useT, registerTrads };
}

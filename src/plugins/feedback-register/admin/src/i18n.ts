import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../../server/src/permissions';

/** A message of this plugin: `id` without the plugin prefix, Vietnamese default. */
export interface Message {
  id: string;
  defaultMessage: string;
}

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** A translation function bound to the plugin's messages. */
export type Translate = (id: string, defaultMessage: string, values?: MessageValues) => string;

export const msg = (id: string, defaultMessage: string): Message => ({ id, defaultMessage });

export const prefixed = (id: string) => `${PLUGIN_ID}.${id}`;

/** `t('key', 'Vietnamese default', values)` = `formatMessage({ id: 'feedback-register.key', defaultMessage })`. */
export function useT(): Translate {
  const { formatMessage } = useIntl();
  return useCallback(
    (id, defaultMessage, values) => formatMessage({ id: prefixed(id), defaultMessage }, values),
    [formatMessage]
  );
}

/** The same, for a message descriptor. */
export const tm = (t: Translate, message: Message, values?: MessageValues) =>
  t(message.id, message.defaultMessage, values);

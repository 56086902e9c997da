import { pluginI18n } from '#admin/shared/i18n';
import { PLUGIN_ID } from '#widgets/permissions';

export { msg, tm, type Message, type MessageValues, type Translate } from '#admin/shared/i18n';

export const { prefixed, useT, registerTrads } = pluginI18n(PLUGIN_ID);

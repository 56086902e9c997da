import { pluginI18n } from '#admin/shared/i18n';
import { PLUGIN_ID } from '#procedure-import/permissions';

export { msg, tm, type Message, type Translate } from '#admin/shared/i18n';

export const { useT, registerTrads } = pluginI18n(PLUGIN_ID);

import { optionsContext } from '#admin/shared/common';
import { useApi, type Options } from '../api';
import { useT } from '../i18n';

/** What the forms and filters offer this user (/options), loaded once for the plugin's pages. */
export const { OptionsProvider, useOptions } = optionsContext<Options>(useApi, useT);

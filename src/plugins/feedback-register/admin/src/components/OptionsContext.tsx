import { optionsContext } from '#admin/shared/common';
import { useApi, type Options } from '../api';
import { useT } from '../i18n';

/** What the register offers this user (/options: access, units, kinds), loaded once for the plugin's pages. */
export const { OptionsProvider, useOptions } = optionsContext<Options>(useApi, useT);

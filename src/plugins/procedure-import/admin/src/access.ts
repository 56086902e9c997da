import { ACTIONS } from '#procedure-import/permissions';

/** Everything here (upload, preview, apply, history, the catalogue workbook) is the IT Center's one action. */
export const MANAGE = [{ action: ACTIONS.manage, subject: null }];

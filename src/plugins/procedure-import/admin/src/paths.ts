import { PLUGIN_ID } from '#procedure-import/permissions';

/** An import's page. */
export const importPath = (id: string) => `/plugins/${PLUGIN_ID}/imports/${encodeURIComponent(id)}`;

/** The Content Manager's list of procedures. */
export const PROCEDURES_PATH = '/content-manager/collection-types/api::procedure.procedure';

/** A procedure's edit view in the Content Manager (Vietnamese is the catalogue's locale). */
export const procedurePath = (documentId: string) =>
  `${PROCEDURES_PATH}/${encodeURIComponent(documentId)}?plugins[i18n][locale]=vi`;

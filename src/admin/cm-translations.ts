/**
 * The Content Manager's own message ids for the project's labels, in Vietnamese and English:
 * - a field of a content type: `content-manager.content-types.<uid>.<field>` (edit view, list view headers);
 * - a field of a component: `content-manager.components.<component uid>.<field>`;
 * - an enumeration value: the value itself (edit view select, list view filters);
 * - a content type: its `info.displayName` (left menu, list view title, home page widgets).
 *
 * The admin falls back to the English messages for an id missing in Vietnamese, so every id gets both.
 */

/** uid → field → label: the shape of src/bootstrap/content-manager-labels(.en).json. */
export type FieldLabels = Record<string, Record<string, string>>;

/** Enumeration value → its label in each language. */
export type EnumLabels = Record<string, { vi: string; en: string }>;

/** A content type's Vietnamese display name → its English name. */
export type TypeNames = Record<string, string>;

export interface CmTranslationData {
  fieldLabels: { vi: FieldLabels; en: FieldLabels };
  enumLabels: EnumLabels;
  typeNames: TypeNames;
}

export type Messages = Record<string, string>;

/** The message id of a field's label; a component uid (`category.name`) has no `::`. */
export const fieldMessageId = (uid: string, field: string) =>
  uid.includes('::')
    ? `content-manager.content-types.${uid}.${field}`
    : `content-manager.components.${uid}.${field}`;

const fieldMessages = (labels: FieldLabels): Messages =>
  Object.fromEntries(
    Object.entries(labels).flatMap(([uid, fields]) =>
      Object.entries(fields).map(([field, label]) => [fieldMessageId(uid, field), label])
    )
  );

export function buildCmTranslations({ fieldLabels, enumLabels, typeNames }: CmTranslationData): {
  vi: Messages;
  en: Messages;
} {
  const enums = Object.entries(enumLabels);
  return {
    vi: {
      ...Object.fromEntries(Object.keys(typeNames).map((name) => [name, name])),
      ...Object.fromEntries(enums.map(([value, label]) => [value, label.vi])),
      ...fieldMessages(fieldLabels.vi),
    },
    en: {
      ...typeNames,
      ...Object.fromEntries(enums.map(([value, label]) => [value, label.en])),
      ...fieldMessages(fieldLabels.en),
    },
  };
}

/** The Content Manager's list view hooks (HOOKS in @strapi/content-manager's constants/hooks). */
export const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';
export const INJECT_LIST_VIEW_FILTERS = 'Admin/CM/pages/ListView/inject-in-filters';

/** The content type of the list view at this path (`…/content-manager/collection-types/<uid>`), else null. */
export function listViewModel(pathname: string): string | null {
  const match = /\/content-manager\/collection-types\/([^/?#]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

export interface ListViewFilter {
  name: string;
  label: string | { id: string; defaultMessage: string };
}

/**
 * The list view's filters name a field by the label stored in its configuration (Vietnamese, in both languages):
 * give them the field's message id instead, with that label as the default, where such a message exists.
 */
export function translateFilterLabels<F extends ListViewFilter>(
  filters: F[],
  uid: string,
  ids: Set<string>
): F[] {
  return filters.map((filter) => {
    const id = fieldMessageId(uid, filter.name);
    return typeof filter.label === 'string' && ids.has(id)
      ? { ...filter, label: { id, defaultMessage: filter.label } }
      : filter;
  });
}

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

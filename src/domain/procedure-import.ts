/**
 * What importing a procedure list would do to the department's catalogue: each row of the file is new, changed
 * (with the fields that differ), unchanged or refused; procedures of the catalogue that the file should list but
 * does not are "missing" (perhaps abolished: shown, never removed by an import). Then the user's narrowing (by
 * field, level, implementing agency or row) picks what to apply. Pure: the service loads what is stored and
 * applies what this module decides.
 */
import { fieldError, notAnObject, type FieldError, type Language, type Validated } from './errors';
import { fold } from './search-text';
import type { CatalogueProcedure, ReadProcedure } from './catalogue-xlsx';
import { TEXT_FIELDS } from './procedure-fields';
import type { RowRefusal } from './national-list';
import { PROCEDURE_LEVELS, type ProcedureLevel } from './procedure-levels';
import { NATIONAL_CODE } from './procedure-versioning';

/** The fields an import compares and writes: everything a procedure file can carry but the code. */
export type ImportedFields = Omit<CatalogueProcedure, 'nationalCode'>;
export type ImportField = keyof ImportedFields;

/** A procedure as the file gives it, with the row it came from. */
export type IncomingProcedure = ReadProcedure;

/** The catalogue's current version of a code, in the same shape. */
export interface StoredProcedure extends CatalogueProcedure {
  documentId: string;
  published: boolean;
}

export type ImportStatus = 'new' | 'changed' | 'unchanged';

/** How a change reaches a published procedure (procedure-versioning.ts): fixed in place, or a new version. */
export type ChangeMode = 'correction' | 'amendment';

export interface FieldChange<F extends ImportField = ImportField> {
  field: F;
  before: ImportedFields[F];
  after: ImportedFields[F];
}

export interface PreviewRow extends IncomingProcedure {
  status: ImportStatus;
  changes: FieldChange[];
  /** The catalogue's procedure this row matches, for changed and unchanged rows. */
  documentId?: string;
  published?: boolean;
  /** For a change to a published procedure: what the announcing decision says (a new decision: a new version). */
  defaultMode?: ChangeMode;
}

export interface MissingProcedure {
  documentId: string;
  nationalCode: string;
  name: string;
  field: string;
}

export interface ImportPreview {
  rows: PreviewRow[];
  missing: MissingProcedure[];
  refused: RowRefusal[];
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  missing: number;
  refused: number;
}

/** Every field, in the order a diff lists them. */
export const IMPORTED_FIELDS: readonly ImportField[] = [
  ...TEXT_FIELDS,
  'field',
  'levels',
  'onlineLevel',
  'announcingDecision',
  'steps',
  'channels',
  'dossier',
  'legalBases',
];

/** Texts compare as people read them: runs of spaces and line breaks make no change. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A field's value as compared: field names fold (letter case and accents), levels are a set, legal bases are the
 * documents they link (by symbol: a document's title and issuer are its own record's), other parts compare whole.
 */
function comparable(field: ImportField, value: ImportedFields[ImportField]): string {
  if (field === 'field') return fold(value as string);
  if (field === 'levels') return [...(value as string[])].sort().join();
  if (field === 'legalBases')
    return (value as ImportedFields['legalBases']).map((l) => fold(l.symbol)).join('\n');
  if (typeof value === 'string') return spaced(value);
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'string' ? spaced(inner) : inner));
}

function changesOf(stored: ImportedFields, incoming: ImportedFields, present: ReadonlySet<ImportField>) {
  const changes: FieldChange[] = [];
  for (const field of IMPORTED_FIELDS) {
    // A column the file does not have says nothing about the field: it is left as stored.
    if (!present.has(field)) continue;
    const before = stored[field];
    const after = incoming[field];
    if (comparable(field, before) !== comparable(field, after)) changes.push({ field, before, after });
  }
  return changes;
}

/**
 * `present` lists the fields the file has columns for. `stored` holds the catalogue's current version of each
 * national code (the one in force, or the latest draft).
 */
export function previewImport(
  incoming: IncomingProcedure[],
  refused: RowRefusal[],
  stored: StoredProcedure[],
  present: ReadonlySet<ImportField>
): ImportPreview {
  const byCode = new Map(stored.map((procedure) => [procedure.nationalCode, procedure]));
  const rows = incoming.map((row): PreviewRow => {
    const match = byCode.get(row.nationalCode);
    if (!match) return { ...row, status: 'new', changes: [] };
    const changes = changesOf(match, row, present);
    const newDecision = row.announcingDecision !== '' && row.announcingDecision !== match.announcingDecision;
    return {
      ...row,
      status: changes.length > 0 ? 'changed' : 'unchanged',
      changes,
      documentId: match.documentId,
      published: match.published,
      ...(changes.length > 0 && match.published
        ? { defaultMode: newDecision ? 'amendment' : 'correction' }
        : {}),
    };
  });

  // A list is one ministry's: only the fields it covers, and the ministries it names, say that a procedure should
  // be in it (two ministries may both list a field such as "Giám định tư pháp").
  const listed = new Set(incoming.map((row) => row.nationalCode));
  const refusedCodes = new Set(refused.map((row) => row.nationalCode));
  const fieldsCovered = new Set(incoming.map((row) => fold(row.field)));
  const issuers = new Set(incoming.map((row) => fold(row.issuingBody)).filter(Boolean));
  const missing = stored
    .filter(
      (procedure) =>
        !listed.has(procedure.nationalCode) &&
        !refusedCodes.has(procedure.nationalCode) &&
        fieldsCovered.has(fold(procedure.field)) &&
        (issuers.size === 0 || !procedure.issuingBody || issuers.has(fold(procedure.issuingBody)))
    )
    .map(({ documentId, nationalCode, name, field }) => ({ documentId, nationalCode, name, field }));
  return { rows, missing, refused };
}

export function countPreview(preview: ImportPreview, rows: PreviewRow[] = preview.rows): ImportCounts {
  return {
    created: rows.filter((row) => row.status === 'new').length,
    updated: rows.filter((row) => row.status === 'changed').length,
    unchanged: rows.filter((row) => row.status === 'unchanged').length,
    missing: preview.missing.length,
    refused: preview.refused.length,
  };
}

export interface ImportSelection {
  /** Field names (matched folded). */
  fields?: string[];
  levels?: ProcedureLevel[];
  /** Text the implementing agency must contain (folded). */
  agency?: string;
  /** National codes chosen row by row. */
  codes?: string[];
}

/** The rows the user narrowed the import to: every given criterion must hold. */
export function selectRows(rows: PreviewRow[], selection: ImportSelection): PreviewRow[] {
  const fields = selection.fields?.length ? new Set(selection.fields.map(fold)) : null;
  const levels = selection.levels?.length ? new Set(selection.levels) : null;
  const agency = selection.agency ? fold(selection.agency) : '';
  const codes = selection.codes?.length ? new Set(selection.codes) : null;
  return rows.filter(
    (row) =>
      (!fields || fields.has(fold(row.field))) &&
      (!levels || row.levels.some((level) => levels.has(level))) &&
      (!agency || fold(row.implementingAgency).includes(agency)) &&
      (!codes || codes.has(row.nationalCode))
  );
}

/** A level as the stored row's `levelKeys` holds it: delimited, so that a LIKE on one level cannot match another. */
export const levelKey = (level: ProcedureLevel) => `|${level}|`;

/**
 * The keys that the stored rows are filtered on in SQL, folded as `selectRows` folds them, so that a page of rows
 * read from the database is the page `selectRows` would give.
 */
export const selectionKeys = (row: PreviewRow) => ({
  fieldKey: fold(row.field),
  levelKeys: row.levels.map(levelKey).join(''),
  agencyKey: fold(row.implementingAgency),
});

/** What applying a row does to the catalogue. */
export type ApplyAction =
  /** `publish` is false for a row that lacks what publishing needs (`unpublishable`), even when asked. */
  | { kind: 'create'; row: PreviewRow; publish: boolean }
  | { kind: 'update'; row: PreviewRow; mode: ChangeMode }
  | { kind: 'skip'; row: PreviewRow };

/**
 * The actions for the chosen rows. A change to a published procedure takes the mode chosen for its row, else the
 * default its announcing decision gives; drafts are corrected in place. Only chosen rows change anything.
 */
export function planApply(
  rows: PreviewRow[],
  options: { publish: boolean; modes?: Record<string, ChangeMode> }
): ApplyAction[] {
  return rows.map((row): ApplyAction => {
    if (row.status === 'new')
      return { kind: 'create', row, publish: options.publish && unpublishable(row).length === 0 };
    if (row.status === 'unchanged') return { kind: 'skip', row };
    const mode = options.modes?.[row.nationalCode] ?? row.defaultMode ?? 'correction';
    return { kind: 'update', row, mode: row.published ? mode : 'correction' };
  });
}

/**
 * What a new procedure lacks to be published (the schema's required fields): a list gives no subjects, so its new
 * procedures stay drafts for an editor to complete, even when the user asked to publish.
 */
export function unpublishable(procedure: ImportedFields): ImportField[] {
  const lacking: ImportField[] = [];
  if (!procedure.subjects.trim()) lacking.push('subjects');
  if (!procedure.implementingAgency.trim()) lacking.push('implementingAgency');
  if (procedure.levels.length === 0) lacking.push('levels');
  return lacking;
}

/** What the user chose to apply: the narrowing, whether new procedures are published, and each row's mode. */
export interface ApplyChoices extends ImportSelection {
  publish: boolean;
  modes: Record<string, ChangeMode>;
}

const CHOICE_KEYS = ['fields', 'levels', 'agency', 'codes', 'publish', 'modes'];
const MAX_LIST = 50_000;

/** The body of an apply request, checked field by field. */
export function checkApplyChoices(body: unknown, language: Language): Validated<ApplyChoices> {
  if (body === undefined || body === null || body === '') body = {};
  if (typeof body !== 'object' || Array.isArray(body)) return notAnObject(language);
  const input = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const fail = (key: string, vi: string, en: string) => errors.push(fieldError([key], vi, en, language));
  for (const key of Object.keys(input)) {
    if (!CHOICE_KEYS.includes(key)) fail(key, 'Trường không được hỗ trợ.', 'Unsupported field.');
  }
  const list = (key: string, check: (item: string) => boolean, vi: string, en: string): string[] => {
    const value = input[key];
    if (value === undefined || value === null) return [];
    if (
      !Array.isArray(value) ||
      value.length > MAX_LIST ||
      !value.every((item) => typeof item === 'string' && item.length <= 1000 && check(item))
    ) {
      fail(key, vi, en);
      return [];
    }
    return value as string[];
  };
  const fields = list(
    'fields',
    (item) => item.trim() !== '',
    'Danh sách tên lĩnh vực.',
    'A list of field names.'
  );
  const levels = list(
    'levels',
    (item) => (PROCEDURE_LEVELS as readonly string[]).includes(item),
    `Danh sách cấp thực hiện: ${PROCEDURE_LEVELS.join(', ')}.`,
    `A list of levels: ${PROCEDURE_LEVELS.join(', ')}.`
  ) as ProcedureLevel[];
  const codes = list(
    'codes',
    (item) => NATIONAL_CODE.test(item),
    'Danh sách mã số thủ tục (d.dddddd).',
    'A list of procedure codes (d.dddddd).'
  );
  let agency = '';
  if (input.agency !== undefined && input.agency !== null) {
    if (typeof input.agency !== 'string' || input.agency.length > 500)
      fail('agency', 'Đoạn chữ tối đa 500 ký tự.', 'Text of at most 500 characters.');
    else agency = input.agency.trim();
  }
  let publish = false;
  if (input.publish !== undefined && input.publish !== null) {
    if (typeof input.publish !== 'boolean')
      fail('publish', 'Phải là true hoặc false.', 'Must be true or false.');
    else publish = input.publish;
  }
  const modes: Record<string, ChangeMode> = {};
  if (input.modes !== undefined && input.modes !== null) {
    const entries =
      typeof input.modes === 'object' && !Array.isArray(input.modes) ? Object.entries(input.modes) : null;
    if (
      !entries ||
      entries.length > MAX_LIST ||
      !entries.every(
        ([code, mode]) => NATIONAL_CODE.test(code) && (mode === 'correction' || mode === 'amendment')
      )
    )
      fail(
        'modes',
        'Mỗi mã số thủ tục ứng với "correction" (đính chính) hoặc "amendment" (phiên bản mới).',
        'Each procedure code maps to "correction" or "amendment" (a new version).'
      );
    else Object.assign(modes, Object.fromEntries(entries));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { fields, levels, agency, codes, publish, modes } };
}

/** How the written data names what a procedure points to: documentIds found (or created) by the service. */
export interface ReferenceLookup {
  field(name: string): string | null;
  legalDocument(symbol: string): string | null;
}

/** The Document Service data that writes these fields of a procedure (its attribute names are the fields'). */
export function procedureData(
  procedure: ImportedFields,
  fields: readonly ImportField[],
  lookup: ReferenceLookup
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const value = procedure[field];
    if (field === 'field') data.field = lookup.field(procedure.field);
    else if (field === 'announcingDecision')
      data.announcingDecision = procedure.announcingDecision
        ? lookup.legalDocument(procedure.announcingDecision)
        : null;
    else if (field === 'legalBases')
      data.legalBases = procedure.legalBases.flatMap((basis) => lookup.legalDocument(basis.symbol) ?? []);
    else if (field === 'levels') data.levels = procedure.levels.map((level) => ({ level }));
    else if (field === 'steps') data.steps = procedure.steps.map((description) => ({ description }));
    else if (field === 'onlineLevel') {
      // A file without an online level leaves the stored one (or the schema's default).
      if (value !== null) data.onlineLevel = value;
    } else data[field] = value;
  }
  return data;
}

/** The fields a row writes: all of them for a new procedure or a new version, the changed ones for a correction. */
export const fieldsWritten = (action: ApplyAction): readonly ImportField[] =>
  action.kind === 'update' && action.mode === 'correction'
    ? action.row.changes.map((change) => change.field)
    : IMPORTED_FIELDS;

/** A new version is the stored procedure with the file's changes over it. */
export const amendedVersion = (stored: StoredProcedure, row: PreviewRow): ImportedFields => ({
  ...stored,
  ...Object.fromEntries(row.changes.map((change) => [change.field, change.after])),
});

/**
 * What importing a procedure list would do to the department's catalogue: each row of the file is new, changed
 * (with the fields that differ), unchanged or refused; procedures of the catalogue that the file should list but
 * does not are "missing" (perhaps abolished: shown, never removed by an import). Then the user's narrowing (by
 * field, level, implementing agency or row) picks what to apply. Pure: the service loads what is stored and
 * applies what this module decides.
 */
import { fold } from './search-text';
import type { ProcedureLevel } from './procedure-levels';
import type { RowRefusal } from './national-list';

/** The fields an import compares and writes, as both the file and the catalogue give them. */
export interface ImportedFields {
  name: string;
  /** The field's name (Lĩnh vực); fields are matched by folded name and created when missing. */
  field: string;
  implementingAgency: string;
  levels: ProcedureLevel[];
}

export interface IncomingProcedure extends ImportedFields {
  row: number;
  nationalCode: string;
  /** The announcing decision's symbol, when the file gives one. */
  announcingDecision: string;
}

export interface StoredProcedure extends ImportedFields {
  documentId: string;
  nationalCode: string;
  published: boolean;
  announcingDecision: string;
}

export type ImportStatus = 'new' | 'changed' | 'unchanged';

/** How a change reaches a published procedure (procedure-versioning.ts): fixed in place, or a new version. */
export type ChangeMode = 'correction' | 'amendment';

export interface FieldChange {
  field: keyof ImportedFields;
  before: string | ProcedureLevel[];
  after: string | ProcedureLevel[];
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

const COMPARED: (keyof ImportedFields)[] = ['name', 'field', 'implementingAgency', 'levels'];

/** Compared as people read them: runs of spaces and line breaks do not make a change, nor does letter case of a field. */
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
const sameLevels = (a: ProcedureLevel[], b: ProcedureLevel[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

function changesOf(stored: ImportedFields, incoming: ImportedFields, present: Set<keyof ImportedFields>) {
  const changes: FieldChange[] = [];
  for (const field of COMPARED) {
    // A column the file does not have says nothing about the field: it is left as stored.
    if (!present.has(field)) continue;
    const before = stored[field];
    const after = incoming[field];
    const same =
      field === 'levels'
        ? sameLevels(before as ProcedureLevel[], after as ProcedureLevel[])
        : field === 'field'
          ? fold(before as string) === fold(after as string)
          : sameText(before as string, after as string);
    if (!same) changes.push({ field, before, after });
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
  present: Set<keyof ImportedFields>
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

  // A list is one ministry's: only the fields it covers say that a procedure should be in it.
  const listed = new Set(incoming.map((row) => row.nationalCode));
  const refusedCodes = new Set(refused.map((row) => row.nationalCode));
  const fieldsCovered = new Set(incoming.map((row) => fold(row.field)));
  const missing = stored
    .filter(
      (procedure) =>
        !listed.has(procedure.nationalCode) &&
        !refusedCodes.has(procedure.nationalCode) &&
        fieldsCovered.has(fold(procedure.field))
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

/** What applying a row does to the catalogue. */
export type ApplyAction =
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
    if (row.status === 'new') return { kind: 'create', row, publish: options.publish };
    if (row.status === 'unchanged') return { kind: 'skip', row };
    const mode = options.modes?.[row.nationalCode] ?? row.defaultMode ?? 'correction';
    return { kind: 'update', row, mode: row.published ? mode : 'correction' };
  });
}

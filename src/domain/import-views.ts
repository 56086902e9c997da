/**
 * An import as the admin API shows it (plugin `procedure-import`): the record's view, a row of its preview table,
 * and what applying did. Shared by the server, which builds them, and the admin pages, which read them.
 */
import type { RowRefusal } from './national-list';
import type { ApplyChoices, ImportCounts, MissingProcedure, PreviewRow } from './procedure-import';

export type ImportState = 'previewed' | 'applying' | 'applied' | 'failed';

/** What applying did to a row. */
export type RowOutcome = 'created' | 'published' | 'corrected' | 'amended' | 'unchanged' | 'not_chosen';

export interface AppliedCounts extends ImportCounts {
  /** Rows the narrowing left out. */
  notChosen: number;
  /** New procedures kept as drafts although publishing was asked: they lack what publishing needs. */
  keptAsDrafts: number;
}

export interface ImportView {
  id: string;
  fileName: string;
  sha256: string;
  kind: 'xlsx' | 'docx';
  state: ImportState;
  counts: ImportCounts;
  applied: AppliedCounts | null;
  choices: ApplyChoices | null;
  /** While applying, on the node that applies it: rows written of rows to write. */
  progress: { done: number; total: number } | null;
  error: string | null;
  createdByName: string | null;
  appliedByName: string | null;
  createdAt: string;
  appliedAt: string | null;
  /** The fields the file's rows fall in, with their row counts, for the preview's filter. */
  fields: { name: string; count: number }[];
  missing: MissingProcedure[];
  refused: RowRefusal[];
}

/** An import as the history lists it: without its fields, missing procedures and refused rows. */
export type ImportSummary = Omit<ImportView, 'fields' | 'missing' | 'refused'>;

/** A stored row: the preview's, with what applying did to it. */
export interface StoredRow extends PreviewRow {
  outcome?: RowOutcome;
  /** The procedure written: the new one, or the new version of an amended one. */
  writtenDocumentId?: string;
}

/** A row as the preview table lists it: its procedure's parts only where they changed. */
export type RowView = Pick<
  StoredRow,
  | 'row'
  | 'nationalCode'
  | 'name'
  | 'field'
  | 'levels'
  | 'implementingAgency'
  | 'status'
  | 'changes'
  | 'documentId'
  | 'published'
  | 'defaultMode'
  | 'outcome'
  | 'writtenDocumentId'
>;

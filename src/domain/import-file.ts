/**
 * The gate every import file passes, whatever its kind: the attachment checks first (a real zip, no bomb, no
 * macros, no external relationships, under the size limit), then the reader its content calls for. An Excel file
 * is a national list or the product's own catalogue (the catalogue reader reads both); a Word file is one
 * procedure in full. Every refusal is bilingual and nothing is read past it.
 */
import { ATTACHMENT_PROBLEM_MESSAGES, validateAttachment, type AttachmentLimits } from './attachments';
import {
  readCatalogue,
  type CatalogueField,
  type CatalogueProcedure,
  type ReadProcedure,
} from './catalogue-xlsx';
import type { Bilingual, RowRefusal } from './national-list';
import { readNationalProcedure, type NationalProcedure } from './national-procedure';
import { IMPORTED_FIELDS } from './procedure-import';
import { NATIONAL_CODE } from './procedure-versioning';

export interface ImportLimits {
  /** The file as uploaded (default 20 MB). */
  maxBytes: number;
  /** Data rows of a list (default 50,000). */
  maxRows?: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = Object.freeze({ maxBytes: 20 * 1024 * 1024 });

export type ImportFile =
  | {
      ok: true;
      kind: 'xlsx' | 'docx';
      sha256: string;
      procedures: ReadProcedure[];
      refused: RowRefusal[];
      /** The fields the file carries (catalogue-xlsx.ts); an import leaves the others as stored. */
      present: CatalogueField[];
    }
  | { ok: false; problem: string; message: Bilingual };

/** The Word file's own refusals, beside the attachment checks' and the list reader's. */
const WORD_PROBLEMS = {
  unreadable: {
    vi: 'Không đọc được tệp Word: cần tệp thủ tục tải từ CSDL quốc gia (.doc/.docx).',
    en: 'The Word file cannot be read: a procedure file downloaded from the national database (.doc/.docx) is needed.',
  },
  no_code: {
    vi: 'Tệp Word không có “Mã thủ tục” hợp lệ.',
    en: 'The Word file has no valid “Mã thủ tục” (procedure code).',
  },
} satisfies Record<string, Bilingual>;

export async function readImportFile(
  bytes: Buffer,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS
): Promise<ImportFile> {
  const attachmentLimits: AttachmentLimits = {
    maxBytes: limits.maxBytes,
    // A list compresses about tenfold; more than twenty times the upload is a bomb, not a list.
    maxUnpackedBytes: limits.maxBytes * 20,
    maxZipEntries: 2000,
    maxImagePixels: 0,
  };
  const checked = await validateAttachment(bytes, attachmentLimits);
  if (!checked.ok)
    return { ok: false, problem: checked.problem, message: ATTACHMENT_PROBLEM_MESSAGES[checked.problem] };
  const { kind, sha256 } = checked.value;
  if (kind === 'xlsx') {
    const read = await readCatalogue(bytes, { maxRows: limits.maxRows });
    return read.ok ? { ...read, kind, sha256 } : read;
  }
  if (kind !== 'docx') {
    return { ok: false, problem: 'unsupported_type', message: ATTACHMENT_PROBLEM_MESSAGES.unsupported_type };
  }
  try {
    const procedure = await readNationalProcedure(bytes);
    if (!NATIONAL_CODE.test(procedure.nationalCode))
      return { ok: false, problem: 'no_code', message: WORD_PROBLEMS.no_code };
    return {
      ok: true,
      kind,
      sha256,
      procedures: [{ ...asCatalogueEntry(procedure), row: 1 }],
      refused: [],
      present: WORD_FIELDS,
    };
  } catch {
    return { ok: false, problem: 'unreadable', message: WORD_PROBLEMS.unreadable };
  }
}

/** A Word file names neither the issuing ministry nor the online level: an import keeps those as stored. */
const WORD_FIELDS = IMPORTED_FIELDS.filter((field) => field !== 'issuingBody' && field !== 'onlineLevel');

/** What the catalogue keeps of a Word file (it names no online level; its other labels have no field). */
function asCatalogueEntry(procedure: NationalProcedure): CatalogueProcedure {
  const {
    levelText: _levelText,
    procedureType: _procedureType,
    authorisedAgency: _authorisedAgency,
    coordinatingAgency: _coordinatingAgency,
    description: _description,
    ...kept
  } = procedure;
  return { ...kept, onlineLevel: null };
}

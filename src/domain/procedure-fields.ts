/**
 * A procedure's fields as import files carry them: its own texts (every file kind has them) and its repeated
 * parts (the Word file and the product's catalogue have them). The readers, the catalogue and the preview all
 * speak these shapes.
 */
import type { ProcedureLevel } from './procedure-levels';

export interface ProcedureTexts {
  nationalCode: string;
  /** Trimmed, inner line breaks and runs of spaces folded to one space; never cut. */
  name: string;
  /** The ministry that issued it ('' where the file does not say, as in the Word file). */
  issuingBody: string;
  /** The raw text, one agency a line, as the file has it. */
  implementingAgency: string;
  /** Derived from the implementing agencies, or from a level column where the file has one. */
  levels: ProcedureLevel[];
  field: string;
  subjects: string;
  competentAgency: string;
  receivingAddress: string;
  result: string;
  requirements: string;
  keywords: string;
  /** The symbol of the announcing decision ("379/QĐ-BNNMT"). */
  announcingDecision: string;
}

/** A procedure's plain texts, as every file kind and the catalogue store them. */
export const TEXT_FIELDS = [
  'name',
  'issuingBody',
  'implementingAgency',
  'subjects',
  'competentAgency',
  'receivingAddress',
  'result',
  'requirements',
  'keywords',
] as const satisfies readonly (keyof ProcedureTexts)[];

export type Channel = 'in_person' | 'online' | 'postal';

export interface ChannelRow {
  channel: Channel;
  /** As written ("15 Ngày làm việc"). */
  processingTime: string;
  /** The number in `processingTime`, when there is one. */
  processingDays: number | null;
  /** Fee lines as written, one a line ("Phí : 5 triệu Đồng (…)"). */
  fee: string;
  /** The sum of the fee lines in đồng, when every line has an amount. */
  feeAmount: number | null;
  description: string;
}

export interface DossierItem {
  /** The case the item belongs to ("Trường hợp cấp mới"), empty when the dossier has one case. */
  caseGroup: string;
  name: string;
  originals: number;
  copies: number;
  /** The form's file name as listed ("Mẫu số 01.docx"), empty when the item has none. */
  formTemplateName: string;
}

export interface LegalBasis {
  symbol: string;
  title: string;
  /** ISO date, or '' when the file has none. */
  issuedOn: string;
  /** '' when the file leaves the issuer out. */
  issuer: string;
}

export interface ProcedureParts {
  steps: string[];
  channels: ChannelRow[];
  dossier: DossierItem[];
  legalBases: LegalBasis[];
}

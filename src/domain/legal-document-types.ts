/**
 * The kind of a legal document, read from its symbol as Vietnamese documents write it (Decree 30/2020, Appendix
 * I): "15/2020/NĐ-CP" is a decree, "379/QĐ-BNNMT" a decision, "31/2024/QH15" a law. Used when an import creates a
 * legal document that a procedure cites and the department's register lacks.
 */
import { fold } from './search-text';

export type LegalDocumentType =
  | 'law'
  | 'resolution'
  | 'decree'
  | 'decision'
  | 'directive'
  | 'circular'
  | 'plan'
  | 'official_letter'
  | 'other';

/** The folded abbreviation of each kind, a word of the symbol ("QĐ" folds to "qd"); a law names the Assembly ("QH15"). */
const ABBREVIATIONS: [RegExp, LegalDocumentType][] = [
  [/^qh\d*$/, 'law'],
  [/^nq$/, 'resolution'],
  [/^nd$/, 'decree'],
  [/^qd$/, 'decision'],
  [/^ct$/, 'directive'],
  [/^ttlt$|^tt$/, 'circular'],
  [/^kh$/, 'plan'],
];

export function legalDocumentType(symbol: string): LegalDocumentType {
  const [number, ...words] = fold(symbol).split(' ');
  // A symbol starts with its number; anything else is a title, not a symbol.
  if (!/^\d+$/.test(number ?? '') || words.length === 0) return 'other';
  for (const [pattern, type] of ABBREVIATIONS) if (words.some((word) => pattern.test(word))) return type;
  // "1234/STNMT-VP": a number and the issuer's abbreviations only, as official letters are numbered.
  return words.every((word) => /^[a-z]+$/.test(word)) ? 'official_letter' : 'other';
}

/**
 * The issuer's abbreviation that a symbol ends with ("379/QĐ-BNNMT" → "BNNMT", "63/2010/NĐ-CP" → "CP", a law's
 * "28/2023/QH15" → "QH15"), for a document that a file cites without naming its issuer; '' when it has none.
 */
export function symbolIssuer(symbol: string): string {
  const match = /^\s*\d+\/.*?[-/]([\p{L}\d]+)\s*$/u.exec(symbol);
  return match && /\p{L}/u.test(match[1]) ? match[1] : '';
}

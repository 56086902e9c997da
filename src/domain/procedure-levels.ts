/**
 * The levels a procedure is carried out at, derived from the implementing agencies the national database lists
 * ("Cơ quan cấp bộ, Ủy ban nhân dân cấp tỉnh", "Sở Tư pháp", "UBND cấp xã"). Agencies that name no level (an
 * investor, a notary office) add none; the raw text is always kept beside the levels.
 */
import { fold } from './search-text';

export const PROCEDURE_LEVELS = ['ministry', 'province', 'commune', 'district'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

/** Folded patterns, each tried on one agency at a time (one a line, or comma-separated). */
const LEVEL_PATTERNS: [ProcedureLevel, RegExp][] = [
  // A ministry, a ministry-level agency or a central body ("Bộ Tư pháp", "Cục Hàng không", "ở cấp Trung ương").
  ['ministry', /(^| )cap (bo|trung uong)( |$)|^(bo|cuc|tong cuc)( |$)|(^| )o trung uong( |$)/],
  // The province, its People's Council or Committee (its departments, Sở, are matched below).
  ['province', /(^| )cap tinh( |$)|(^| )(ubnd|nhan dan|hdnd) tinh( |$)/],
  ['district', /(^| )cap huyen( |$)|(^| )(ubnd|nhan dan) huyen( |$)/],
  ['commune', /(^| )cap xa( |$)|(^| )(ubnd|nhan dan) xa( |$)/],
];

/**
 * "Sở" folds to "so", like "số" (number): a department is recognised on the unfolded text, as the word "Sở"
 * before a capitalised name ("Sở Tư pháp", "Giám đốc Sở Xây dựng").
 */
const namesDepartment = (agency: string): boolean => /(^|\s)Sở\s+\p{Lu}/u.test(agency);

export function deriveLevels(agencies: string): ProcedureLevel[] {
  const found = new Set<ProcedureLevel>();
  for (const agency of agencies.split(/[\n,;]/)) {
    const folded = fold(agency);
    if (!folded) continue;
    for (const [level, pattern] of LEVEL_PATTERNS) {
      if (pattern.test(folded)) found.add(level);
    }
    if (namesDepartment(agency)) found.add('province');
  }
  return PROCEDURE_LEVELS.filter((level) => found.has(level));
}

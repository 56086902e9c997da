/**
 * Which documents a unit-scoped admin user (a unit editor) may touch: those whose every row (each locale, draft and
 * published) belongs to one of the user's units. A write never takes a document out of the user's units, and never
 * leaves one document's rows in different units.
 */
import type { Language } from './errors';

export type UnitAccessRefusal = 'no-unit' | 'not-yours' | 'mixed-units' | 'unit-change';

export interface UnitAccessInput {
  /** The units of the user. */
  mine: readonly number[];
  /** The unit of each stored row of the document (null: none); empty for a new document. */
  stored: readonly (number | null)[];
  /** The unit the write sets: undefined leaves it as it is (or inherits it), null clears it. */
  target?: number | null;
  /** The write makes a new document from this one (a clone): it may go to any of the user's units. */
  clone?: boolean;
  /** The document has rows the write does not set (other locales, the other publication state, a new locale). */
  siblings?: boolean;
}

/** Why the user may not read or write this document, or null when they may. */
export function unitAccessRefusal({
  mine,
  stored,
  target,
  clone = false,
  siblings = false,
}: UnitAccessInput): UnitAccessRefusal | null {
  const units = [...new Set(stored)];
  if (units.length > 1) return 'mixed-units';
  const current = units.length === 1 ? units[0] : undefined;
  if (current === null || (current !== undefined && !mine.includes(current))) return 'not-yours';
  const isNew = current === undefined || clone;
  if (target === undefined) return current === undefined ? 'no-unit' : null;
  if (target === null) return 'no-unit';
  if (!mine.includes(target)) return 'not-yours';
  if (!isNew && siblings && target !== current) return 'unit-change';
  return null;
}

const MESSAGES: Record<UnitAccessRefusal, { vi: string; en: string }> = {
  'no-unit': { vi: 'Hãy chọn một đơn vị của mình.', en: 'Choose one of your units.' },
  'not-yours': {
    vi: 'Chỉ được làm việc trên tài liệu của đơn vị mình.',
    en: 'You can only work on your own units.',
  },
  'mixed-units': {
    vi: 'Tài liệu này thuộc nhiều đơn vị: hãy liên hệ quản trị viên.',
    en: 'This document belongs to several units: ask an administrator.',
  },
  'unit-change': {
    vi: 'Mọi bản ngôn ngữ của một tài liệu thuộc cùng một đơn vị.',
    en: 'Every locale of a document belongs to the same unit.',
  },
};

export const unitAccessMessage = (refusal: UnitAccessRefusal, language: Language = 'vi') =>
  MESSAGES[refusal][language];

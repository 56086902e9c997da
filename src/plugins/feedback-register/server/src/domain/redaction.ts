/**
 * Removing the submitter's personal data from what is published or kept after the retention period
 * (Decree 13/2023): their name (also "ông Bình", the given name after a form of address), address, phone, e-mail,
 * identity-card numbers, and any other phone or e-mail in the text. Pure module.
 */
import { maskContacts } from '#domain/search-text';

export interface Submitter {
  fullName?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

export const REDACTED = {
  name: '[người phản ánh]',
  address: '[địa chỉ]',
  idNumber: '[số giấy tờ]',
  phone: '[số điện thoại]',
  email: '[thư điện tử]',
} as const;

// Vietnamese forms of address that precede a given name ("ông Bình", "bà Mai", "chị Dung").
const HONORIFICS = ['ông', 'bà', 'anh', 'chị', 'cô', 'chú', 'bác', 'em', 'cháu'];
/** A form of address and the white space after it, at the text's start or after a character that is not a letter. */
const ADDRESSED = new RegExp(`(^|[^\\p{L}])(${HONORIFICS.join('|')})\\s+`, 'giu');
const LETTER = /\p{L}/u;
const SPACES = /\s+/y;
const PHONE_SEPARATORS = /[\s.-]*/y;
/** Where a phone's writing may start: "(+84", "+84", "84" or "0". */
const PHONE_START = /[(+80]/g;
const DIGIT = /\d/;
const SURROGATE = /[\uD800-\uDFFF]/;
// CCCD (12 digits) and CMND (9 digits) standing alone, not inside a longer number such as 1.000.000.000.
const ID_NUMBER = /(?<!\d|\d[.,/])(\d{12}|\d{9})(?!\d|[.,/]\d)/g;

/*
 * The submitter's own name, address, e-mail and phone are found by scanning the text, not by regular expressions
 * built for each submitter: compiling those cost 40 µs each, and 2 ms for the given name after a form of address
 * (\p{L} under /iu), on every row of an export of tens of thousands of feedback. Letters compare in lower case.
 */

/** The text in lower case, position for position (a character whose lower case is longer stays as it is). */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  // Without surrogates no character shrinks, so an equal length means that none grew either.
  if (lower.length === text.length && !SURROGATE.test(text)) return lower;
  let out = '';
  for (const char of text) {
    const l = char.toLowerCase();
    out += l.length === char.length ? l : char;
  }
  return out;
}

/** Where the run of characters that `sticky` matches at `at` ends. */
function runEnd(sticky: RegExp, text: string, at: number): number {
  sticky.lastIndex = at;
  return sticky.test(text) ? sticky.lastIndex : at;
}

/** A match: where it starts and ends in the text, and what replaces it after its first `keep` characters. */
interface Match {
  start: number;
  end: number;
  keep: number;
  /** In lower case, as every REDACTED text is: the text's lower case is carried along. */
  replacement: string;
}

/** The leftmost match at or after `from`; `lower` is the text in lower case. */
type Find = (text: string, lower: string, from: number) => Match | null;

/**
 * The text and its lower case with every match replaced, leftmost first and never overlapping, as a global regular
 * expression does.
 */
function replaceAll([text, lower]: Texts, find: Find): Texts {
  let out = '';
  let outLower = '';
  let copied = 0;
  for (let match = find(text, lower, 0); match; match = find(text, lower, match.end)) {
    out += text.slice(copied, match.start + match.keep) + match.replacement;
    outLower += lower.slice(copied, match.start + match.keep) + match.replacement;
    copied = match.end;
  }
  return copied === 0 ? [text, lower] : [out + text.slice(copied), outLower + lower.slice(copied)];
}

/** A text and its lower case, position for position. */
type Texts = [text: string, lower: string];

/** A literal, in any case and with any run of white space between its words. */
function literal(value: string, replacement: string): Find {
  const words = lowerCase(value.normalize('NFC').trim()).split(/\s+/);
  const endAt = (lower: string, at: number) => {
    let end = at;
    for (const [i, word] of words.entries()) {
      if (i > 0) {
        const next = runEnd(SPACES, lower, end);
        if (next === end) return -1;
        end = next;
      }
      if (!lower.startsWith(word, end)) return -1;
      end += word.length;
    }
    return end;
  };
  return (_text, lower, from) => {
    for (let at = lower.indexOf(words[0], from); at >= 0; at = lower.indexOf(words[0], at + 1)) {
      const end = endAt(lower, at);
      if (end >= 0) return { start: at, end, keep: 0, replacement };
    }
    return null;
  };
}

/** "ông Bình" for the given name Bình: the form of address stays, followed by one space and no name. */
function addressed(givenName: string): Find {
  const given = lowerCase(givenName);
  const letterAt = (text: string, at: number) =>
    at < text.length && LETTER.test(String.fromCodePoint(text.codePointAt(at)!));
  return (text, lower, from) => {
    if (!lower.includes(given, from)) return null;
    ADDRESSED.lastIndex = from;
    for (let found = ADDRESSED.exec(text); found; found = ADDRESSED.exec(text)) {
      const nameAt = found.index + found[0].length;
      const end = nameAt + given.length;
      if (lower.startsWith(given, nameAt) && !letterAt(text, end))
        return {
          start: found.index,
          end,
          keep: found[1].length + found[2].length,
          replacement: ` ${REDACTED.name}`,
        };
      // Not this submitter's name: look again one character (code point) further on.
      ADDRESSED.lastIndex = found.index + (text.codePointAt(found.index)! > 0xffff ? 2 : 1);
    }
    return null;
  };
}

/**
 * The phone's digits with any separators between them, in its 0… and +84… writings: what the expression
 * `(?:\(?\+?84\)?[\s.-]*|0)9[\s.-]*0[\s.-]*9…(?!\d)` would match, for a phone of at least 9 digits.
 */
function phone(value: string): Find | null {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 9) return null;
  const national = digits.startsWith('84') ? digits.slice(2) : digits.replace(/^0/, '');
  const nationalEnd = (text: string, at: number) => {
    let i = at;
    for (let k = 0; k < national.length; k++) {
      if (k > 0) i = runEnd(PHONE_SEPARATORS, text, i);
      if (text[i] !== national[k]) return -1;
      i += 1;
    }
    return i < text.length && DIGIT.test(text[i]) ? -1 : i;
  };
  const endAt = (text: string, at: number) => {
    let i = at;
    if (text[i] === '(') i += 1;
    if (text[i] === '+') i += 1;
    if (text.startsWith('84', i)) {
      i += 2;
      if (text[i] === ')') i += 1;
      const end = nationalEnd(text, runEnd(PHONE_SEPARATORS, text, i));
      if (end >= 0) return end;
    }
    return text[at] === '0' ? nationalEnd(text, at + 1) : -1;
  };
  return (text, _lower, from) => {
    PHONE_START.lastIndex = from;
    for (let found = PHONE_START.exec(text); found; found = PHONE_START.exec(text)) {
      const end = endAt(text, found.index);
      if (end >= 0) return { start: found.index, end, keep: 0, replacement: REDACTED.phone };
    }
    return null;
  };
}

export function redactPersonalData(text: string, submitter: Submitter): string {
  const fullName = submitter.fullName?.normalize('NFC').trim();
  // In this order: the full name before the given name after a form of address.
  const finds = [
    fullName && literal(fullName, REDACTED.name),
    fullName && addressed(fullName.split(/\s+/).pop()!),
    submitter.address?.trim() && literal(submitter.address, REDACTED.address),
    submitter.email?.trim() && literal(submitter.email, REDACTED.email),
    submitter.phone && phone(submitter.phone),
  ];
  const normalized = text.normalize('NFC');
  let texts: Texts = [normalized, lowerCase(normalized)];
  for (const find of finds) if (find) texts = replaceAll(texts, find);
  const out = texts[0].replace(ID_NUMBER, REDACTED.idNumber);
  return maskContacts(out);
}

/** The feedback columns that hold its submitter's data: read only to redact the subject, never shown. */
export const SUBMITTER_FIELDS = ['fullName', 'address', 'phone', 'email'] as const;

/** A stored feedback's subject without its submitter's data (the row read with SUBMITTER_FIELDS). */
export const redactedSubject = (row: Record<string, unknown>): string =>
  redactPersonalData(String(row.subject ?? ''), row as Submitter);

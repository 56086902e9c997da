/**
 * Vietnamese-aware text folding for search, shared by the procedure search and the answered-feedback search.
 * Text and queries are folded the same way (no tone marks, đ → d, lower case, words over [a-z0-9]), so
 * "THỦ TỤC ĐẤT ĐAI", "thu tuc dat dai" and a decomposed (NFD) copy of either all find the same words.
 */

/** Stored terms are cut to this length; query words are cut the same way so that they still match. */
export const MAX_TERM_LENGTH = 64;

/**
 * Lower case first (some upper-case letters lower to a letter plus a combining mark, e.g. İ), then NFD so
 * that precomposed and decomposed input both end up as base letter + marks, then drop the marks. Đ/đ has no
 * decomposition (the bar is part of the letter) and is mapped by hand.
 */
export function fold(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`fold needs a string, got ${typeof text}`);
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function uniqueWords(text: string, limit: number): string[] {
  const seen = new Set<string>();
  const folded = fold(text);
  if (folded === '') return [];
  for (const word of folded.split(' ')) {
    if (seen.size >= limit) break;
    seen.add(word.slice(0, MAX_TERM_LENGTH));
  }
  return [...seen];
}

/** The distinct folded words of a text, each at most 64 characters, in the order they first appear. */
export function terms(text: string): string[] {
  return uniqueWords(text, Infinity);
}

/** The distinct folded words of a search query, at most `maxWords` of them (cut like stored terms). */
export function queryWords(q: string, maxWords = 8): string[] {
  if (!Number.isInteger(maxWords) || maxWords < 0) {
    throw new RangeError(`maxWords must be a whole number >= 0, got ${maxWords}`);
  }
  return uniqueWords(q, maxWords);
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const FOLDED_WORD = /^[0-9a-z]+$/;

/**
 * The half-open range [lo, hi) of the strings over [0-9a-z] that start with `word`, for an index scan
 * `term >= lo AND term < hi`. lo is the word; hi is its successor in the order 0 < … < 9 < a < … < z, with
 * carry: 'dat' → 'dau', 'daz' → 'db', 'a9' → 'aa'. Because both bounds are themselves strings over [0-9a-z],
 * the range is right in byte order (SQLite BINARY, PostgreSQL COLLATE "C", MySQL *_bin) and also in the
 * linguistic collations a database is usually created with (glibc or ICU en_US / vi, MySQL utf8mb4_0900_ai_ci),
 * which order lower-case letters and digits the same way, digits first.
 *
 * A word made only of z's has no such successor. A punctuation sentinel such as '{' (or U+FFFF) would only be
 * above 'z' in byte order: linguistic collations put punctuation before digits and letters (and glibc sorts
 * U+FFFF low), so `term < '{'` would find nothing there. Instead hi is 'z' repeated one more time than the
 * longest term can be: every term is at most 64 characters (see `terms`), so every term starting with the
 * z's is below it, and nothing else over [0-9a-z] is at or above lo.
 */
export function prefixRange(word: string): [string, string] {
  if (typeof word !== 'string' || !FOLDED_WORD.test(word)) {
    throw new TypeError(`prefixRange needs a folded word over [0-9a-z], got ${JSON.stringify(word)}`);
  }
  const stem = word.replace(/z+$/, '');
  if (stem === '') return [word, 'z'.repeat(Math.max(word.length, MAX_TERM_LENGTH) + 1)];
  const last = stem[stem.length - 1];
  return [word, stem.slice(0, -1) + ALPHABET[ALPHABET.indexOf(last) + 1]];
}

export const MASKED_EMAIL = '[email]';
export const MASKED_PHONE = '[số điện thoại]';

const EMAIL =
  /[\p{L}\p{N}_.%+-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+/gu;

/**
 * A run of digit groups that may hold phone numbers: groups joined by one space, dot or hyphen, a group may be
 * an area code or country code in parentheses ("(028)", "(+84)", "(0)"), the first may start with '+'. A run
 * does not start inside a word or a dotted number ("1.010727"), nor end inside a word.
 */
const PHONE_RUN =
  /(?<![\p{L}\p{N}_+])(?<!\p{N}[.,-])(?:\(\+?\d{1,4}\)|\+?\d+)(?:(?:[ .-]|(?<=\))|(?=\())(?:\(\+?\d{1,4}\)|\d+))*(?![\p{L}\p{N}_])/gu;
const GROUP = /\(\+?\d+\)|\+?\d+/g;

/** National significant numbers (without the leading 0): mobile since 2018, landline since 2017, old mobile. */
const MOBILE = /^(?:3[2-9]|5[2-9]|7[06-9]|8[1-9]|9\d)\d{7}$/;
const LANDLINE = /^2\d{9}$/;
const OLD_MOBILE = /^1[2689]\d{8}$/;

interface Group {
  text: string;
  start: number;
  end: number;
  digits: string;
  /** The separator written before this group ('' for the first). */
  before: string;
}

function isPhone(groups: Group[]): boolean {
  // Real writings never split a number into single digits; '(0)' in "+84 (0) 909 …" is the one exception.
  if (groups.some((g) => g.digits.length < 2 && g.text !== '(0)')) return false;
  const first = groups[0].text;
  const digits = groups.map((g) => g.digits).join('');
  let national: string;
  if (first.startsWith('+') || first.startsWith('(+')) {
    if (!digits.startsWith('84')) return false;
    national = digits.slice(2);
    // "+84 (0) 909 …" and the frequent "+84 0909 …" keep the trunk 0.
    if (national.startsWith('0')) national = national.slice(1);
  } else if (digits.startsWith('0')) {
    national = digits.slice(1);
  } else if (groups.length === 1 && digits.startsWith('84')) {
    // "84909123456": only written without separators, so that amounts like 84.909.123 are never taken.
    national = digits.slice(2);
  } else {
    return false;
  }
  return MOBILE.test(national) || LANDLINE.test(national) || OLD_MOBILE.test(national);
}

function maskPhonesInRun(run: string): string {
  const groups: Group[] = [];
  let previousEnd = 0;
  for (const match of run.matchAll(GROUP)) {
    const start = match.index!;
    const text = match[0];
    groups.push({
      text,
      start,
      end: start + text.length,
      digits: text.replace(/\D/g, ''),
      before: run.slice(previousEnd, start),
    });
    previousEnd = start + text.length;
  }
  // A number starts and ends at the edge of the run or at a space: "2021 0909 123 456" holds one, while
  // "1.090.912.345" (dots, hyphens: one number written in parts) does not hold one in its middle.
  const canStart = (i: number) => i === 0 || groups[i].before === ' ';
  const canEnd = (j: number) => j === groups.length - 1 || groups[j + 1].before === ' ';
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < groups.length) {
    let best = -1;
    if (canStart(i)) {
      let length = 0;
      for (let j = i; j < groups.length && length <= 13; j++) {
        length += groups[j].digits.length;
        if (canEnd(j) && isPhone(groups.slice(i, j + 1))) best = j;
      }
    }
    if (best < 0) {
      i++;
      continue;
    }
    out += run.slice(copied, groups[i].start) + MASKED_PHONE;
    copied = groups[best].end;
    i = best + 1;
  }
  return out + run.slice(copied);
}

/**
 * Masks e-mail addresses and Vietnamese phone numbers in free text before it is shown publicly. Phones are
 * recognised in their common writings: 0909 123 456, 0909.123.456, 0909-123-456, 090 912 3456, +84 909 123 456,
 * (+84) 909…, 84909123456, (028) 3829 1234, 028.3829.1234, 02838291234. Ordinary numbers stay: years, symbols
 * like 63/2010/NĐ-CP, amounts like 1.000.000 đồng, national codes like 1.010727, dates like 31/12/2020, since
 * a phone number must be 10–11 digits starting with 0 (or 84 / +84) followed by a real mobile or area prefix.
 */
export function maskContacts(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`maskContacts needs a string, got ${typeof text}`);
  // An e-mail address holds an '@': the text without one skips its pattern, the costliest (3 µs on a subject).
  const masked = text.includes('@') ? text.replace(EMAIL, MASKED_EMAIL) : text;
  return masked.replace(PHONE_RUN, maskPhonesInRun);
}

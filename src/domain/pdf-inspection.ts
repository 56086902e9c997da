/**
 * What a PDF may carry to be accepted from the public: pages and their resources, outlines, links, forms without
 * actions. Refused: scripts and automatic actions (the names in `ACTIVE_NAMES`, and an `/OpenAction` that is not a
 * destination), embedded files and media, XFA, and HTML outside streams (an HTML/PDF polyglot).
 *
 * A bounded lexer, not a renderer: it reads the file's tokens (skipping strings and comments, decoding `#xx`
 * escapes in names), and inflates every object stream (where PDF 1.5+ keeps objects compressed) within a byte and
 * time budget, reading its objects the same way. An object stream it cannot decode is refused, since a reader
 * could. Names are case-sensitive in PDF, as in every reader. Never throws.
 */
import * as zlib from 'zlib';

export type PdfProblem = 'corrupt' | 'active_content' | 'encrypted_or_macro' | 'zip_too_large';

/** Keys and action types that run code, act without the reader asking, or carry other files or media. */
const ACTIVE_NAMES: ReadonlySet<string> = new Set([
  'JS',
  'JavaScript',
  'AA',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToE',
  'GoToR',
  'Rendition',
]);

const TIME_BUDGET_MS = 3000;
/** Tokens kept of the current object, to read its stream's dictionary; memory stays bounded on hostile input. */
const MAX_OBJECT_TOKENS = 4096;
/** Object streams nested in object streams are not PDF; one level is all a reader follows. */
const MAX_DEPTH = 2;
/** Markup that makes a browser render the file as HTML; `<` plus a non-hex letter cannot start a PDF hex string. */
const HTML_MARKUP = /<(?:!doctype|html|head|body|script|iframe|svg|object|embed|meta|img|style|link|frame)/i;

const isWhite = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
// ( ) < > [ ] { } / %
const isDelimiter = (c: number) =>
  c === 40 ||
  c === 41 ||
  c === 60 ||
  c === 62 ||
  c === 91 ||
  c === 93 ||
  c === 123 ||
  c === 125 ||
  c === 47 ||
  c === 37;
const isRegular = (c: number) => !isWhite(c) && !isDelimiter(c);

type Token =
  | { type: 'name'; value: string }
  | { type: 'word'; value: string }
  | { type: 'punct'; value: string };

interface Scan {
  deadline: number;
  /** Bytes that may still be inflated. */
  remaining: number;
}

class Stop {
  constructor(readonly problem: PdfProblem) {}
}

export function inspectPdf(data: Buffer, maxInflatedBytes: number): PdfProblem | null {
  if (!/^%PDF-[12]\.\d/.test(data.subarray(0, 8).toString('latin1'))) return 'corrupt';
  if (!data.subarray(Math.max(0, data.length - 1024)).includes('%%EOF', 0, 'latin1')) return 'corrupt';
  try {
    const outside = lex(data, { deadline: Date.now() + TIME_BUDGET_MS, remaining: maxInflatedBytes }, 1);
    return outside.some((segment) => HTML_MARKUP.test(segment)) ? 'active_content' : null;
  } catch (error) {
    return error instanceof Stop ? error.problem : 'corrupt';
  }
}

function decodeName(raw: string): string {
  if (!raw.includes('#')) return raw;
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Reads the tokens of `data`, throwing a Stop at the first problem; returns the text outside streams (latin1),
 * for the polyglot check.
 */
function lex(data: Buffer, scan: Scan, depth: number): string[] {
  const outside: string[] = [];
  let segmentStart = 0;
  /** Tokens of the current object, to read a stream's dictionary. */
  let object: Token[] = [];
  /** A stream dictionary longer than anything real could hide its /First past what is kept. */
  let oversized = false;
  let openAction = false;
  let steps = 0;
  const n = data.length;
  let i = 0;

  const onToken = (token: Token) => {
    if (openAction) {
      openAction = false;
      // A destination ([page /Fit]), direct or by reference, only opens a page; a direct dictionary is an action.
      // An action by reference is judged by its type's name (the dangerous ones are all in ACTIVE_NAMES).
      if (token.type === 'punct' && token.value === '<<') throw new Stop('active_content');
    }
    if (token.type === 'name') {
      if (ACTIVE_NAMES.has(token.value)) throw new Stop('active_content');
      if (token.value === 'OpenAction') openAction = true;
      if (token.value === 'Encrypt') throw new Stop('encrypted_or_macro');
    }
    if (token.type === 'word' && (token.value === 'obj' || token.value === 'endobj')) {
      object = [];
      oversized = false;
    } else if (object.length < MAX_OBJECT_TOKENS) object.push(token);
    else oversized = true;
  };

  while (i < n) {
    if (++steps % 65536 === 0 && Date.now() > scan.deadline) throw new Stop('corrupt');
    const c = data[i];
    if (isWhite(c)) {
      i++;
    } else if (c === 37) {
      // % comment, to the end of the line
      while (i < n && data[i] !== 10 && data[i] !== 13) i++;
    } else if (c === 40) {
      // (literal string), balanced parentheses, backslash escapes
      let nesting = 1;
      i++;
      while (i < n && nesting > 0) {
        const s = data[i];
        if (s === 92) i++;
        else if (s === 40) nesting++;
        else if (s === 41) nesting--;
        i++;
      }
      onToken({ type: 'word', value: '(string)' });
    } else if (c === 60 && data[i + 1] === 60) {
      onToken({ type: 'punct', value: '<<' });
      i += 2;
    } else if (c === 60) {
      // <hex string>
      const end = data.indexOf(62, i);
      i = end < 0 ? n : end + 1;
      onToken({ type: 'word', value: '<string>' });
    } else if (c === 62) {
      onToken({ type: 'punct', value: data[i + 1] === 62 ? '>>' : '>' });
      i += data[i + 1] === 62 ? 2 : 1;
    } else if (c === 91 || c === 93 || c === 123 || c === 125) {
      onToken({ type: 'punct', value: String.fromCharCode(c) });
      i++;
    } else if (c === 47) {
      const start = ++i;
      while (i < n && isRegular(data[i])) i++;
      onToken({ type: 'name', value: decodeName(data.toString('latin1', start, i)) });
    } else if (isDelimiter(c)) {
      i++;
    } else {
      const start = i;
      while (i < n && isRegular(data[i])) i++;
      const word = data.toString('latin1', start, i);
      if (word !== 'stream') {
        onToken({ type: 'word', value: word });
        continue;
      }
      // The data starts after the end of line that follows the keyword.
      if (data[i] === 13) i++;
      if (data[i] === 10) i++;
      outside.push(data.toString('latin1', segmentStart, i));
      const end = streamEnd(data, i, object);
      if (end < 0 || oversized) throw new Stop('corrupt');
      inspectStream(data.subarray(i, end), object, scan, depth);
      const keyword = data.indexOf('endstream', end, 'latin1');
      if (keyword < 0) throw new Stop('corrupt');
      i = keyword + 'endstream'.length;
      segmentStart = i;
      object = [];
      oversized = false;
    }
  }
  outside.push(data.toString('latin1', segmentStart, n));
  return outside;
}

/** Where a stream's data ends: its direct /Length when that lands on `endstream`, else the next `endstream`. */
function streamEnd(data: Buffer, start: number, dictionary: Token[]): number {
  const at = dictionary.findIndex((token) => token.type === 'name' && token.value === 'Length');
  const value = at >= 0 ? dictionary[at + 1] : undefined;
  const isReference = dictionary[at + 3]?.type === 'word' && dictionary[at + 3]?.value === 'R';
  if (value?.type === 'word' && /^\d+$/.test(value.value) && !isReference) {
    const end = start + Number(value.value);
    let j = end;
    while (j < data.length && isWhite(data[j])) j++;
    if (end <= data.length && data.toString('latin1', j, j + 9) === 'endstream') return end;
  }
  return data.indexOf('endstream', start, 'latin1');
}

/** The stream's filters: `/Filter /F` or `/Filter [/F1 /F2]`; null when written otherwise (e.g. a reference). */
function filtersOf(dictionary: Token[]): string[] | null {
  const at = dictionary.findIndex((token) => token.type === 'name' && token.value === 'Filter');
  if (at < 0) return [];
  const first = dictionary[at + 1];
  if (first?.type === 'name') return [first.value];
  if (first?.type !== 'punct' || first.value !== '[') return null;
  const filters: string[] = [];
  for (const token of dictionary.slice(at + 2)) {
    if (token.type === 'punct' && token.value === ']') return filters;
    if (token.type !== 'name') return null;
    filters.push(token.value);
  }
  return null;
}

/**
 * Only object streams hold objects (and so dictionaries with actions); a reader needs their /First, so a stream
 * with /First (or typed /ObjStm) is one, whatever else it claims. Other streams (pages' content, images, fonts)
 * are drawing data and are not read.
 */
function inspectStream(bytes: Buffer, dictionary: Token[], scan: Scan, depth: number): void {
  const names = dictionary.filter((token) => token.type === 'name').map((token) => token.value);
  if (!names.includes('First') && !names.includes('ObjStm')) return;
  if (depth >= MAX_DEPTH) throw new Stop('corrupt');
  const filters = filtersOf(dictionary);
  // Predictors or other filters could hide names from this scan; real object streams are plain Flate.
  if (!filters || filters.length > 1 || (filters.length === 1 && filters[0] !== 'FlateDecode')) {
    throw new Stop('corrupt');
  }
  if (names.includes('DecodeParms')) throw new Stop('corrupt');
  const flate = filters.length === 1;
  let objects = bytes;
  if (flate) {
    try {
      objects = zlib.inflateSync(bytes, {
        maxOutputLength: Math.max(1, scan.remaining),
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new Stop(code === 'ERR_BUFFER_TOO_LARGE' ? 'zip_too_large' : 'corrupt');
    }
  }
  scan.remaining -= objects.length;
  if (scan.remaining < 0) throw new Stop('zip_too_large');
  lex(objects, scan, depth + 1);
}

/**
 * The short passage a search result shows, as plain text with the places that matched the query, never HTML: the
 * website marks them up itself. Words are compared folded (search-text.ts), so "giay phep" highlights "Giấy phép".
 */
import { fold } from './search-text';

export interface Snippet {
  text: string;
  /** [start, end) offsets in `text`, in UTF-16 code units as JavaScript counts them, in order. */
  highlights: [number, number][];
}

const WORD = /[\p{L}\p{N}]+/gu;
const ELLIPSIS = '…';

/** A text's words with their offsets, folded, remembered: result lists show the same names again and again. */
const segmented = new Map<string, { start: number; end: number; folded: string }[]>();
function wordsOf(text: string) {
  let words = segmented.get(text);
  if (words === undefined) {
    if (segmented.size >= 20_000) segmented.clear();
    words = [...text.matchAll(WORD)].map((m) => ({
      start: m.index!,
      end: m.index! + m[0].length,
      folded: fold(m[0]),
    }));
    segmented.set(text, words);
  }
  return words;
}

/**
 * `text` whole when it fits in `maxLength` characters; otherwise the window of at most that many that holds the most
 * distinct query words (the first such window), cut at word edges, with an ellipsis where it was cut. A word matches when its folded form starts with a
 * folded query word (as the search matches words). Text without a match gives its beginning, without highlights.
 */
export function snippet(text: string, queryWords: readonly string[], maxLength = 160): Snippet {
  const words = wordsOf(text).map(({ start, end, folded }) => ({
    start,
    end,
    matched: queryWords.find((word) => word && folded.startsWith(word)),
  }));
  // A text that fits is shown whole.
  if (text.length <= maxLength)
    return { text, highlights: words.filter((word) => word.matched).map((word) => [word.start, word.end]) };
  let best = { from: 0, score: -1 };
  for (let from = 0; from < words.length; from++) {
    if (!words[from].matched) continue;
    const seen = new Set<string>();
    for (let i = from; i < words.length && words[i].end - words[from].start <= maxLength; i++) {
      const matched = words[i].matched;
      if (matched) seen.add(matched);
    }
    if (seen.size > best.score) best = { from, score: seen.size };
  }
  if (words.length === 0) return { text: text.slice(0, maxLength), highlights: [] };
  // Start a few words before the first match, so that it reads in context, within the length.
  let first = best.score < 0 ? 0 : best.from;
  const matchedEnd = (start: number) => {
    let end = start;
    for (let i = start; i < words.length && words[i].end - words[start].start <= maxLength; i++) end = i;
    return end;
  };
  const lastMatched = (() => {
    let last = first;
    const windowEnd = matchedEnd(first);
    for (let i = first; i <= windowEnd; i++) if (words[i].matched) last = i;
    return last;
  })();
  while (first > 0 && first > best.from - 3 && words[lastMatched].end - words[first - 1].start <= maxLength)
    first--;
  const last = matchedEnd(first);
  const start = first === 0 ? 0 : words[first].start;
  const end = last === words.length - 1 ? text.length : words[last].end;
  const before = start > 0 ? ELLIPSIS : '';
  const body = text.slice(start, Math.min(end, start + maxLength));
  const after = start + body.length < text.length ? ELLIPSIS : '';
  const highlights: [number, number][] = words
    .slice(first, last + 1)
    .filter((word) => word.matched && word.end <= start + body.length)
    .map((word) => [word.start - start + before.length, word.end - start + before.length]);
  return { text: before + body + after, highlights };
}

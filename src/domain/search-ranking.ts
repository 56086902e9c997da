/**
 * How the procedure search ranks, as data and arithmetic that the in-memory search (search-engine.ts) carries out,
 * the same whichever database holds the procedures. A document is ranked by, in this order:
 *
 * 1. a national code written in the query (that procedure first);
 * 2. whether it holds every concept of the query (search-query.ts);
 * 3. how many of the query's word pairs its name holds as written (a phrase before scattered words);
 * 4. its score: for each concept, the best way of saying it that the document holds in full, summing for each of
 *    its words idf × the weight of the text it was found in × how it was found (whole word, start of a word, a
 *    typo away). idf is BM25's, ln(1 + (N − df + 0.5) / (df + 0.5)): a rare word counts more than a common one.
 *
 * A concept counts for the query words it stands for ("dạy lái xe" for three), so that what a document holds is
 * measured in the citizen's own words: "mở trường dạy lái xe" finds the driving-school licence, which holds three of
 * them, among the many names holding "mở" and "trường". Below those holding everything, the score orders, not the
 * count: one rare word ("cải chính") says more than two common ones ("giấy", "sinh").
 */
import { distance } from 'fastest-levenshtein';
import type { Concept } from './search-query';
import { allowedEdits } from './search-query';
import { fold, prefixRange } from './search-text';

/**
 * The query words a result must hold out of `all`: every one but one in three ("đăng ký kết hôn với người nước
 * ngoài" finds "đăng ký kết hôn có yếu tố nước ngoài"). Those holding every word rank first.
 */
export const enoughWords = (all: number) => all - Math.floor(all / 3);

/** The texts a procedure's words are indexed from, with their weight. */
export const SOURCE_WEIGHTS = { n: 3, k: 2.5, f: 1.5, a: 1, s: 0.5, r: 0.5 } as const;
export type RankedSource = keyof typeof SOURCE_WEIGHTS;

/** A word found as the start of a longer one ("phep" in "phepx") or a typo away counts less than the word itself. */
export const PREFIX_FACTOR = 0.5;
export const TYPO_FACTOR = 0.7;

/**
 * A score as results are ordered by it: to a billionth. The same words found in other places can sum in another
 * order and differ in the last bit; such ties fall to the national code, as true ties do.
 */
export const rankedScore = (score: number) => Math.round(score * 1e9);

export const idf = (df: number, documents: number) =>
  Math.log(1 + (Math.max(documents - df, 0) + 0.5) / (df + 0.5));

/** The adjacent word pairs of a text ("giay phep"): a phrase match is a pair match. */
export function wordPairs(text: string): string[] {
  const words = fold(text).split(' ').filter(Boolean);
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return [...pairs];
}

/** One way a query word is looked up: the words in [lo, hi), weighted by `factor`. */
export interface TermLookup {
  concept: number;
  alternative: number;
  word: number;
  lo: string;
  hi: string;
  /** 1 for the word as typed (its own terms and, at PREFIX_FACTOR, longer ones), TYPO_FACTOR for a correction. */
  factor: number;
}

export interface RankingPlan {
  lookups: TermLookup[];
  /** The number of words of each alternative: it matches only when all are found. */
  alternatives: { concept: number; alternative: number; words: number }[];
  /** The query's word pairs, for the phrase rank. */
  pairs: string[];
  /** The number of the query's own words each concept stands for: what holding it counts for. */
  span: number[];
}

/** The exact range of one term: nothing over [0-9a-z] lies between `term` and `term + '0'`. */
const exactly = (term: string): [string, string] => [term, `${term}0`];

/**
 * The lookups of a query: each word as typed, and its corrections. The query's last word may be unfinished, as a
 * citizen types: it is also the start of longer words ("giay phe" finds "giấy phép"). The others are whole words,
 * as are every synonym's, so that "sổ đỏ bị mất" is not also "sổ đối" or "doanh".
 */
export function rankingPlan(concepts: Concept[], corrections: Map<string, string[]>): RankingPlan {
  const lookups: TermLookup[] = [];
  const alternatives: RankingPlan['alternatives'] = [];
  const last = concepts.length - 1;
  concepts.forEach((concept, c) =>
    concept.alternatives.forEach((words, a) => {
      alternatives.push({ concept: c, alternative: a, words: words.length });
      words.forEach((word, w) => {
        const typing = c === last && a === 0 && w === words.length - 1 && word.length > 1;
        const [lo, hi] = typing ? prefixRange(word) : exactly(word);
        lookups.push({ concept: c, alternative: a, word: w, lo, hi, factor: 1 });
        for (const corrected of corrections.get(word) ?? []) {
          const [clo, chi] = exactly(corrected);
          lookups.push({ concept: c, alternative: a, word: w, lo: clo, hi: chi, factor: TYPO_FACTOR });
        }
      });
    })
  );
  const pairs = new Set<string>();
  const own = concepts.flatMap((concept) => concept.words);
  for (let i = 1; i < own.length; i++) pairs.add(`${own[i - 1]} ${own[i]}`);
  for (const concept of concepts)
    for (const words of concept.alternatives.slice(1))
      for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return { lookups, alternatives, pairs: [...pairs], span: concepts.map((concept) => concept.words.length) };
}

/** The index's words and how many documents hold each, for typo corrections. */
export type Vocabulary = ReadonlyMap<string, number>;

/**
 * The words of the vocabulary within the edits a word may hold (allowedEdits), closest first, then the most
 * common: none for a word the vocabulary holds or one too short to correct.
 */
export function corrections(word: string, vocabulary: Vocabulary, limit = 3): string[] {
  const edits = allowedEdits(word);
  if (edits === 0 || vocabulary.has(word)) return [];
  const found: { term: string; edits: number; documents: number }[] = [];
  for (const [term, documents] of vocabulary) {
    if (Math.abs(term.length - word.length) > edits) continue;
    const d = distance(word, term);
    if (d <= edits) found.push({ term, edits: d, documents });
  }
  return found
    .sort((a, b) => a.edits - b.edits || b.documents - a.documents || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map((entry) => entry.term);
}

/**
 * "Did you mean": the query with each word the vocabulary lacks replaced by its best correction, when there is one
 * to make; null otherwise.
 */
export function suggestion(words: string[], vocabulary: Vocabulary): string | null {
  let changed = false;
  const suggested = words.map((word) => {
    const [best] = corrections(word, vocabulary, 1);
    if (best) changed = true;
    return best ?? word;
  });
  return changed ? suggested.join(' ') : null;
}

/**
 * A citizen's query, understood before it is ranked: its folded words grouped into concepts, each concept with
 * every way of saying it. Synonym phrases (the managed list, applied both ways, several words on either side) are
 * found first, so that a stop word inside a phrase ("các-bon") stays; then the domain's stop words are dropped
 * while other words remain ("thủ tục đất đai" is "đất đai"). The ranking (search-ranking.ts, search-engine.ts) scores
 * documents by the concepts they match.
 */
import { fieldError, type Language, type Validated } from './errors';
import { fold } from './search-text';

/** Words a citizen adds around what they look for; folded. Dropped only when other words remain. */
export const STOP_PHRASES = [
  'thu tuc',
  'ho so',
  'nhu the nao',
  'the nao',
  'o dau',
  'bao lau',
  'lam',
  'xin',
  'cach',
  'can',
  'muon',
  'toi',
  'minh',
  'de',
  'gi',
  'thi',
  'a',
  'nhe',
  // Words that join others. Not "trong" (trồng), "tai" (tài), "co" (cơ, cỏ), "con" (con nuôi), "cua", "mot"
  // (một cửa): folded, they are other words too.
  'cho',
  'va',
  'voi',
  'cac',
  'nhung',
  'duoc',
  'bi',
].map((phrase) => phrase.split(' '));

/** A synonym group as an editor writes it: phrases that mean the same thing, e.g. ["sổ đỏ", "giấy chứng nhận…"]. */
export type SynonymGroup = readonly string[];

export const MAX_SYNONYM_PHRASES = 12;
export const MAX_PHRASE_LENGTH = 100;

/**
 * The phrases of a synonym entry as an editor writes it, one per line: at least two that differ once folded, each
 * of at most 100 characters, at most 12.
 */
export function checkSynonymPhrases(text: unknown, language: Language = 'vi'): Validated<string[]> {
  const fail = (vi: string, en: string): Validated<string[]> => ({
    ok: false,
    errors: [fieldError(['phrases'], vi, en, language)],
  });
  if (typeof text !== 'string')
    return fail('Hãy nhập các cách gọi, mỗi dòng một cách.', 'Enter the ways of saying it, one per line.');
  const phrases = text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  const long = phrases.find((phrase) => phrase.length > MAX_PHRASE_LENGTH);
  if (long)
    return fail(
      `Mỗi cách gọi dài tối đa ${MAX_PHRASE_LENGTH} ký tự: "${long.slice(0, 30)}…".`,
      `Each way of saying it is at most ${MAX_PHRASE_LENGTH} characters: "${long.slice(0, 30)}…".`
    );
  if (phrases.length > MAX_SYNONYM_PHRASES)
    return fail(
      `Tối đa ${MAX_SYNONYM_PHRASES} cách gọi trong một mục.`,
      `At most ${MAX_SYNONYM_PHRASES} ways of saying it in one entry.`
    );
  const distinct = new Set(phrases.map(fold).filter(Boolean));
  if (distinct.size < 2)
    return fail(
      'Cần ít nhất hai cách gọi khác nhau (không tính dấu, chữ hoa), mỗi dòng một cách.',
      'At least two different ways of saying it are needed (ignoring accents and case), one per line.'
    );
  return { ok: true, value: phrases };
}

/** The groups folded into word sequences, longest phrase first, for the scan of a query. */
export interface PreparedSynonyms {
  phrases: { words: string[]; group: number }[];
  groups: string[][][];
}

export function prepareSynonyms(groups: readonly SynonymGroup[]): PreparedSynonyms {
  const folded = groups.map((group) => {
    const seen = new Set<string>();
    return group
      .map((phrase) => fold(phrase))
      .filter((phrase) => phrase !== '' && !seen.has(phrase) && seen.add(phrase))
      .map((phrase) => phrase.split(' '));
  });
  const phrases = folded
    .flatMap((group, index) => (group.length > 1 ? group.map((words) => ({ words, group: index })) : []))
    .sort((a, b) => b.words.length - a.words.length);
  return { phrases, groups: folded };
}

/** What the query means: one concept per thing asked for. */
export interface Concept {
  /** The query's own words for it. */
  words: string[];
  /** Every way of saying it, its own words first: a word sequence each. */
  alternatives: string[][];
}

export interface UnderstoodQuery {
  concepts: Concept[];
  /** The stop words left out. */
  ignored: string[];
}

const startsAt = (words: string[], at: number, phrase: string[]) =>
  phrase.every((word, offset) => words[at + offset] === word);

/**
 * Groups folded query words into concepts: synonym phrases first (longest first), then stop words out while other
 * words remain. National codes typed beside them (`withCodes`) are such words: "thủ tục 1.004359" asks for the code.
 */
export function understandQuery(
  words: string[],
  synonyms: PreparedSynonyms,
  { withCodes = false }: { withCodes?: boolean } = {}
): UnderstoodQuery {
  const parts: { words: string[]; group: number | null }[] = [];
  for (let at = 0; at < words.length; ) {
    const phrase = synonyms.phrases.find((candidate) => startsAt(words, at, candidate.words));
    if (phrase) {
      parts.push({ words: phrase.words, group: phrase.group });
      at += phrase.words.length;
    } else {
      parts.push({ words: [words[at]], group: null });
      at++;
    }
  }
  // Stop phrases are looked for among the words that no synonym claimed, longest first.
  const ignored: string[] = [];
  const kept: typeof parts = [];
  for (let at = 0; at < parts.length; ) {
    const stop =
      parts[at].group === null &&
      STOP_PHRASES.filter((phrase) =>
        phrase.every(
          (word, offset) => parts[at + offset]?.group === null && parts[at + offset].words[0] === word
        )
      ).sort((a, b) => b.length - a.length)[0];
    if (stop) {
      ignored.push(stop.join(' '));
      at += stop.length;
    } else {
      kept.push(parts[at]);
      at++;
    }
  }
  const othersRemain = kept.length > 0 || withCodes;
  const meaningful = othersRemain ? kept : parts;
  return {
    concepts: meaningful.map(({ words: own, group }) => ({
      words: own,
      alternatives:
        group === null
          ? [own]
          : [own, ...synonyms.groups[group].filter((alt) => alt.join(' ') !== own.join(' '))],
    })),
    ignored: othersRemain ? ignored : [],
  };
}

/** The edits a typo may hold, judged on the folded word: one from 5 letters, two from 9. */
export const allowedEdits = (word: string) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);

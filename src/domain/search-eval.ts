/**
 * The measuring stick of the public procedure search (issue 16): a set of citizens' queries, each with the
 * national codes that truly answer it (tests/search/relevance.json), is run through a search, and the ranking is
 * scored by recall@k and reciprocal rank@k. The strict search the product had before issue 16 is re-implemented
 * here over plain documents, so that any ranking can be compared with it without a database.
 */
import { parseSearchParams } from './procedure-search';
import { terms } from './search-text';

/** A judged query: what a citizen typed and every national code of the corpus that answers it. */
export interface JudgedQuery {
  q: string;
  relevant: string[];
}

/** A searchable procedure as the index sees it: its name, keywords and field name. */
export interface CorpusDocument {
  nationalCode: string;
  name: string;
  keywords: string;
  field: string;
}

function checked(k: number, relevant: readonly string[]) {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number >= 1, got ${k}`);
  if (relevant.length === 0) throw new RangeError('a judged query needs at least one relevant code');
}

/**
 * The share of the relevant codes found in the first k results. A query with more than k relevant codes is
 * measured against k (the most a page of k can hold), so that a perfect page scores 1. Two versions of one
 * procedure share a code and count once.
 */
export function recallAt(k: number, ranked: readonly string[], relevant: readonly string[]): number {
  checked(k, relevant);
  const top = new Set(ranked.slice(0, k));
  const wanted = new Set(relevant);
  return [...wanted].filter((code) => top.has(code)).length / Math.min(k, wanted.size);
}

/** 1 / the position of the first relevant result within the first k, 0 when none is there. */
export function reciprocalRankAt(k: number, ranked: readonly string[], relevant: readonly string[]): number {
  checked(k, relevant);
  const wanted = new Set(relevant);
  const position = ranked.slice(0, k).findIndex((code) => wanted.has(code));
  return position < 0 ? 0 : 1 / (position + 1);
}

/** One query's outcome: what the search ranked and how it scored. */
export interface QueryOutcome extends JudgedQuery {
  ranked: string[];
  recall: number;
  reciprocalRank: number;
}

export interface Evaluation {
  /** Mean recall@k over the queries. */
  recall: number;
  /** Mean reciprocal rank@k (MRR@k). */
  mrr: number;
  queries: QueryOutcome[];
}

/** Scores a search's rankings of a query set (`ranked[i]` answers `queries[i]`): the means and each query. */
export function evaluate(
  k: number,
  queries: readonly JudgedQuery[],
  ranked: readonly string[][]
): Evaluation {
  if (queries.length === 0) throw new RangeError('an evaluation needs at least one query');
  if (ranked.length !== queries.length) {
    throw new RangeError(`${queries.length} queries but ${ranked.length} rankings`);
  }
  const outcomes = queries.map(({ q, relevant }, i) => ({
    q,
    relevant,
    ranked: ranked[i],
    recall: recallAt(k, ranked[i], relevant),
    reciprocalRank: reciprocalRankAt(k, ranked[i], relevant),
  }));
  const mean = (score: (outcome: QueryOutcome) => number) =>
    outcomes.reduce((sum, outcome) => sum + score(outcome), 0) / outcomes.length;
  return { recall: mean((o) => o.recall), mrr: mean((o) => o.reciprocalRank), queries: outcomes };
}

/**
 * The product's search before issue 16, over documents: the query is read as the route reads it (national codes
 * taken out, the rest folded into words); every word must start a word of the name, keywords or field; a query of
 * codes alone lists those procedures, an empty one lists all. Codes written in the query rank first, then the
 * procedures whose name holds every word, then by national code (versions of one code in the documents' order).
 * Returns a function from a query to the codes in rank order.
 */
export function strictSearch(documents: readonly CorpusDocument[]): (q: string) => string[] {
  const indexed = documents.map(({ nationalCode, name, keywords, field }) => {
    const nameTerms = terms(name);
    return { nationalCode, name: nameTerms, all: [...nameTerms, ...terms(keywords), ...terms(field)] };
  });
  const starts = (words: string[], word: string) => words.some((term) => term.startsWith(word));
  return (q) => {
    const parsed = parseSearchParams({ q }, ['vi']);
    if (!parsed.ok) throw new RangeError(`the route refuses the query ${JSON.stringify(q)}`);
    const { codes, words } = parsed.value;
    const matches = (doc: (typeof indexed)[number]) =>
      words.length > 0
        ? words.every((word) => starts(doc.all, word))
        : codes.length === 0 || codes.includes(doc.nationalCode);
    // Array.prototype.sort is stable: equal keys keep the documents' order.
    const key = (doc: (typeof indexed)[number]) =>
      [
        codes.includes(doc.nationalCode) ? 0 : 1,
        words.every((word) => starts(doc.name, word)) ? 0 : 1,
        doc.nationalCode,
      ] as const;
    return (
      indexed
        .filter(matches)
        .map((doc) => ({ doc, key: key(doc) }))
        // Codes in byte order, as the database's ORDER BY national_code gives them.
        .sort(
          (a, b) =>
            a.key[0] - b.key[0] || a.key[1] - b.key[1] || (a.key[2] < b.key[2] ? -1 : +(a.key[2] > b.key[2]))
        )
        .map(({ doc }) => doc.nationalCode)
    );
  };
}

/**
 * The ranked search carried out in memory: a collection of documents (one model, one locale), each with its folded
 * words, where each was found (name, keywords, …), its name's word pairs and what a result shows (`payload`). A
 * query's RankingPlan (search-ranking.ts) is scored here exactly as that module says, so that ranking costs no SQL:
 * the same arithmetic, the same order, on SQLite and PostgreSQL alike.
 *
 * Postings are plain arrays of `slot * 64 + sources` (a bit per source). A document written again takes a new slot
 * and its old one is left dead, skipped when scoring, until dead slots outnumber live ones and the postings are
 * rebuilt from the documents' own word lists: an import of thousands of procedures costs no postings surgery.
 */
import type { Concept } from './search-query';
import {
  corrections,
  idf,
  rankedScore,
  rankingPlan,
  suggestion,
  wordPairs,
  PREFIX_FACTOR,
  SOURCE_WEIGHTS,
  enoughWords,
  type RankedSource,
  type RankingPlan,
  type TermLookup,
  type Vocabulary,
} from './search-ranking';
import { terms } from './search-text';

/** What a collection is given for each document. */
export interface EngineDocument<P> {
  key: string;
  /** Each folded word with the sources it was found in. */
  words: ReadonlyMap<string, readonly RankedSource[]>;
  /** The name's adjacent word pairs ("giay phep"): a phrase match is a pair match. */
  pairs: readonly string[];
  /** Orders documents that rank equal (the national code). */
  order: string;
  /** Identifiers a query may name exactly (a national code), found without a scan. */
  identifiers?: readonly string[];
  payload: P;
}

/** A document's words and pairs from its texts, each text with the source it is weighted as. */
export function indexedWords(
  texts: [RankedSource, string | null | undefined][],
  named: string | null | undefined
): Pick<EngineDocument<unknown>, 'words' | 'pairs'> {
  const words = new Map<string, RankedSource[]>();
  for (const [source, text] of texts)
    for (const term of terms(text ?? '')) {
      const found = words.get(term);
      if (!found) words.set(term, [source]);
      else if (!found.includes(source)) found.push(source);
    }
  return { words, pairs: wordPairs(named ?? '') };
}

interface Slot<P> {
  key: string;
  order: string;
  identifiers: readonly string[];
  payload: P;
  /** Its run of the collection's slotTerms and slotSources, and of its slotPairs. */
  termsAt: number;
  termCount: number;
  pairsAt: number;
  pairCount: number;
}

/** A result: how many of the query's words it holds (search-ranking.ts), its phrase pairs, its score. */
export interface Ranked<P> {
  key: string;
  payload: P;
  matched: number;
  phrase: number;
  score: number;
}

/** One page of a search and its counts, as the public search reports them. */
export interface RankedPage<P> {
  results: Ranked<P>[];
  /** Results of the whole search: those holding enough words, or when none does, those holding any. */
  total: number;
  /** Those holding every word. */
  matchedAll: number;
  /** No document holds enough of the query: these hold some of it. */
  partial: boolean;
}

/** A search's page with what the response says of the query. */
export interface ConceptSearch<P> extends RankedPage<P> {
  /** The query with its unknown words corrected, when nothing held it in full. */
  suggestion: string | null;
  /** The folded words a snippet highlights: every way of saying each concept, and their corrections. */
  highlighted: string[];
}

/**
 * A query's concepts (search-query.ts) searched in a collection: each word also looked up as its corrections from
 * the collection's own words, ranked as search-ranking.ts says. Without concepts, the pinned documents, or every
 * one.
 */
export function searchConcepts<P>(
  collection: SearchCollection<P>,
  concepts: Concept[],
  options: { accept?: (payload: P) => boolean; pinned?: string[]; page: number; pageSize: number }
): ConceptSearch<P> {
  const words = [...new Set(concepts.flatMap((concept) => concept.alternatives.flat()))];
  const known = collection.vocabulary();
  const corrected = new Map(words.map((word) => [word, corrections(word, known)]));
  const plan = concepts.length ? rankingPlan(concepts, corrected) : null;
  const page = collection.search(plan, options);
  return {
    ...page,
    suggestion: plan && page.matchedAll === 0 ? suggestion(words, known) : null,
    highlighted: [...new Set([...words, ...[...corrected.values()].flat()])],
  };
}

const SOURCE_BITS = Object.keys(SOURCE_WEIGHTS) as RankedSource[];
/** The best weight of each set of sources: a word found in the name and the result counts as in the name. */
const BEST_WEIGHT = Float64Array.from({ length: 1 << SOURCE_BITS.length }, (_, mask) =>
  Math.max(0, ...SOURCE_BITS.filter((_, bit) => mask & (1 << bit)).map((source) => SOURCE_WEIGHTS[source]))
);
/** What a query word reaches: term ids, the weight of each, and their postings' length. */
interface WordTerms {
  ids: number[];
  weights: number[];
  cost: number;
}

/**
 * What looking a word up among one candidate's own terms costs, in steps of a posting scan (a document holds some 30
 * terms, reached through its slot): the cheaper way is chosen; both find the same.
 */
const NARROW_COST = 64;

/** A posting is `slot << SOURCE_SHIFT | sources`. */
const SOURCE_SHIFT = 6;
const SOURCE_MASK = (1 << SOURCE_SHIFT) - 1;

/**
 * The slots one step of the scoring found (`list`, `length` of them), each with a value and a count: stamped by
 * generation, so that nothing is cleared between uses.
 */
class Scratch {
  stamp: Int32Array;
  value: Float64Array;
  count: Int32Array;
  list: Int32Array;
  length = 0;
  generation = 0;
  constructor(size: number) {
    this.stamp = new Int32Array(size);
    this.value = new Float64Array(size);
    this.count = new Int32Array(size);
    this.list = new Int32Array(size);
  }

  /** Empties it: a new generation. */
  restart() {
    this.generation += 1;
    this.length = 0;
  }

  /** Adds a slot (not yet held) with its value and a count of 0. */
  add(slot: number, value: number) {
    this.stamp[slot] = this.generation;
    this.value[slot] = value;
    this.count[slot] = 0;
    this.list[this.length] = slot;
    this.length += 1;
  }

  holds(slot: number) {
    return this.stamp[slot] === this.generation;
  }
}

export class SearchCollection<P> {
  private slots: (Slot<P> | null)[] = [];
  private alive = new Uint8Array(1024);
  private byKey = new Map<string, number>();
  /** The keys holding each identifier: the one key, as is usual, or a list (a Set per code was 50,000 more objects). */
  private byIdentifier = new Map<string, string | string[]>();
  private termIds = new Map<string, number>();
  private termNames: string[] = [];
  private postings: number[][] = [];
  /** Each term's live documents: idf's df of a one-term lookup. */
  private liveCounts: number[] = [];
  /** idf's df of the lookups reaching several terms, until the next write. */
  private rangeCounts = new Map<string, number>();
  /** The terms of the word being looked for among a candidate's own terms (narrow), stamped by `termMark`. */
  private termMarks = new Int32Array(0);
  private termWeights = new Float64Array(0);
  private termMark = 0;
  /** The postings as typed arrays, made when a term is first searched after a write. */
  private frozen: (Int32Array | null)[] = [];
  private pairIds = new Map<string, number>();
  private pairPostings: number[][] = [];
  /**
   * Each slot's term ids with their sources, and its pair ids, as runs of arrays shared by all: three arrays, not
   * three a document, so that each full GC has some 150,000 fewer objects to mark at 50,000 documents.
   */
  private slotTerms = new Int32Array(1024);
  private slotSources = new Uint8Array(1024);
  private slotPairs = new Int32Array(1024);
  private termsUsed = 0;
  private pairsUsed = 0;
  private sorted: string[] | null = null;
  /** Each slot's place in the documents' own order, made when first needed after a write. */
  private orderRanks: Int32Array | null = null;
  private known: Map<string, number> | null = null;
  private pool: Scratch[] = [];

  /**
   * `deadSlots`: how many dead slots, beyond as many as live ones, are kept before the postings are rebuilt;
   * `narrowCost`: NARROW_COST, a test's to change.
   */
  constructor(
    private deadSlots = 256,
    private narrowCost = NARROW_COST
  ) {}

  /** Live documents: idf's N. */
  get size() {
    return this.byKey.size;
  }

  /** Adds a document, or replaces the one with its key. */
  put(document: EngineDocument<P>) {
    this.remove(document.key);
    const slot = this.slots.length;
    const termsAt = this.termsUsed;
    const termCount = document.words.size;
    this.slotTerms = grown(this.slotTerms, termsAt + termCount);
    this.slotSources = grown(this.slotSources, termsAt + termCount);
    this.termsUsed += termCount;
    let i = termsAt;
    for (const [word, found] of document.words) {
      let id = this.termIds.get(word);
      if (id === undefined) {
        id = this.termNames.length;
        this.termIds.set(word, id);
        this.termNames.push(word);
        this.postings.push([]);
        this.liveCounts.push(0);
        this.frozen.push(null);
        this.sorted = null;
      }
      let mask = 0;
      for (const source of found) mask |= 1 << SOURCE_BITS.indexOf(source);
      this.slotTerms[i] = id;
      this.slotSources[i] = mask;
      this.postings[id].push((slot << SOURCE_SHIFT) | mask);
      this.liveCounts[id] += 1;
      this.frozen[id] = null;
      i += 1;
    }
    const pairs = new Set(document.pairs);
    const pairsAt = this.pairsUsed;
    this.slotPairs = grown(this.slotPairs, pairsAt + pairs.size);
    this.pairsUsed += pairs.size;
    let p = pairsAt;
    for (const pair of pairs) {
      let id = this.pairIds.get(pair);
      if (id === undefined) {
        id = this.pairPostings.length;
        this.pairIds.set(pair, id);
        this.pairPostings.push([]);
      }
      this.pairPostings[id].push(slot);
      this.slotPairs[p] = id;
      p += 1;
    }
    const identifiers = [...new Set(document.identifiers)];
    for (const identifier of identifiers) {
      const keys = this.byIdentifier.get(identifier);
      this.byIdentifier.set(identifier, keys === undefined ? document.key : [keys, document.key].flat());
    }
    this.slots.push({
      key: document.key,
      order: document.order,
      identifiers,
      payload: document.payload,
      termsAt,
      termCount,
      pairsAt,
      pairCount: pairs.size,
    });
    this.alive = grown(this.alive, slot + 1);
    this.alive[slot] = 1;
    this.byKey.set(document.key, slot);
    this.known = null;
    this.rangeCounts.clear();
    this.orderRanks = null;
  }

  remove(key: string) {
    const slot = this.byKey.get(key);
    if (slot === undefined) return;
    for (const identifier of this.slots[slot]!.identifiers) {
      const keys = this.keysOf(identifier).filter((held) => held !== key);
      if (keys.length === 0) this.byIdentifier.delete(identifier);
      else this.byIdentifier.set(identifier, keys.length === 1 ? keys[0] : keys);
    }
    const { termsAt, termCount } = this.slots[slot]!;
    for (let k = termsAt; k < termsAt + termCount; k += 1) this.liveCounts[this.slotTerms[k]] -= 1;
    this.slots[slot] = null;
    this.alive[slot] = 0;
    this.byKey.delete(key);
    this.known = null;
    this.rangeCounts.clear();
    this.orderRanks = null;
    if (this.slots.length - this.byKey.size > Math.max(this.deadSlots, this.byKey.size)) this.compact();
  }

  /** The keys of the documents with any of these identifiers. */
  withIdentifiers(identifiers: readonly string[]): string[] {
    return [...new Set(identifiers.flatMap((identifier) => this.keysOf(identifier)))];
  }

  private keysOf(identifier: string): string[] {
    return [this.byIdentifier.get(identifier) ?? []].flat();
  }

  /** The words and how many live documents hold each, for typo corrections. */
  vocabulary(): Vocabulary {
    if (!this.known) {
      const known = new Map<string, number>();
      this.liveCounts.forEach((live, id) => live && known.set(this.termNames[id], live));
      this.known = known;
    }
    return this.known;
  }

  /**
   * One page of a search: with a plan, those holding enough of its words (`enoughWords`), every word first, or
   * when none does, those holding any, flagged partial; without one, the `pinned` when given, else every document.
   * `pinned` documents (a national code in the query) count as holding every word. Only `accept`ed documents are
   * listed, but idf's document frequencies count them all. Only the page is put in order.
   */
  search(
    plan: RankingPlan | null,
    options: { accept?: (payload: P) => boolean; pinned?: string[]; page: number; pageSize: number }
  ): RankedPage<P> {
    const pinned = new Set<number>();
    for (const key of options.pinned ?? []) {
      const slot = this.byKey.get(key);
      if (slot !== undefined) pinned.add(slot);
    }
    const all = plan ? plan.span.reduce((sum, words) => sum + words, 0) : 0;
    const enough = enoughWords(all);
    // The candidates (held.list), with the query words each holds (count) and its score (value).
    const held = this.acquire();
    const phrases = this.acquire();
    let matchedAll = 0;
    let holdingEnough = 0;
    let kept = 0;
    // Scored first only where a document can still hold enough words; when none does, once more in full, since
    // those holding any are then listed.
    for (const prune of plan ? [true, false] : [false]) {
      held.restart();
      phrases.restart();
      const pruned = plan ? this.score(plan, enough, prune, held, phrases) : false;
      if (!plan) for (const slot of options.pinned ? pinned : this.byKey.values()) held.add(slot, 0);
      for (const slot of pinned) {
        if (!held.holds(slot)) held.add(slot, 0);
        held.count[slot] = all;
      }
      // The accepted candidates, kept in place in held.list, then those holding enough.
      matchedAll = 0;
      holdingEnough = 0;
      kept = 0;
      for (let i = 0; i < held.length; i += 1) {
        const slot = held.list[i];
        if (options.accept && !options.accept(this.slots[slot]!.payload)) continue;
        held.list[kept] = slot;
        kept += 1;
        if (held.count[slot] >= all) matchedAll += 1;
        if (held.count[slot] >= enough) holdingEnough += 1;
      }
      if (!pruned || holdingEnough > 0) break;
    }
    let listed = kept;
    if (holdingEnough > 0 && holdingEnough < kept) {
      listed = 0;
      for (let i = 0; i < kept; i += 1) {
        if (held.count[held.list[i]] < enough) continue;
        held.list[listed] = held.list[i];
        listed += 1;
      }
    }
    const ranks = this.ranksInOrder();
    const phraseOf = (slot: number) => (phrases.holds(slot) ? phrases.count[slot] : 0);
    const order = (a: number, b: number) =>
      (pinned.size ? Number(pinned.has(b)) - Number(pinned.has(a)) : 0) ||
      Number(held.count[b] >= all) - Number(held.count[a] >= all) ||
      phraseOf(b) - phraseOf(a) ||
      rankedScore(held.value[b]) - rankedScore(held.value[a]) ||
      ranks[a] - ranks[b];
    const start = (options.page - 1) * options.pageSize;
    const results = top(held.list.subarray(0, listed), start + options.pageSize, order)
      .slice(start)
      .map((slot) => ({
        key: this.slots[slot]!.key,
        payload: this.slots[slot]!.payload,
        matched: held.count[slot],
        phrase: phraseOf(slot),
        score: held.value[slot],
      }));
    this.release(held, phrases);
    return {
      results,
      total: listed,
      matchedAll,
      partial: all > 0 && matchedAll === 0 && kept > 0,
    };
  }

  /**
   * The slots holding at least one concept of the plan, in `held` with the query words each holds (count) and its
   * score (value); in `phrases`, the query's pairs its name holds. Concepts of one word are taken last, rarest
   * first; with `prune`, once the words left cannot make `enough` on their own, a word's documents are only
   * counted where already held (MaxScore's pruning). Whether it pruned.
   */
  private score(plan: RankingPlan, enough: number, prune: boolean, held: Scratch, phrases: Scratch): boolean {
    const words: { word: WordTerms; span: number }[] = [];
    for (let c = 0; c < plan.span.length; c += 1) {
      const alternatives = plan.alternatives
        .filter((alt) => alt.concept === c)
        .map(({ alternative: a, words: length }) =>
          Array.from({ length }, (_, w) =>
            this.wordTerms(plan.lookups.filter((l) => l.concept === c && l.alternative === a && l.word === w))
          )
        );
      if (alternatives.length === 1 && alternatives[0].length === 1) {
        words.push({ word: alternatives[0][0], span: plan.span[c] });
        continue;
      }
      // Each way of saying it, a slot's best value kept in `best`, then added once.
      const best = this.acquire();
      for (const phrase of alternatives) {
        const found = this.holdingAll(phrase);
        for (let i = 0; i < found.length; i += 1) {
          const slot = found.list[i];
          if (!best.holds(slot)) best.add(slot, found.value[slot]);
          else if (found.value[slot] > best.value[slot]) best.value[slot] = found.value[slot];
        }
        this.release(found);
      }
      this.addTo(held, best, plan.span[c], true);
      this.release(best);
    }
    words.sort((a, b) => a.word.cost - b.word.cost);
    let left = words.reduce((sum, { span }) => sum + span, 0);
    let pruned = false;
    for (const { word, span } of words) {
      // A document holding none of the concepts so far holds at most `left` words.
      const adding = !prune || left >= enough;
      pruned ||= !adding;
      left -= span;
      if (!adding && held.length * this.narrowCost < word.cost) this.countAmong(held, word, span);
      else this.scanInto(word, span, held, adding);
    }
    for (const pair of plan.pairs) {
      const id = this.pairIds.get(pair);
      if (id === undefined) continue;
      for (const slot of this.pairPostings[id]) {
        if (!held.holds(slot)) continue;
        if (!phrases.holds(slot)) phrases.add(slot, 0);
        phrases.count[slot] += 1;
      }
    }
    return pruned;
  }

  /**
   * The terms a query word's lookups reach, each with its best weight: idf of its lookup's range × the lookup's
   * factor × PREFIX_FACTOR for a word longer than the one looked up. A document's value for the word is then its
   * best term's weight × the best weight of the sources it was found in. `cost` counts their postings.
   */
  private wordTerms(lookups: readonly TermLookup[]): WordTerms {
    const weights = new Map<number, number>();
    const sorted = this.sortedTerms();
    for (const { lo, hi, factor } of lookups) {
      const ids: number[] = [];
      for (let i = lowerBound(sorted, lo); i < sorted.length && sorted[i] < hi; i += 1)
        ids.push(this.termIds.get(sorted[i])!);
      if (!ids.length) continue;
      const weight = idf(this.documentsHolding(lo, hi, ids), this.size) * factor;
      for (const id of ids) {
        const each = this.termNames[id] === lo ? weight : weight * PREFIX_FACTOR;
        if (each > (weights.get(id) ?? 0)) weights.set(id, each);
      }
    }
    let cost = 0;
    for (const id of weights.keys()) cost += this.postings[id].length;
    return { ids: [...weights.keys()], weights: [...weights.values()], cost };
  }

  /** idf's df of a lookup: the live documents holding any of its terms. */
  private documentsHolding(lo: string, hi: string, ids: number[]): number {
    if (ids.length === 1) return this.liveCounts[ids[0]];
    const key = `${lo}\u0000${hi}`;
    let count = this.rangeCounts.get(key);
    if (count === undefined) {
      const seen = this.scan({ ids, weights: ids.map(() => 1), cost: 0 });
      count = seen.length;
      this.release(seen);
      this.rangeCounts.set(key, count);
    }
    return count;
  }

  /** The live slots holding the word, each with its best term's value. */
  private scan(word: WordTerms): Scratch {
    const found = this.acquire();
    const { stamp, value, generation } = found;
    const { alive } = this;
    for (let t = 0; t < word.ids.length; t += 1) {
      const entries = this.entriesOf(word.ids[t]);
      const weight = word.weights[t];
      for (let e = 0; e < entries.length; e += 1) {
        const slot = entries[e] >> SOURCE_SHIFT;
        if (alive[slot] === 0) continue;
        const v = BEST_WEIGHT[entries[e] & SOURCE_MASK] * weight;
        if (stamp[slot] !== generation) found.add(slot, v);
        else if (v > value[slot]) value[slot] = v;
      }
    }
    return found;
  }

  /**
   * Counts `span` words and adds the word's value for each live slot holding it; new slots only when `adding`. A
   * word of one term, whose postings name each slot once, in one pass; otherwise each slot's best term first, so
   * that equal holdings always sum to equal scores (ties then fall to the documents' order).
   */
  private scanInto(word: WordTerms, span: number, held: Scratch, adding: boolean) {
    if (word.ids.length !== 1) {
      const found = this.scan(word);
      this.addTo(held, found, span, adding);
      this.release(found);
      return;
    }
    const entries = this.entriesOf(word.ids[0]);
    const weight = word.weights[0];
    const { alive } = this;
    for (let e = 0; e < entries.length; e += 1) {
      const slot = entries[e] >> SOURCE_SHIFT;
      if (alive[slot] === 0) continue;
      if (!held.holds(slot)) {
        if (!adding) continue;
        held.add(slot, 0);
      }
      held.count[slot] += span;
      held.value[slot] += BEST_WEIGHT[entries[e] & SOURCE_MASK] * weight;
    }
  }

  /** Counts `span` words and adds the value for each slot of `found`; new slots only when `adding`. */
  private addTo(held: Scratch, found: Scratch, span: number, adding: boolean) {
    for (let i = 0; i < found.length; i += 1) {
      const slot = found.list[i];
      if (!held.holds(slot)) {
        if (!adding) continue;
        held.add(slot, 0);
      }
      held.count[slot] += span;
      held.value[slot] += found.value[slot];
    }
  }

  /**
   * The slots holding every one of `words` (a phrase's), with the sum of their values. The word with the fewest
   * postings is scanned; each other word is then looked for among those candidates' own terms when that is
   * cheaper than scanning its postings, as it is for the common words of a long synonym phrase.
   */
  private holdingAll(words: WordTerms[]): Scratch {
    const [first, ...rest] = [...words].sort((a, b) => a.cost - b.cost);
    const found = this.scan(first);
    for (const word of rest) {
      if (found.length * this.narrowCost < word.cost) {
        this.narrow(found, word);
        continue;
      }
      const each = this.scan(word);
      let kept = 0;
      for (let i = 0; i < found.length; i += 1) {
        const slot = found.list[i];
        if (!each.holds(slot)) continue;
        found.value[slot] += each.value[slot];
        found.list[kept] = slot;
        kept += 1;
      }
      found.length = kept;
      this.release(each);
    }
    return found;
  }

  /** Keeps in `found` the slots whose own terms hold `word`, adding its value. */
  private narrow(found: Scratch, word: WordTerms) {
    const valueOf = this.valueAmongTerms(word);
    let kept = 0;
    for (let i = 0; i < found.length; i += 1) {
      const slot = found.list[i];
      const v = valueOf(slot);
      if (v === 0) continue;
      found.value[slot] += v;
      found.list[kept] = slot;
      kept += 1;
    }
    found.length = kept;
  }

  /** Counts `span` words and adds the value for the slots of `held` whose own terms hold `word`. */
  private countAmong(held: Scratch, word: WordTerms, span: number) {
    const valueOf = this.valueAmongTerms(word);
    for (let i = 0; i < held.length; i += 1) {
      const slot = held.list[i];
      const v = valueOf(slot);
      if (v === 0) continue;
      held.count[slot] += span;
      held.value[slot] += v;
    }
  }

  /** A slot's value for `word`, found among the slot's own terms (0 when it does not hold it). */
  private valueAmongTerms(word: WordTerms): (slot: number) => number {
    if (this.termMarks.length < this.termNames.length) {
      this.termMarks = new Int32Array(this.termNames.length * 2);
      this.termWeights = new Float64Array(this.termNames.length * 2);
    }
    const mark = (this.termMark += 1);
    const { termMarks, termWeights, slotTerms, slotSources } = this;
    word.ids.forEach((id, t) => {
      termMarks[id] = mark;
      termWeights[id] = word.weights[t];
    });
    return (slot) => {
      const { termsAt, termCount } = this.slots[slot]!;
      let best = 0;
      for (let k = termsAt; k < termsAt + termCount; k += 1) {
        if (termMarks[slotTerms[k]] !== mark) continue;
        const v = BEST_WEIGHT[slotSources[k]] * termWeights[slotTerms[k]];
        if (v > best) best = v;
      }
      return best;
    };
  }

  private entriesOf(id: number): Int32Array {
    return (this.frozen[id] ??= Int32Array.from(this.postings[id]));
  }

  private ranksInOrder(): Int32Array {
    if (!this.orderRanks) {
      const live = [...this.byKey.values()].sort((a, b) =>
        compareStrings(this.slots[a]!.order, this.slots[b]!.order)
      );
      this.orderRanks = new Int32Array(this.slots.length);
      live.forEach((slot, rank) => (this.orderRanks![slot] = rank));
    }
    return this.orderRanks;
  }

  private sortedTerms() {
    this.sorted ??= [...this.termNames].sort();
    return this.sorted;
  }

  /** A scratch as large as the slots, with a new generation; searches run one at a time, so they share a pool. */
  private acquire(): Scratch {
    let scratch = this.pool.pop();
    if (!scratch || scratch.stamp.length < this.slots.length)
      scratch = new Scratch(Math.max(1024, this.slots.length * 2));
    scratch.restart();
    return scratch;
  }

  private release(...scratches: Scratch[]) {
    for (const scratch of scratches) if (scratch.stamp.length >= this.slots.length) this.pool.push(scratch);
  }

  /** Rebuilds the postings and the runs from the live documents' word lists, dropping dead slots. */
  private compact() {
    const live = this.slots.filter((slot): slot is Slot<P> => slot !== null);
    this.slots = live;
    this.alive = new Uint8Array(Math.max(1024, live.length * 2)).fill(1, 0, live.length);
    this.byKey = new Map(live.map((slot, i) => [slot.key, i]));
    this.postings = this.postings.map(() => []);
    this.frozen = this.frozen.map(() => null);
    this.pairPostings = this.pairPostings.map(() => []);
    const terms = new Int32Array(Math.max(1024, this.termsUsed));
    const sources = new Uint8Array(terms.length);
    const pairs = new Int32Array(Math.max(1024, this.pairsUsed));
    let termsUsed = 0;
    let pairsUsed = 0;
    live.forEach((document, slot) => {
      for (let k = document.termsAt; k < document.termsAt + document.termCount; k += 1) {
        terms[termsUsed] = this.slotTerms[k];
        sources[termsUsed] = this.slotSources[k];
        this.postings[terms[termsUsed]].push((slot << SOURCE_SHIFT) | sources[termsUsed]);
        termsUsed += 1;
      }
      for (let k = document.pairsAt; k < document.pairsAt + document.pairCount; k += 1) {
        pairs[pairsUsed] = this.slotPairs[k];
        this.pairPostings[pairs[pairsUsed]].push(slot);
        pairsUsed += 1;
      }
      document.termsAt = termsUsed - document.termCount;
      document.pairsAt = pairsUsed - document.pairCount;
    });
    [this.slotTerms, this.slotSources, this.slotPairs] = [terms, sources, pairs];
    [this.termsUsed, this.pairsUsed] = [termsUsed, pairsUsed];
    this.pool = [];
  }
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The array, or a copy twice as long when it is shorter than `length`. */
function grown<T extends Int32Array | Uint8Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const copy = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2));
  copy.set(array);
  return copy;
}

/** The first index of a sorted array whose value is not below `value`. */
function lowerBound(sorted: string[], value: string) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first `count` slots in order, without sorting the rest: a bounded insertion for short pages. */
function top(slots: Int32Array, count: number, order: (a: number, b: number) => number): number[] {
  if (count >= slots.length / 8) return Array.from(slots).sort(order).slice(0, count);
  const best: number[] = [];
  for (const slot of slots) {
    if (best.length === count && order(slot, best[count - 1]) >= 0) continue;
    let i = best.length === count ? count - 1 : best.length;
    if (best.length < count) best.push(slot);
    while (i > 0 && order(slot, best[i - 1]) < 0) {
      best[i] = best[i - 1];
      i -= 1;
    }
    best[i] = slot;
  }
  return best;
}

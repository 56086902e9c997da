import fc from 'fast-check';
import { indexedWords, SearchCollection } from '../search-engine';
import {
  corrections,
  enoughWords,
  idf,
  PREFIX_FACTOR,
  rankedScore,
  rankingPlan,
  SOURCE_WEIGHTS,
  TYPO_FACTOR,
} from '../search-ranking';
import { prepareSynonyms, understandQuery } from '../search-query';
import { fold } from '../search-text';

interface Doc {
  code: string;
  name: string;
  keywords?: string;
  agency?: string;
}

const document = (doc: Doc) => ({
  key: doc.code,
  order: doc.code,
  identifiers: [doc.code],
  payload: doc,
  ...indexedWords(
    [
      ['n', doc.name],
      ['k', doc.keywords],
      ['a', doc.agency],
    ],
    doc.name
  ),
});

function collectionOf(docs: Doc[]) {
  const collection = new SearchCollection<Doc>();
  docs.forEach((doc) => collection.put(document(doc)));
  return collection;
}

const planOf = (q: string, corrected = new Map<string, string[]>(), groups: string[][] = []) =>
  rankingPlan(understandQuery(fold(q).split(' '), prepareSynonyms(groups)).concepts, corrected);

const page = (collection: SearchCollection<Doc>, q: string, options = {}) =>
  collection.search(planOf(q), { page: 1, pageSize: 10, ...options });
/** Every result of a plan, in rank order. */
const resultsOf = (
  collection: SearchCollection<Doc>,
  plan: ReturnType<typeof planOf>,
  accept?: (doc: Doc) => boolean
) => collection.search(plan, { page: 1, pageSize: 1000, accept }).results;

const DOCS: Doc[] = [
  { code: '1.000001', name: 'Cấp giấy phép môi trường', agency: 'Sở Nông nghiệp và Môi trường' },
  { code: '1.000002', name: 'Cấp phép môi trường giấy', keywords: 'giấy' },
  { code: '1.000003', name: 'Đăng ký đất đai lần đầu' },
  { code: '1.000004', name: 'Cấp lại giấy chứng nhận quyền sử dụng đất' },
  { code: '1.000005', name: 'Giấy phép xả nước thải vào nguồn nước' },
];

describe('SearchCollection.search: scores', () => {
  it('scores each concept by idf × the best weight of where it was found × how it was found', () => {
    const collection = collectionOf(DOCS);
    const [hit] = resultsOf(collection, planOf('moi truong')).filter((entry) => entry.key === '1.000001');
    // "moi" and "truong" each in 2 documents, found in the name (the agency's weight is lower).
    const expected = 2 * idf(2, 5) * SOURCE_WEIGHTS.n;
    expect(hit).toMatchObject({ matched: 2, phrase: 1 });
    expect(hit.score).toBeCloseTo(expected, 10);
    const [prefix] = resultsOf(collection, planOf('moi truon'));
    expect(prefix.score).toBeCloseTo(idf(2, 5) * SOURCE_WEIGHTS.n * (1 + PREFIX_FACTOR), 10);
  });

  it('counts a correction at TYPO_FACTOR, and a synonym phrase only when all its words are held', () => {
    const collection = collectionOf(DOCS);
    const typo = resultsOf(collection, planOf('moi truomg', new Map([['truomg', ['truong']]])));
    const exact = resultsOf(collection, planOf('moi truong'));
    expect(typo.map((entry) => entry.key).sort()).toEqual(exact.map((entry) => entry.key).sort());
    const score = (ranked: typeof typo) => ranked.find((entry) => entry.key === '1.000002')!.score;
    expect(score(typo)).toBeCloseTo(idf(2, 5) * 3 * (1 + TYPO_FACTOR), 10);

    const synonyms = [['sổ đỏ', 'giấy chứng nhận quyền sử dụng đất']];
    const found = resultsOf(collection, planOf('so do', new Map(), synonyms));
    expect(found.map((entry) => entry.key)).toEqual(['1.000004']);
    // "giấy" alone (in four names) is not the phrase.
    expect(resultsOf(collection, planOf('so do', new Map(), [['sổ đỏ', 'giấy xác nhận']]))).toEqual([]);
  });

  it('ranks phrase pairs above scattered words, and a pinned code first even when it holds nothing', () => {
    const collection = collectionOf(DOCS);
    const { results } = page(collection, 'giay phep moi truong');
    expect(results.map((entry) => [entry.key, entry.matched, entry.phrase])).toEqual([
      ['1.000001', 4, 3],
      ['1.000002', 4, 2],
    ]);
    // Three of the four concepts are enough: "giấy phép" alone is not.
    expect(results.map((entry) => entry.key)).not.toContain('1.000005');
    const pinned = page(collection, 'giay phep moi truong', {
      pinned: collection.withIdentifiers(['1.000003', '9.999999']),
    });
    expect(pinned.results[0]).toMatchObject({ key: '1.000003', matched: 4, score: 0 });
    expect(pinned.matchedAll).toBe(3);
  });

  it('counts a synonym phrase for the query words it stands for, and below every word ranks by score', () => {
    const collection = collectionOf([
      { code: '1.000011', name: 'Cấp giấy phép đào tạo lái xe' },
      { code: '1.000012', name: 'Mở khóa bồi dưỡng thuyền trưởng' },
      { code: '1.000013', name: 'Mở lớp tập huấn hiệu trưởng' },
      { code: '1.000014', name: 'Mở sổ theo dõi' },
    ]);
    const plan = planOf('mo truong day lai xe', new Map(), [['dạy lái xe', 'đào tạo lái xe']]);
    const { results, total, matchedAll } = collection.search(plan, { page: 1, pageSize: 10 });
    // "dạy lái xe" holds three of the five words, "mở" + "trường" two: with one in three left out (4), none is
    // enough, so all are listed, and the phrase's rare words outscore the common "mở".
    expect(results.map((entry) => [entry.key, entry.matched])).toEqual([
      ['1.000011', 3],
      ['1.000012', 2],
      ['1.000013', 2],
      ['1.000014', 1],
    ]);
    expect({ total, matchedAll }).toEqual({ total: 4, matchedAll: 0 });
    // Below the documents holding every word, a document's score orders it, not how many words it holds: the rare
    // "quốc tịch" (one document) before the common "cấp giấy phép", each with one of the query's pairs.
    const rare = collectionOf([
      { code: '1.000021', name: 'Thôi quốc tịch' },
      { code: '1.000022', name: 'Giấy phép, cấp lại' },
      { code: '1.000023', name: 'Giấy phép lái xe' },
      { code: '1.000024', name: 'Cấp giấy phép môi trường' },
      { code: '1.000025', name: 'Giấy phép xây dựng' },
    ]);
    const ranked = resultsOf(rare, planOf('quoc tich cap giay phep'));
    const at = (key: string) => ranked.findIndex((entry) => entry.key === key);
    expect(ranked.find((entry) => entry.key === '1.000022')).toMatchObject({ matched: 3, phrase: 1 });
    expect(ranked.find((entry) => entry.key === '1.000021')).toMatchObject({ matched: 2, phrase: 1 });
    expect(at('1.000021')).toBeLessThan(at('1.000022'));
  });

  it('keeps only what `accept` keeps, but counts df over every document', () => {
    const collection = collectionOf(DOCS);
    const kept = resultsOf(collection, planOf('moi truong'), (doc) => doc.code !== '1.000002');
    expect(kept.map((entry) => entry.key)).toEqual(['1.000001']);
    expect(kept[0].score).toBeCloseTo(2 * idf(2, 5) * 3, 10);
  });
});

describe('SearchCollection.search: pages', () => {
  it('lists those holding enough concepts, or flags the partial ones when none does', () => {
    const collection = collectionOf(DOCS);
    expect(page(collection, 'dat dai lan dau')).toMatchObject({ total: 1, matchedAll: 1, partial: false });
    const partial = page(collection, 'nuoc thai qqqx zzzy yyyw');
    expect(partial).toMatchObject({ total: 1, matchedAll: 0, partial: true });
    expect(page(collection, 'qqqx')).toMatchObject({ total: 0, partial: false });
  });

  it('gives every page in the order of a full sort', () => {
    const docs = Array.from({ length: 300 }, (_, i) => ({
      code: `2.${String(i).padStart(6, '0')}`,
      name: `Cấp giấy ${['phép', 'chứng nhận', 'xác nhận'][i % 3]} ${['xây dựng', 'môi trường'][i % 2]} lần ${i % 7}`,
    }));
    const collection = collectionOf(docs);
    const whole = page(collection, 'cap giay phep moi truong', { pageSize: 300 }).results.map((r) => r.key);
    const paged = [1, 2, 3, 4].flatMap((n) =>
      page(collection, 'cap giay phep moi truong', { page: n, pageSize: 7 }).results.map((r) => r.key)
    );
    expect(paged).toEqual(whole.slice(0, 28));
  });
});

describe('SearchCollection writes', () => {
  it('replaces a document by key, and ranks after removals and compaction as a collection built afresh', () => {
    const names = [
      'Cấp giấy phép',
      'Đăng ký đất đai',
      'Giấy phép môi trường',
      'Xả nước thải',
      'Cấp lại giấy',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 40 }), fc.nat({ max: 4 })), {
          minLength: 200,
          maxLength: 600,
        }),
        (writes) => {
          // Compacted whenever dead slots pass 8 and the live ones.
          const written = new SearchCollection<Doc>(8);
          const live = new Map<string, Doc>();
          for (const [put, n, name] of writes) {
            const code = `3.${String(n).padStart(6, '0')}`;
            if (put) {
              const doc = { code, name: `${names[name]} ${n}` };
              written.put(document(doc));
              live.set(code, doc);
            } else {
              written.remove(code);
              live.delete(code);
            }
          }
          const fresh = collectionOf([...live.values()]);
          expect(written.size).toBe(live.size);
          const codes = Array.from({ length: 41 }, (_, n) => `3.${String(n).padStart(6, '0')}`);
          expect(written.withIdentifiers(codes).sort()).toEqual([...live.keys()].sort());
          // An identifier that several documents share (versions of one code) names each of them.
          const shared = new SearchCollection<Doc>(8);
          for (const [put, n] of writes) {
            const key = `k${n}`;
            if (put)
              shared.put({ ...document({ code: key, name: 'x' }), identifiers: [`${n % 3}`, `${n % 3}`] });
            else shared.remove(key);
          }
          for (const group of ['0', '1', '2'])
            expect(shared.withIdentifiers([group]).sort()).toEqual(
              [...live.keys()]
                .map((code) => Number(code.slice(2)))
                .filter((n) => `${n % 3}` === group)
                .map((n) => `k${n}`)
                .sort()
            );
          expect(written.vocabulary()).toEqual(fresh.vocabulary());
          for (const q of ['giay phep', 'cap giay', 'dat dai 7', 'nuoc']) {
            const options = { page: 1, pageSize: 50 };
            expect(written.search(planOf(q), options)).toEqual(fresh.search(planOf(q), options));
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});

/**
 * The ranking rules of search-ranking.ts written out plainly, document by document, with none of the engine's
 * shortcuts (one pass per posting list, candidates' own terms, pruning): what the engine must find.
 */
function naiveSearch(docs: Doc[], plan: ReturnType<typeof planOf>, pageSize: number) {
  const held = docs.map((doc) => ({ doc, ...document(doc) }));
  const inRange = (term: string, lo: string, hi: string) => term >= lo && term < hi;
  const df = (lo: string, hi: string) =>
    held.filter(({ words }) => [...words.keys()].some((term) => inRange(term, lo, hi))).length;
  const all = plan.span.reduce((sum, words) => sum + words, 0);
  const rows = held.map(({ doc, words, pairs }) => {
    let matched = 0;
    let score = 0;
    plan.span.forEach((span, c) => {
      let best = -1;
      for (const alternative of plan.alternatives.filter((alt) => alt.concept === c)) {
        let sum = 0;
        for (let w = 0; w < alternative.words && sum >= 0; w += 1) {
          let value = 0;
          for (const l of plan.lookups.filter(
            (l) => l.concept === c && l.alternative === alternative.alternative && l.word === w
          ))
            for (const [term, sources] of words)
              if (inRange(term, l.lo, l.hi))
                value = Math.max(
                  value,
                  Math.max(...sources.map((source) => SOURCE_WEIGHTS[source])) *
                    (term === l.lo ? 1 : PREFIX_FACTOR) *
                    idf(df(l.lo, l.hi), docs.length) *
                    l.factor
                );
          sum = value > 0 ? sum + value : -1;
        }
        best = Math.max(best, sum);
      }
      if (best >= 0) {
        matched += span;
        score += best;
      }
    });
    const phrase = plan.pairs.filter((pair) => pairs.includes(pair)).length;
    return { key: doc.code, matched, phrase, score };
  });
  const any = rows.filter((row) => row.matched > 0);
  const enough = any.filter((row) => row.matched >= enoughWords(all));
  const listed = enough.length ? enough : any;
  listed.sort(
    (a, b) =>
      Number(b.matched >= all) - Number(a.matched >= all) ||
      b.phrase - a.phrase ||
      rankedScore(b.score) - rankedScore(a.score) ||
      (a.key < b.key ? -1 : 1)
  );
  const page = listed.slice(0, pageSize);
  return { ranked: page.map((row) => [row.key, row.matched, row.score.toFixed(6)]), total: listed.length };
}

describe('SearchCollection.search: the rules as written', () => {
  it('finds what a plain document-by-document reading of the rules finds', () => {
    // Few syllables, so that words are shared, prefixes reach several terms and synonyms overlap.
    const syllables = [
      'cap',
      'cach',
      'giay',
      'phep',
      'so',
      'do',
      'dat',
      'dai',
      'nha',
      'nhan',
      'o',
      'xa',
      'hoi',
    ];
    const synonyms = [
      ['sổ đỏ', 'giấy chứng nhận', 'gcn'],
      ['nhà ở xã hội', 'noxh'],
      ['cấp phép', 'cấp giấy phép'],
    ];
    const text = fc.array(fc.constantFrom(...syllables, 'chung', 'noxh', 'gcn'), {
      minLength: 1,
      maxLength: 7,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.option(text), fc.option(text)), { minLength: 1, maxLength: 60 }),
        fc.array(fc.constantFrom(...syllables, 'giayy', 'nhann', 'chung'), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0, 1_000_000),
        (rows, query, narrowCost) => {
          const docs = rows.map(([name, keywords, agency], i) => ({
            code: `4.${String(i).padStart(6, '0')}`,
            name: name.join(' '),
            keywords: keywords?.join(' '),
            agency: agency?.join(' '),
          }));
          // Always, or never, looking a word up among the candidates' own terms.
          const collection = new SearchCollection<Doc>(256, narrowCost);
          docs.forEach((doc) => collection.put(document(doc)));
          const words = query.join(' ');
          const corrected = new Map(
            query.map((word) => [word, corrections(word, collection.vocabulary())] as [string, string[]])
          );
          const plan = planOf(words, corrected, synonyms);
          const found = collection.search(plan, { page: 1, pageSize: 10 });
          const expected = naiveSearch(docs, plan, 10);
          const ranked = found.results.map((r) => [r.key, r.matched, r.score.toFixed(6)]);
          expect({ ranked, total: found.total }).toEqual(expected);
        }
      ),
      { numRuns: 300 }
    );
  });
});

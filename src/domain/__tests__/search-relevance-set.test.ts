/**
 * The relevance set of the search evaluation (tests/search/relevance.json) is checked against its corpus: the demo
 * procedures and the two national lists. A code that is not in the corpus would make the metric lie.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { readNationalList } from '../national-list';
import { NATIONAL_CODE } from '../procedure-versioning';
import type { JudgedQuery } from '../search-eval';
import { fold } from '../search-text';

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(root, file));
const set: (JudgedQuery & { why?: string })[] = JSON.parse(
  read('tests/search/relevance.json').toString('utf8')
);

let corpus: Set<string>;
beforeAll(async () => {
  const demo: { nationalCode: string }[] = JSON.parse(read('database/demo/procedures.json').toString('utf8'));
  corpus = new Set(demo.map((p) => p.nationalCode));
  for (const file of ['danh-sach-tthc-bo-tu-phap.xlsx', 'danh-sach-tthc-bo-xay-dung.xlsx']) {
    const list = await readNationalList(read(`tests/fixtures/national-portal/${file}`));
    if (!list.ok) throw new Error(`${file}: ${list.message.en}`);
    for (const row of list.rows) corpus.add(row.nationalCode);
  }
});

describe('the search relevance set', () => {
  it('has at least 60 queries, each written once (folded) with its own relevant codes', () => {
    expect(set.length).toBeGreaterThanOrEqual(60);
    const folded = set.map(({ q }) => fold(q));
    expect(folded.filter((q, i) => folded.indexOf(q) !== i)).toEqual([]);
    for (const { q, relevant, why } of set) {
      expect(typeof q).toBe('string');
      expect(q.trim()).not.toBe('');
      expect(relevant.length).toBeGreaterThan(0);
      expect(new Set(relevant).size).toBe(relevant.length);
      if (why !== undefined) expect(typeof why).toBe('string');
    }
  });

  it('names only national codes of the corpus', () => {
    expect(corpus.size).toBe(35 + 271 + 525);
    const unknown = set.flatMap(({ q, relevant }) =>
      relevant.filter((code) => !NATIONAL_CODE.test(code) || !corpus.has(code)).map((code) => `${q}: ${code}`)
    );
    expect(unknown).toEqual([]);
  });

  it('mixes the demo (about a third) with the national lists', () => {
    const demo = set.filter(({ relevant }) => relevant.some((code) => code.startsWith('9.'))).length;
    expect(demo / set.length).toBeGreaterThan(0.25);
    expect(demo / set.length).toBeLessThan(0.45);
  });
});

import { allowedEdits, prepareSynonyms, understandQuery } from '../search-query';
import { DEFAULT_SYNONYMS } from '../default-synonyms';
import { queryWords } from '../search-text';

const synonyms = prepareSynonyms([
  ['sổ đỏ', 'sổ hồng', 'giấy chứng nhận quyền sử dụng đất'],
  ['nước ngầm', 'nước dưới đất'],
  ['carbon', 'các-bon'],
  ['ĐTM', 'đánh giá tác động môi trường'],
]);
const understood = (q: string) => understandQuery(queryWords(q, 12), synonyms);
const said = (q: string) => understood(q).concepts.map((c) => c.alternatives.map((a) => a.join(' ')));

describe('understandQuery', () => {
  it('drops the domain stop words while other words remain', () => {
    expect(understood('Thủ tục đất đai')).toEqual({
      concepts: [
        { words: ['dat'], alternatives: [['dat']] },
        { words: ['dai'], alternatives: [['dai']] },
      ],
      ignored: ['thu tuc'],
    });
    expect(said('làm hồ sơ như thế nào')).toEqual([['lam'], ['ho'], ['so'], ['nhu'], ['the'], ['nao']]);
    expect(understood('xin cách làm').ignored).toEqual([]);
  });

  it('drops them beside a national code, which is then all that is asked', () => {
    expect(understandQuery(queryWords('thủ tục hồ sơ'), synonyms, { withCodes: true })).toEqual({
      concepts: [],
      ignored: ['thu tuc', 'ho so'],
    });
  });

  it('expands a synonym phrase both ways, its own words first', () => {
    expect(said('làm sổ đỏ')).toEqual([['so do', 'so hong', 'giay chung nhan quyen su dung dat']]);
    expect(said('giấy chứng nhận quyền sử dụng đất ở')).toEqual([
      ['giay chung nhan quyen su dung dat', 'so do', 'so hong'],
      ['o'],
    ]);
    expect(said('khai thác nước ngầm')).toEqual([['khai'], ['thac'], ['nuoc ngam', 'nuoc duoi dat']]);
    expect(said('DTM')).toEqual([['dtm', 'danh gia tac dong moi truong']]);
  });

  it('keeps a stop word that a synonym phrase holds', () => {
    // "các" alone is no stop word here, but the phrase must win over any word-level rule.
    expect(said('tín chỉ các-bon')).toEqual([['tin'], ['chi'], ['cac bon', 'carbon']]);
  });

  it('prefers the longest phrase at a position', () => {
    const longest = prepareSynonyms([
      ['nước', 'H2O'],
      ['nước dưới đất', 'nước ngầm'],
    ]);
    expect(understandQuery(['nuoc', 'duoi', 'dat'], longest).concepts).toHaveLength(1);
  });
});

describe('allowedEdits', () => {
  it.each([
    ['phep', 0],
    ['truong', 1],
    ['thuongmai', 2],
  ])('%s → %d', (word, edits) => expect(allowedEdits(word)).toBe(edits));
});

describe('the default synonym list', () => {
  it('has at least 40 groups of two or more distinct phrases, none empty once folded', () => {
    expect(DEFAULT_SYNONYMS.length).toBeGreaterThanOrEqual(40);
    const prepared = prepareSynonyms(DEFAULT_SYNONYMS);
    prepared.groups.forEach((group) => expect(group.length).toBeGreaterThanOrEqual(2));
  });

  it.each([
    ['sổ đỏ', 'giay chung nhan quyen su dung dat'],
    ['sổ hồng', 'giay chung nhan quyen su dung dat'],
    ['nước ngầm', 'nuoc duoi dat'],
    ['giếng khoan', 'khoan nuoc duoi dat'],
    ['ĐTM', 'danh gia tac dong moi truong'],
    ['carbon', 'cac bon'],
    ['xả thải', 'xa nuoc thai'],
  ])('says %s also as %s', (phrase, other) => {
    const [concept] = understandQuery(queryWords(phrase), prepareSynonyms(DEFAULT_SYNONYMS)).concepts;
    expect(concept.alternatives.map((a) => a.join(' '))).toContain(other);
  });
});

import { validateTaskReport } from '../records-input';
import { checkOutputLinks, derivedOutputCount, type OutputFacts } from '../task-outputs';

const id = (c: string) => c.repeat(24);
const TASK = id('t');
const OTHER_TASK = id('o');

const fact = (
  documentId: string,
  unitIds: number[],
  taskDocumentIds: string[],
  extra: Partial<OutputFacts> = {}
) =>
  [
    documentId,
    { documentId, title: `Tiêu đề ${documentId.slice(0, 1)}`, unitIds, taskDocumentIds, ...extra },
  ] as const;

const paths = (result: { ok: boolean; errors?: { path: string[] }[] }) =>
  (result.errors ?? []).map((e) => e.path.join('.')).sort();

describe('task report body with linked outputs', () => {
  const base = { planTask: TASK, status: 'done', results: 'Đã làm.' };

  it('reads the linked articles and submissions and the extra count', () => {
    expect(
      validateTaskReport(
        { data: { ...base, articles: [id('a')], submissions: [id('s')], extraOutputCount: 2 } },
        'vi'
      )
    ).toEqual({
      ok: true,
      value: {
        planTask: TASK,
        status: 'done',
        results: 'Đã làm.',
        outputCount: null,
        links: { articles: [id('a')], submissions: [id('s')] },
        extraOutputCount: 2,
      },
    });
    expect(validateTaskReport({ data: { ...base, outputCount: 3 } }, 'vi')).toMatchObject({
      ok: true,
      value: { outputCount: 3, links: { articles: [], submissions: [] }, extraOutputCount: null },
    });
  });

  it('refuses a typed count next to links, bad lists and bad counts, item by item', () => {
    const result = validateTaskReport(
      {
        data: {
          ...base,
          outputCount: 1,
          articles: [id('a'), id('a'), 'x', { documentId: id('b') }],
          submissions: 'abc',
          extraOutputCount: -1,
        },
      },
      'en'
    );
    expect(paths(result)).toEqual([
      'articles.1',
      'articles.2',
      'articles.3',
      'extraOutputCount',
      'outputCount',
      'submissions',
    ]);
    expect(result.ok || result.errors[0].messages).toMatchObject({
      vi: expect.any(String),
      en: expect.any(String),
    });
    expect(paths(validateTaskReport({ data: { ...base, articles: Array(51).fill(id('a')) } }, 'vi'))).toEqual(
      ['articles']
    );
    expect(
      paths(validateTaskReport({ data: { ...base, outputCount: 1, extraOutputCount: 0 } }, 'vi'))
    ).toEqual(['outputCount']);
  });
});

describe('checkOutputLinks', () => {
  const facts = {
    articles: new Map([
      fact(id('a'), [1], [TASK]),
      fact(id('b'), [2], [TASK]),
      fact(id('c'), [1], [OTHER_TASK]),
    ]),
    submissions: new Map([fact(id('s'), [1], [TASK]), fact(id('u'), [1], [])]),
  };

  it('keeps the unit’s items of the task, as snapshots', () => {
    expect(
      checkOutputLinks(
        { articles: [id('a')], submissions: [id('s')] },
        facts,
        { unitId: 1, taskDocumentId: TASK },
        'vi'
      )
    ).toEqual({
      ok: true,
      outputs: [
        { type: 'article', documentId: id('a'), title: 'Tiêu đề a' },
        { type: 'submission', documentId: id('s'), title: 'Tiêu đề s' },
      ],
    });
  });

  it('refuses unknown items, another unit’s and those of another task or of none, each by its path', () => {
    const result = checkOutputLinks(
      { articles: [id('a'), id('b'), id('c'), id('z')], submissions: [id('u')] },
      facts,
      { unitId: 1, taskDocumentId: TASK },
      'en'
    );
    expect(paths(result)).toEqual(['articles.1', 'articles.2', 'articles.3', 'submissions.0']);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      'The article does not exist or is not of the unit of this task.',
      'The article is not linked to this plan task.',
      'The article does not exist or is not of the unit of this task.',
      'The submission is not linked to this plan task.',
    ]);
  });
});

describe('derivedOutputCount', () => {
  it('counts a submission and the article made from it once, plus the outputs outside the CMS', () => {
    const submissions = new Map([
      [id('s'), { articleDocumentId: id('a') }],
      [id('u'), { articleDocumentId: null }],
    ]);
    expect(derivedOutputCount({ articles: [id('a')], submissions: [id('s'), id('u')] }, submissions, 2)).toBe(
      4
    );
    expect(derivedOutputCount({ articles: [], submissions: [id('s')] }, submissions, 0)).toBe(1);
    expect(derivedOutputCount({ articles: [], submissions: [] }, submissions, 3)).toBe(3);
  });
});

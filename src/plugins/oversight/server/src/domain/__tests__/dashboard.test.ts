import {
  addFeedbackCounter,
  chartsOf,
  emptyFigures,
  feedbackCounts,
  monthKeys,
  monthStarts,
  pageOf,
  parseDashboardQuery,
  parseDrillDownQuery,
  percent,
  statusesOf,
  taskFiguresByUnit,
  totalsOf,
  type Row,
} from '../dashboard';

const paths = (parsed: { ok: boolean; errors?: { path: string[] }[] }) =>
  parsed.ok ? [] : parsed.errors!.map((e) => e.path.join('.'));

describe('dashboard query parameters', () => {
  it('defaults to the current year and takes a year from 2000 to 2100', () => {
    expect(parseDashboardQuery({}, 'vi', 2026)).toEqual({ ok: true, value: { year: 2026 } });
    expect(parseDashboardQuery({ year: '2019' }, 'vi', 2026)).toEqual({ ok: true, value: { year: 2019 } });
    for (const year of ['1999', '2101', '20x1', '21', ['2019', '2020']]) {
      expect(paths(parseDashboardQuery({ year }, 'vi', 2026))).toEqual(['year']);
    }
    expect(paths(parseDashboardQuery({ unit: '1' }, 'en', 2026))).toEqual(['unit']);
  });

  it('reads each drill-down filter, and only that drill-down filters', () => {
    expect(parseDrillDownQuery('tasks', { status: 'overdue', page: '2' }, 'vi', 2026)).toEqual({
      ok: true,
      value: { year: 2026, page: 2, pageSize: 25, status: 'overdue' },
    });
    expect(
      parseDrillDownQuery(
        'articles',
        { kind: 'news', channel: 'press', task: 'abcdefghijklmnopqrstuvwx', pageSize: '100' },
        'vi',
        2026
      )
    ).toEqual({
      ok: true,
      value: {
        year: 2026,
        page: 1,
        pageSize: 100,
        kind: 'news',
        channel: 'press',
        task: 'abcdefghijklmnopqrstuvwx',
      },
    });
    expect(paths(parseDrillDownQuery('tasks', { state: 'draft' }, 'vi', 2026))).toEqual(['state']);
    expect(paths(parseDrillDownQuery('submissions', { state: 'lost', task: 'x' }, 'vi', 2026))).toEqual([
      'state',
      'task',
    ]);
    expect(paths(parseDrillDownQuery('feedback', { filter: 'late', pageSize: '101' }, 'vi', 2026))).toEqual([
      'pageSize',
      'filter',
    ]);
  });
});

describe('calendar', () => {
  it('bounds the 12 months of a year', () => {
    expect(monthStarts(2024)).toHaveLength(13);
    expect(monthStarts(2024)[12]).toBe('2025-01-01');
    expect(monthKeys(2024)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
  });
});

describe('task figures', () => {
  const tasks = [
    { documentId: 'a', unitId: 1, dueDate: '2019-03-31', targetCount: 4 },
    { documentId: 'b', unitId: 1, dueDate: '2019-03-31', targetCount: 2 },
    { documentId: 'c', unitId: 1, dueDate: null, targetCount: null },
    { documentId: 'd', unitId: 2, dueDate: '2030-01-01', targetCount: 1 },
    { documentId: 'e', unitId: null, dueDate: '2019-01-01', targetCount: 9 },
  ];
  it('counts each unit by the task status rule and sums its target', () => {
    const reports = new Map([
      ['a', { status: 'done' as const }],
      ['b', { status: 'in_progress' as const }],
    ]);
    const statuses = statusesOf(tasks, reports, '2026-11-26');
    expect(Object.fromEntries(statuses)).toEqual({
      a: 'done',
      b: 'overdue',
      c: 'in_progress',
      d: 'in_progress',
      e: 'overdue',
    });
    expect(Object.fromEntries(taskFiguresByUnit(tasks, statuses))).toEqual({
      1: { tasks: { total: 3, done: 1, inProgress: 1, overdue: 1 }, target: 6 },
      2: { tasks: { total: 1, done: 0, inProgress: 1, overdue: 0 }, target: 1 },
    });
  });
});

describe('feedback figures', () => {
  const base = { dueDate: '2026-11-20', unitDueDate: null, answeredAt: null, onTime: null };
  const today = '2026-11-26';
  it('is overdue when open past its current due date, or answered late', () => {
    expect(feedbackCounts({ ...base, state: 'accepted' }, today).overdue).toBe(true);
    expect(feedbackCounts({ ...base, state: 'received' }, today).overdue).toBe(false);
    // An assigned feedback waits for the unit's due date when there is one.
    expect(feedbackCounts({ ...base, state: 'assigned', unitDueDate: '2026-11-30' }, today).overdue).toBe(
      false
    );
    expect(feedbackCounts({ ...base, state: 'answer_drafted', dueDate: today }, today).overdue).toBe(false);
    expect(feedbackCounts({ ...base, state: 'answered', answeredAt: 1, onTime: false }, today)).toEqual({
      assigned: true,
      answered: true,
      on_time: false,
      overdue: true,
    });
    expect(feedbackCounts({ ...base, state: 'published', answeredAt: 1, onTime: true }, today)).toEqual({
      assigned: true,
      answered: true,
      on_time: true,
      overdue: false,
    });
  });
});

describe('totals and charts', () => {
  const row = (id: number, over: (f: ReturnType<typeof emptyFigures>) => void): Row => {
    const figures = emptyFigures();
    over(figures);
    return { unit: { id, code: `U${id}`, name: `Unit ${id}` }, ...figures };
  };
  const rows = [
    row(1, (f) => {
      f.tasks = { total: 3, done: 1, inProgress: 1, overdue: 1 };
      f.articles.published = 2;
      f.articles.target = 3;
      f.articles.byKind.news = 2;
      f.submissions = { total: 1, byState: { ...f.submissions.byState, draft: 1 } };
      f.feedback = { assigned: 3, answered: 3, answeredOnTime: 2, overdue: 1 };
      f.lastReminderAt = '2026-01-02T00:00:00.000Z';
      f.openDifficulties = 1;
    }),
    row(2, (f) => {
      f.articles.published = 1;
      f.lastReminderAt = '2026-03-02T00:00:00.000Z';
    }),
  ];

  it('adds the rows up', () => {
    const totals = totalsOf(rows);
    expect(totals.tasks).toEqual({ total: 3, done: 1, inProgress: 1, overdue: 1 });
    expect(totals.articles).toMatchObject({ published: 3, target: 3 });
    expect(totals.articles.byKind.news).toBe(2);
    expect(totals.submissions.byState.draft).toBe(1);
    expect(totals.lastReminderAt).toBe('2026-03-02T00:00:00.000Z');
    expect(totals.openDifficulties).toBe(1);
  });

  it('charts progress and on-time rates in percent, null without a base', () => {
    const charts = chartsOf(rows, []);
    expect(charts.progressByUnit.map((c) => c.percent)).toEqual([66.7, null]);
    expect(charts.feedbackOnTime.map((c) => c.rate)).toEqual([66.7, null]);
    expect(percent(5, 4)).toBe(125);
  });

  it('pages items in memory', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({
      results: [3, 4],
      pagination: { page: 2, pageSize: 2, pageCount: 3, total: 5 },
    });
  });
});

describe('feedback figures from rollup counters', () => {
  it('adds each counter to its figure; overdue is answered late plus open past due', () => {
    const counters: [string, number][] = [
      ['assigned', 7],
      ['answered', 3],
      ['on_time', 2],
      ['late', 1],
      ['open', 2],
      ['unknown', 9],
    ];
    let figures = { assigned: 0, answered: 0, answeredOnTime: 0, overdue: 0 };
    for (const [counter, value] of counters) figures = addFeedbackCounter(figures, counter, value);
    expect(figures).toEqual({ assigned: 7, answered: 3, answeredOnTime: 2, overdue: 3 });
  });
});

#!/usr/bin/env node
/**
 * npm run bench:report — the annual report's figures and exports at a department's and at a city's scale, on this
 * machine, on SQLite and PostgreSQL, each size on a fresh database.
 *
 *   100k: 50 units, 200 plan tasks, 10 campaigns, 5,000 submissions, 10,000 articles, 100,000 feedback rows;
 *   1m:   150 units, 1,000 plan tasks, 30 campaigns, 50,000 submissions, 500,000 articles, 1,000,000 feedback rows
 *         (each article has a draft and a published row; a sixth of the rows fall outside the report's period;
 *         each feedback has its own submitter, named in its subject).
 *
 * The large tables are generated in SQL (tests/bench/sql-rows.js). Then, in a child process, the ceilings: a bare
 * exceljs streaming WorkbookWriter and a bare CSV writer writing the same rows and columns from memory. Then, in a
 * fresh child process with the production server's flags: the raw SQL counts (the figures' ceiling), the figures
 * service's computeFigures, the lists' rows read alone, and each export through the exports service (DOCX, XLSX, the
 * two CSV lists, then all four at once; at 100k the XLSX and its bare write three times each, their medians
 * compared), each with its wall time (the XLSX's CPU time too, beside the bare write's:
 * comparable across moments when other work shares the CPUs), the event-loop delay meanwhile (p99 and max,
 * beside that of an idle bystander process on the same CPUs at the same moment, and the main thread's longest GC
 * pause) and the peak RSS (worker threads included). Every figure is printed beside its target and its ceiling.
 *
 * BENCH_SIZES=100k,1m (default both), BENCH_DATABASES=sqlite,postgres (default both; PostgreSQL at
 * BENCH_POSTGRES_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, skipped with a line when
 * unreachable). BENCH_KEEP_DB=1 keeps the databases.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { monitorEventLoopDelay, PerformanceObserver } = require('perf_hooks');
const { compileStrapi } = require('@strapi/strapi');
const {
  unitsAndPlan,
  freshEnvironment,
  loadStrapi,
  runChild,
  unreachable,
  seeded,
  docId,
  DAY,
  insert,
  link,
  root,
} = require('./common');
const { sqlRows } = require('./sql-rows');

const ZONE = 'Asia/Ho_Chi_Minh';
const SIZES = {
  '100k': { units: 50, tasks: 200, campaigns: 10, submissions: 5000, articles: 10000, feedback: 100000 },
  '1m': { units: 150, tasks: 1000, campaigns: 30, submissions: 50000, articles: 500000, feedback: 1000000 },
};
const TARGETS = {
  figuresMs: 1000,
  xlsxRatio: 2,
  loopP99Ms: 50,
  loopMaxMs: 100,
  rssMb: 400,
  fullExportMs: 10000,
};

const { random, pick } = seeded(20311214);
// The submitters' names: 12 × 10 × 30 × 33 of them (a second given name or none).
const FAMILY_NAMES = 'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ'.split(' ');
const MIDDLE_NAMES = 'Văn Thị Minh Quốc Ngọc Thanh Hữu Thu Đức Kim'.split(' ');
const GIVEN_NAMES = (
  'An Bình Chi Dũng Giang Hà Hải Hằng Hiếu Hoa Hùng Khánh Lan Linh Long Mai Minh Nam Nga Nhung Phong Phương ' +
  'Quân Sơn Tâm Thảo Trang Tuấn Vân Yến'
).split(' ');
const isoDay = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);

async function load(strapi, year, size) {
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now };
  // The report period: 15/12 of the previous year to 14/12; a sixth of the rows fall outside it.
  const start = new Date(`${year - 1}-12-15T00:00:00+07:00`).getTime();

  await strapi.documents('api::organization.organization').create({
    locale: 'vi',
    status: 'published',
    data: {
      reportPeriodStart: '12-15',
      reportPeriodEnd: '12-14',
      timeZone: ZONE,
      feedbackRetentionMonths: 60,
      feedbackDeadlines: { classificationDays: 3, transferDays: 5, handlingDays: 15, publicationDays: 5 },
      profiles: [
        {
          validFrom: '2020-01-01',
          superiorBody: 'Ủy ban nhân dân tỉnh Đo Lường',
          issuingBody: 'Sở Đo Lường',
          abbreviation: 'SĐL',
          placeName: 'Đo Lường',
          directorName: 'Người Ký',
          directorTitle: 'Giám đốc',
        },
      ],
    },
  });

  const { unitIds, planIds } = await unitsAndPlan(strapi, { count: size.units, year, now, stamps });
  const taskIds = await insert(
    strapi,
    'api::plan-task.plan-task',
    Array.from({ length: size.tasks }, (_, i) => ({
      documentId: docId(),
      code: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
      content: `Nhiệm vụ ${i + 1}`,
      form: pick(['news', 'article', 'reportage', 'video_clip']),
      channel: pick(['website', 'press', 'television']),
      targetCount: 1 + Math.floor(random() * 20),
      dueDate: `${year}-11-30`,
      locale: 'vi',
      ...stamps,
    }))
  );
  const taskUnits = taskIds.map((_, i) => unitIds[i % unitIds.length]);
  await link(
    strapi,
    'api::plan-task.plan-task',
    'plan',
    taskIds.flatMap((id) => planIds.map((planId) => [id, planId]))
  );
  await link(
    strapi,
    'api::plan-task.plan-task',
    'unit',
    taskIds.map((id, i) => [id, taskUnits[i]])
  );

  await insert(
    strapi,
    'api::campaign.campaign',
    Array.from({ length: size.campaigns }, (_, i) => ({
      documentId: docId(),
      title: `Chiến dịch truyền thông ${i + 1}`,
      slug: `chien-dich-${i + 1}`,
      locale: 'vi',
      publishedAt: now,
      ...stamps,
    }))
  );

  // The large tables, generated in SQL (tests/bench/sql-rows.js); `n` numbers the rows from 1.
  const sql = sqlRows(strapi);
  const at = (ms) => sql.instant(ms);
  const nowMs = now.getTime();
  const day = (ms) => sql.day(ms, ZONE, 7);
  /**
   * An instant of the year around the period (a sixth of them outside it), to the minute. The day and the minute
   * are drawn separately: sql.random's range is a million, so one draw of 440 × 1440 minutes would make its first
   * 254 days twice as likely as the rest.
   */
  const around = (n, salt) =>
    `(${start - 60 * DAY} + ${sql.random(n, salt, 440)} * ${DAY} + ${sql.random(n, salt + 100, 1440)} * 60000)`;

  await sql.insert('plugin::unit-submissions.submission', size.submissions, (n) => ({
    documentId: `'s' || ${n}`,
    title: sql.text('Tin bài đơn vị gửi'),
    kind: sql.text('news'),
    state: sql.pick(n, 1, [
      'draft',
      'submitted',
      'in_review',
      'approved',
      'published',
      'published',
      'rejected',
    ]),
    version: '0',
    submittedAt: at(around(n, 2)),
    createdAt: at(around(n, 2)),
    updatedAt: at(around(n, 2)),
  }));
  await sql.link('plugin::unit-submissions.submission', 'unit', (n) => sql.random(n, 3, size.units));

  // Two rows per article: the draft (odd n) and the published row (even n) of document k.
  const k = (n) => `((${n} + 1) / 2)`;
  const task = (n) => sql.random(k(n), 4, size.tasks);
  await sql.insert('api::article.article', 2 * size.articles, (n) => ({
    documentId: `'a' || ${k(n)}`,
    title: `${sql.text('Bài viết về thủ tục hành chính số ')} || ${k(n)}`,
    slug: `'bai-viet-' || ${k(n)}`,
    kind: sql.pick(k(n), 5, ['news', 'news', 'article', 'reportage', 'video_clip', 'photo_story']),
    channel: sql.pick(k(n), 6, ['website', 'website', 'press', 'television', 'social_media']),
    locale: sql.text('vi'),
    publishedAt: sql.when(`${n} % 2 = 0`, at(around(k(n), 7))),
    createdAt: at(nowMs),
    updatedAt: at(nowMs),
  }));
  // Plan tasks are spread over the units in turn (above): an article's unit is its task's.
  await sql.link('api::article.article', 'planTask', task);
  await sql.link('api::article.article', 'unit', (n) => `(${task(n)} % ${size.units})`);
  await sql.link(
    'api::article.article',
    'campaign',
    (n) => sql.random(k(n), 8, size.campaigns),
    (n) => `${sql.random(k(n), 9, 3)} = 0`
  );

  const received = (n) => around(n, 10);
  const answered = (n) => `${sql.random(n, 11, 6)} >= 3`;
  const answeredAt = (n) => `(${received(n)} + ${sql.random(n, 12, 30 * 1440)} * 60000)`;
  // Each submitter's own name, phone and address, named in the subject as citizens write it: the redaction of a
  // subject costs what it costs on real rows (the same submitter on every row would hide a cost per distinct one).
  const fullName = (n) =>
    [
      sql.pick(n, 16, FAMILY_NAMES),
      sql.pick(n, 17, MIDDLE_NAMES),
      sql.pick(n, 18, GIVEN_NAMES),
      sql.pick(n, 19, [...GIVEN_NAMES, '', '', '']),
    ].join(" || ' ' || ");
  const phone = (n) => `'09' || (10000000 + ${n})`;
  await sql.insert('api::feedback.feedback', size.feedback, (n) => ({
    documentId: `'f' || ${n}`,
    fullName: `trim(${fullName(n)})`,
    phone: phone(n),
    address: `'Số ' || ${sql.random(n, 20, 400)} || ' đường ' || ${sql.pick(n, 21, GIVEN_NAMES)}`,
    kind: sql.pick(n, 13, ['impractical_rule', 'official_conduct', 'other_issue']),
    subject: `${sql.pick(n, 22, ['Ông ', 'Bà ', 'Anh ', ''])} || trim(${fullName(n)}) || ' (' || ${phone(n)} || ') phản ánh hồ sơ số ' || ${n}`,
    content: sql.text('Nội dung phản ánh'),
    channel: sql.pick(n, 14, ['web', 'email', 'phone']),
    language: sql.text('vi'),
    state: sql.pick(n, 11, ['received', 'not_accepted', 'assigned', 'answered', 'answered', 'published']),
    receivedAt: at(received(n)),
    classificationDueDate: day(`${received(n)} + ${4 * DAY}`),
    dueDate: day(`${received(n)} + ${21 * DAY}`),
    answeredAt: sql.when(answered(n), at(answeredAt(n))),
    onTime: sql.when(answered(n), sql.bool(`${sql.random(n, 15, 10)} < 8`)),
    closedAt: sql.when(answered(n), at(answeredAt(n))),
    answerPublished: sql.bool(`${sql.random(n, 11, 6)} = 5`),
    trackingCodeHash: `'bench-report-' || ${n}`,
    version: '0',
    createdAt: at(received(n)),
    updatedAt: at(received(n)),
  }));
  await strapi.db.connection.raw('ANALYZE');
}

const since = (started) => performance.now() - started;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/**
 * The XLSX export and its bare ceiling are each timed this many times and their medians compared: at 100k a write
 * takes about a second, and one sample of each, on 2 shared cores, put the ratio anywhere from 1.5 to 2.3 in the
 * same hour. At 1m one sample of each (20 s or more) is steady enough.
 */
const XLSX_RUNS = process.env.BENCH_SIZE === '1m' ? 1 : 3;
/** The CPU time of the process (all its threads) since `started` (a process.cpuUsage()), in ms. */
const cpuSince = (started) => {
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
};
const mb = (bytes) => Math.round(bytes / 1048576);
const shown = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const maxRss = () => process.resourceUsage().maxRSS * 1024;
/**
 * The event-loop delay while `during()` runs: how much later than due a 10 ms timer fired (the histogram holds the
 * whole interval between ticks, so the 10 ms are taken off), p99 and max in ms; and the main thread's longest
 * garbage-collection pause meanwhile, which tells a collection's stall from the code's.
 */
async function loopDelay(during) {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  let gcMax = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMax = Math.max(gcMax, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  histogram.enable();
  try {
    const result = await during();
    return { result, p99: late(histogram.percentile(99)), max: late(histogram.max), gcMax };
  } finally {
    histogram.disable();
    gc.disconnect();
  }
}
const LOOP_RESOLUTION_MS = 10;
const late = (ns) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);

/**
 * The ceiling of the event-loop delay: a process that does nothing, on the same machine at the same moment (the
 * delay it sees is the CPU the machine did not give, to it or to the server). Stopped by closing its stdin.
 */
function bystander() {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const h = require('perf_hooks').monitorEventLoopDelay({ resolution: ${LOOP_RESOLUTION_MS} });
       h.enable();
       process.stdin.resume();
       process.stdin.on('end', () => {
         h.disable();
         console.log(JSON.stringify({ p99: h.percentile(99), max: h.max }));
       });`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] }
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return async () => {
    child.stdin.end();
    await exited;
    const { p99, max } = JSON.parse(out);
    return `bystander ${Math.round(late(p99))} / ${Math.round(late(max))} ms`;
  };
}

const distModule = (file) =>
  require(path.join(root, 'dist', 'src', 'plugins', 'annual-report', 'server', 'src', file));

/** The report's period and its bounds (midnight in Ho Chi Minh City). */
function periodOf(year) {
  const period = { from: `${year - 1}-12-15`, to: `${year}-12-14` };
  const from = new Date(`${period.from}T00:00:00+07:00`);
  const to = new Date(new Date(`${period.to}T00:00:00+07:00`).getTime() + DAY);
  return { period, from, to };
}

/**
 * The ceilings, in their own process (the rows held in memory would otherwise count in the measured RSS): the lists'
 * rows, read through the exports service, are held in memory as cell values of the exports' columns, then written by
 * a bare exceljs streaming WorkbookWriter (one sheet per list) and by a bare CSV writer. Only the writes are timed.
 */
async function ceiling(year) {
  const ExcelJS = require('exceljs');
  const { ARTICLE_COLUMNS, FEEDBACK_COLUMNS, FEEDBACK_SHEET_COLUMNS } = distModule('exports/csv.js');
  const { from, to } = periodOf(year);
  const strapi = await loadStrapi();
  const dir = fs.mkdtempSync(path.join(root, '.tmp', 'bench', 'ceiling-'));
  const result = { xlsxMs: 0, xlsxCpuMs: 0, csvMs: { articles: 0, feedback: 0 }, rows: {} };
  try {
    const exportsService = strapi.plugin('annual-report').service('exports');
    const lists = [
      ['articles', ARTICLE_COLUMNS, ARTICLE_COLUMNS],
      ['feedback', FEEDBACK_SHEET_COLUMNS, FEEDBACK_COLUMNS],
    ];
    const held = {};
    for (const [list] of lists) {
      held[list] = [];
      for await (const row of exportsService.listRows(list, from, to)) held[list].push(row);
      result.rows[list] = held[list].length;
    }

    // exceljs at its fastest: no styles (the dates without a number format), no shared strings. XLSX_RUNS times.
    const writes = [];
    for (let run = 0; run < XLSX_RUNS; run += 1) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: path.join(dir, 'ceiling.xlsx'),
        useStyles: false,
        useSharedStrings: false,
      });
      for (const [list, sheetColumns] of lists) {
        const sheet = workbook.addWorksheet(list);
        sheet.columns = sheetColumns.map((c) => ({ header: c.header, width: c.width }));
        for (const row of held[list]) sheet.addRow(sheetColumns.map((c) => row[c.key] ?? null)).commit();
        sheet.commit();
      }
      await workbook.commit();
      writes.push({ ms: since(started), cpuMs: cpuSince(cpu) });
    }
    result.xlsxMs = median(writes.map((w) => w.ms));
    result.xlsxCpuMs = median(writes.map((w) => w.cpuMs));

    for (const [list, , csvColumns] of lists) {
      const rows = held[list];
      const started = performance.now();
      const out = fs.createWriteStream(path.join(dir, `${list}.csv`));
      const cell = (v) =>
        v === null || v === undefined
          ? ''
          : v instanceof Date
            ? v.toISOString()
            : `"${String(v).replace(/"/g, '""')}"`;
      for (const row of rows) {
        if (!out.write(`${csvColumns.map((c) => cell(row[c.key])).join(',')}\r\n`))
          await new Promise((resolve) => out.once('drain', resolve));
      }
      await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
      result.csvMs[list] = since(started);
    }
    fs.writeFileSync(process.env.BENCH_CEILING_FILE, JSON.stringify(result));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await strapi.destroy();
  }
}

/** The measured part, in a fresh process (so its peak RSS is the figures' and the exports', not the load's). */
async function measure(year) {
  const size = process.env.BENCH_SIZE;
  const ceilings = JSON.parse(fs.readFileSync(process.env.BENCH_CEILING_FILE, 'utf8'));
  const { period, from, to } = periodOf(year);
  const strapi = await loadStrapi();
  const figures = [];
  const figure = (name, value, target, ceilingText, met) =>
    figures.push({
      figure: name,
      value,
      target: target ?? '—',
      ceiling: ceilingText ?? '—',
      '': met === undefined ? '' : met ? 'met' : 'MISSED',
    });
  // The largest RSS sampled every 20 ms within the current window, beside maxRSS (which sees between samples).
  let windowRss = 0;
  const sampler = setInterval(() => {
    windowRss = Math.max(windowRss, process.memoryUsage.rss());
  }, 20);
  try {
    const startedRss = maxRss();

    const knex = strapi.db.connection;
    let started = performance.now();
    const [articles, feedback, submissions] = await Promise.all([
      knex('articles')
        .whereNotNull('published_at')
        .where('published_at', '>=', from)
        .where('published_at', '<', to)
        .countDistinct({ n: 'document_id' }),
      knex('feedbacks').where('received_at', '>=', from).where('received_at', '<', to).count({ n: '*' }),
      knex(strapi.db.metadata.get('plugin::unit-submissions.submission').tableName)
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .count({ n: '*' }),
    ]);
    const countsMs = since(started);
    console.log(
      `period ${period.from} – ${period.to}: ${articles[0].n} articles, ${feedback[0].n} feedback, ${submissions[0].n} submissions`
    );

    const figuresService = strapi.plugin('annual-report').service('figures');
    await figuresService.computeFigures(period); // warm-up
    started = performance.now();
    const computed = await figuresService.computeFigures(period);
    const figuresMs = since(started);
    figure(
      'figures (computeFigures, warm)',
      shown(figuresMs),
      `≤ ${shown(TARGETS.figuresMs)}`,
      `raw SQL counts ${shown(countsMs)}`,
      figuresMs <= TARGETS.figuresMs
    );

    const exportsService = strapi.plugin('annual-report').service('exports');
    for (const list of ['articles', 'feedback']) {
      started = performance.now();
      const watch = bystander();
      const { result: read, ...reading } = await loopDelay(async () => {
        let n = 0;
        for await (const row of exportsService.listRows(list, from, to)) n += row ? 1 : 0;
        return n;
      });
      figure(`${list} read alone (${read} rows, no file)`, shown(since(started)));
      figure(
        `${list} read alone: event loop p99 / max`,
        `${Math.round(reading.p99)} / ${Math.round(reading.max)} ms`,
        undefined,
        `${await watch()}; GC ${Math.round(reading.gcMax)} ms`
      );
    }

    const report = await strapi.db.query('plugin::annual-report.report').create({
      data: {
        title: `Báo cáo kết quả công tác truyền thông hỗ trợ kiểm soát thủ tục hành chính năm ${year}`,
        year,
        periodFrom: period.from,
        periodTo: period.to,
        state: 'draft',
        snapshot: computed,
        narrative: {
          results: 'Kết quả.',
          limitations: 'Hạn chế.',
          difficulties: 'Khó khăn.',
          proposals: 'Đề xuất.',
        },
        recipients: 'UBND tỉnh\nGiám đốc Sở',
        version: 0,
      },
    });

    /**
     * Runs these exports at once, `times` times over; their wall and CPU time (the medians), the event-loop delay
     * and the peak RSS meanwhile (over all the runs).
     */
    async function run(name, requests, wallTarget, cpuTarget, times = 1) {
      const rssBefore = maxRss();
      windowRss = process.memoryUsage.rss();
      const watch = bystander();
      const walls = [];
      const cpus = [];
      const {
        result: jobs,
        p99,
        max,
        gcMax,
      } = await loopDelay(async () => {
        const started = [];
        for (let time = 0; time < times; time += 1) {
          const start = performance.now();
          const cpu = process.cpuUsage();
          for (const r of requests) started.push(await exportsService.start(report.documentId, r, 'bench'));
          await exportsService.idle();
          walls.push(since(start));
          cpus.push(cpuSince(cpu));
        }
        return started;
      });
      const ms = median(walls);
      const cpuMs = median(cpus);
      const quiet = await watch();
      let bytes = 0;
      for (const job of jobs) {
        const done = await exportsService.findOne(job.id);
        if (done.state !== 'done') throw new Error(`${name} export ${done.state}: ${done.error}`);
        bytes += done.size / times;
      }
      const peak = Math.max(windowRss, maxRss() > rssBefore ? maxRss() : 0);
      const [target, ceilingText, met] = wallTarget ? wallTarget(ms, cpuMs) : [];
      const runs = times > 1 ? `, median of ${times}` : '';
      figure(`${name}: wall (${mb(bytes) || '<1'} MB${runs})`, shown(ms), target, ceilingText, met);
      if (cpuTarget) figure(`${name}: CPU time, all threads`, shown(cpuMs), ...cpuTarget(cpuMs));
      figure(
        `${name}: event loop p99`,
        `${Math.round(p99)} ms`,
        `≤ ${TARGETS.loopP99Ms} ms`,
        quiet,
        p99 <= TARGETS.loopP99Ms
      );
      figure(
        `${name}: event loop max`,
        `${Math.round(max)} ms`,
        `≤ ${TARGETS.loopMaxMs} ms`,
        `${quiet}; GC ${Math.round(gcMax)} ms`,
        max <= TARGETS.loopMaxMs
      );
      figure(
        `${name}: peak RSS`,
        `${mb(peak)} MB`,
        `< ${TARGETS.rssMb} MB`,
        `Strapi started ${mb(startedRss)} MB`,
        mb(peak) < TARGETS.rssMb
      );
    }
    await run('DOCX', [{ format: 'docx', list: null }]);
    // Beside the wall time, the CPU time (the export's threads against the bare write's one): on a machine shared
    // with other work the wall times of two moments are not comparable, the CPU times much more so.
    await run(
      'XLSX',
      [{ format: 'xlsx', list: null }],
      (ms) => [
        `≤ ${TARGETS.xlsxRatio}× ceiling`,
        `bare exceljs ${shown(ceilings.xlsxMs)}${XLSX_RUNS > 1 ? ` (median of ${XLSX_RUNS})` : ''}: ${(ms / ceilings.xlsxMs).toFixed(2)}×`,
        ms <= TARGETS.xlsxRatio * ceilings.xlsxMs,
      ],
      (cpuMs) => [
        '(wall is the target)',
        `bare exceljs ${shown(ceilings.xlsxCpuMs)}: ${(cpuMs / ceilings.xlsxCpuMs).toFixed(2)}×`,
      ],
      XLSX_RUNS
    );
    for (const list of ['articles', 'feedback'])
      await run(`CSV ${list}`, [{ format: 'csv', list }], (ms) => [
        undefined,
        `bare CSV ${shown(ceilings.csvMs[list])}: ${(ms / ceilings.csvMs[list]).toFixed(2)}×`,
      ]);
    const full = [
      { format: 'docx', list: null },
      { format: 'xlsx', list: null },
      { format: 'csv', list: 'articles' },
      { format: 'csv', list: 'feedback' },
    ];
    await run('full export (all four at once)', full, (ms) =>
      size === '100k'
        ? [
            `≤ ${shown(TARGETS.fullExportMs)} at 100k`,
            `bare exceljs ${shown(ceilings.xlsxMs)}`,
            ms <= TARGETS.fullExportMs,
          ]
        : [undefined, `bare exceljs ${shown(ceilings.xlsxMs)}`]
    );

    const database = process.env.DATABASE_CLIENT === 'postgres' ? 'PostgreSQL' : 'SQLite';
    console.log(`\n${database}, ${size}, year ${year}`);
    console.table(figures);
    console.log(
      `peak RSS of the process ${mb(maxRss())} MB (maxRSS, worker threads included); ceilings measured in this run`
    );
  } finally {
    clearInterval(sampler);
    await strapi.destroy();
  }
}

async function loadAll(year, size) {
  if (process.env.BENCH_COMPILE) await compileStrapi();
  const strapi = await loadStrapi();
  try {
    const started = performance.now();
    await load(strapi, year, size);
    console.log(
      `loaded ${size.articles} articles (${2 * size.articles} rows), ${size.feedback} feedback rows, ${size.submissions} submissions in SQL in ${shown(since(started))}`
    );
  } finally {
    await strapi.destroy();
  }
}

const listOf = (text) =>
  text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

async function main() {
  const year = Number(process.env.BENCH_YEAR || isoDay(new Date()).slice(0, 4));
  if (process.argv.includes('--load')) return loadAll(year, SIZES[process.env.BENCH_SIZE]);
  if (process.argv.includes('--ceiling')) return ceiling(year);
  if (process.argv.includes('--measure')) return measure(year);

  const sizes = listOf(process.env.BENCH_SIZES || '100k,1m');
  const databases = listOf(process.env.BENCH_DATABASES || 'sqlite,postgres');
  for (const size of sizes) if (!SIZES[size]) throw new Error(`BENCH_SIZES: unknown size ${size} (100k, 1m)`);
  for (const db of databases)
    if (db !== 'sqlite' && db !== 'postgres')
      throw new Error(`BENCH_DATABASES: unknown ${db} (sqlite, postgres)`);
  const postgresUrl =
    process.env.BENCH_POSTGRES_URL ||
    (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL || '')
      ? process.env.DATABASE_URL
      : 'postgres://postgres@127.0.0.1:5432/postgres');

  let compiled = false;
  for (const size of sizes) {
    for (const database of databases) {
      if (database === 'postgres') {
        const why = await unreachable(postgresUrl);
        if (why) {
          console.log(`\nPostgreSQL at ${size} skipped: ${postgresUrl} is unreachable (${why})`);
          continue;
        }
      }
      // freshEnvironment picks the database from DATABASE_URL.
      const saved = process.env.DATABASE_URL;
      if (database === 'postgres') process.env.DATABASE_URL = postgresUrl;
      else delete process.env.DATABASE_URL;
      const { env, drop } = await freshEnvironment(`bench_report_${size}`).finally(() => {
        if (saved === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = saved;
      });
      const ceilingFile = path.join(root, '.tmp', 'bench', `report-ceiling-${process.pid}.json`);
      const childEnv = {
        ...env,
        BENCH_YEAR: String(year),
        BENCH_SIZE: size,
        BENCH_COMPILE: compiled ? '' : '1',
        BENCH_CEILING_FILE: ceilingFile,
      };
      console.log(`\n=== ${database === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${size} ===`);
      try {
        await runChild(__filename, '--load', childEnv);
        compiled = true;
        // The ceilings hold the lists in memory: a larger heap than the server's.
        await runChild(__filename, '--ceiling', { ...childEnv, NODE_OPTIONS: '--max-old-space-size=6144' });
        await runChild(__filename, '--measure', childEnv);
      } finally {
        fs.rmSync(ceilingFile, { force: true });
        if (process.env.BENCH_KEEP_DB)
          console.log('kept database:', env.DATABASE_FILENAME || env.DATABASE_URL);
        else await drop();
      }
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(String(error.stack || error).slice(0, 2000));
    process.exit(1);
  }
);

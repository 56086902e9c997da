#!/usr/bin/env node
/**
 * npm run bench:report — the annual report's figures and exports on a department-sized year, on this machine.
 *
 * Loads 50 units, a plan with 200 tasks, 10,000 published articles (a draft and a published row each), 100,000
 * feedback rows and 5,000 submissions into a fresh database (SQLite, or PostgreSQL when DATABASE_URL is set) with
 * bulk knex inserts, then in this process: times the raw SQL counts (a ceiling of what the figures can cost), the
 * figures service's computeFigures (when it exists), and the DOCX and XLSX exports through the exports service
 * (the XLSX streams every article and feedback row of the period). Prints wall times and the peak RSS
 * (process.resourceUsage().maxRSS, worker threads included) and the event-loop delay during each export.
 * Targets: figures < 2 s, full export < 10 s, peak RSS < 400 MB.
 * BENCH_KEEP_DB=1 keeps the database; BENCH_REUSE=<its file name or URL> measures again on it without loading.
 */
const { monitorEventLoopDelay } = require('perf_hooks');
const crypto = require('crypto');
const { compileStrapi } = require('@strapi/strapi');
const { freshEnvironment, loadStrapi, runChild, seeded, docId, DAY, insert, link } = require('./common');

const ZONE = 'Asia/Ho_Chi_Minh';
const SIZES = { units: 50, tasks: 200, submissions: 5000, articles: 10000, feedback: 100000 };

const { random, pick } = seeded(20311214);
const isoDay = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);

async function load(strapi, year) {
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now };
  // The report period: 15/12 of the previous year to 14/12; a fifth of the rows fall outside it.
  const start = new Date(`${year - 1}-12-15T00:00:00+07:00`).getTime();
  const around = () => new Date(start - 60 * DAY + Math.floor(random() * 440 * DAY));

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

  const unitIds = await insert(
    strapi,
    'api::unit.unit',
    Array.from({ length: SIZES.units }, (_, i) => ({
      documentId: docId(),
      name: `Đơn vị ${i + 1}`,
      code: `U${String(i + 1).padStart(2, '0')}`,
      kind: 'division',
      active: true,
      sortOrder: i,
      ...stamps,
    }))
  );
  const planRow = {
    documentId: docId(),
    title: `Kế hoạch truyền thông năm ${year}`,
    year,
    number: 1,
    symbol: `1/KH-${year}`,
    issuingBody: 'Sở',
    locale: 'vi',
    ...stamps,
  };
  const planIds = await insert(strapi, 'api::plan.plan', [
    { ...planRow, publishedAt: null },
    { ...planRow, publishedAt: now },
  ]);
  const taskIds = await insert(
    strapi,
    'api::plan-task.plan-task',
    Array.from({ length: SIZES.tasks }, (_, i) => ({
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

  const submissionUnits = [];
  const submissionIds = await insert(
    strapi,
    'plugin::unit-submissions.submission',
    Array.from({ length: SIZES.submissions }, () => {
      submissionUnits.push(pick(unitIds));
      const createdAt = around();
      return {
        documentId: docId(),
        title: 'Tin bài đơn vị gửi',
        kind: 'news',
        state: pick(['draft', 'submitted', 'in_review', 'approved', 'published', 'published', 'rejected']),
        version: 0,
        submittedAt: createdAt,
        createdAt,
        updatedAt: createdAt,
      };
    })
  );
  await link(
    strapi,
    'plugin::unit-submissions.submission',
    'unit',
    submissionIds.map((id, i) => [id, submissionUnits[i]])
  );

  const articles = [];
  const articleUnits = [];
  const articleTasks = [];
  for (let i = 0; i < SIZES.articles; i += 1) {
    const task = Math.floor(random() * SIZES.tasks);
    const base = {
      documentId: docId(),
      title: `Bài viết về thủ tục hành chính số ${i + 1}`,
      slug: `bai-viet-${i + 1}`,
      kind: pick(['news', 'news', 'article', 'reportage', 'video_clip', 'photo_story']),
      channel: pick(['website', 'website', 'press', 'television', 'social_media']),
      locale: 'vi',
      ...stamps,
    };
    articles.push({ ...base, publishedAt: null }, { ...base, publishedAt: around() });
    articleUnits.push(taskUnits[task], taskUnits[task]);
    articleTasks.push(taskIds[task], taskIds[task]);
  }
  const articleIds = await insert(strapi, 'api::article.article', articles);
  await link(
    strapi,
    'api::article.article',
    'unit',
    articleIds.map((id, i) => [id, articleUnits[i]])
  );
  await link(
    strapi,
    'api::article.article',
    'planTask',
    articleIds.map((id, i) => [id, articleTasks[i]])
  );

  const feedback = [];
  for (let i = 0; i < SIZES.feedback; i += 1) {
    const receivedAt = around();
    const state = pick(['received', 'not_accepted', 'assigned', 'answered', 'answered', 'published']);
    const answered = state === 'answered' || state === 'published';
    const answeredAt = answered ? new Date(receivedAt.getTime() + Math.floor(random() * 30 * DAY)) : null;
    feedback.push({
      documentId: docId(),
      fullName: 'Nguyễn Văn An',
      phone: '0912345678',
      address: 'Số 1 đường Mẫu',
      kind: pick(['impractical_rule', 'official_conduct', 'other_issue']),
      subject: `Ông Nguyễn Văn An (0912 345 678) phản ánh hồ sơ số ${i + 1}`,
      content: 'Nội dung phản ánh',
      channel: pick(['web', 'email', 'phone']),
      language: 'vi',
      state,
      receivedAt,
      classificationDueDate: isoDay(new Date(receivedAt.getTime() + 4 * DAY)),
      dueDate: isoDay(new Date(receivedAt.getTime() + 21 * DAY)),
      answeredAt,
      onTime: answered ? random() < 0.8 : null,
      closedAt: answeredAt,
      answerPublished: state === 'published',
      trackingCodeHash: crypto.createHash('sha256').update(`bench-report-${i}`).digest('hex'),
      version: 0,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
  }
  await insert(strapi, 'api::feedback.feedback', feedback);
  await strapi.db.connection.raw('ANALYZE');
}

const mb = (kb) => Math.round(kb / 1024);
const since = (started) => Math.round(performance.now() - started);
// maxRSS, and the largest RSS sampled every 20 ms as a cross-check.
let sampled = 0;
const peak = () => {
  sampled = Math.max(sampled, process.memoryUsage.rss());
  return mb(process.resourceUsage().maxRSS);
};

/** The measured part, in a fresh process (so its peak RSS is the figures' and the exports', not the load's). */
async function measure() {
  const year = Number(process.env.BENCH_YEAR);
  const period = { from: `${year - 1}-12-15`, to: `${year}-12-14` };
  const strapi = await loadStrapi();
  const results = [];
  const sampler = setInterval(peak, 20);
  results.push({ step: 'Strapi started', 'peak RSS MB': peak() });
  try {
    let started;
    const knex = strapi.db.connection;
    const from = new Date(`${period.from}T00:00:00+07:00`);
    const to = new Date(new Date(`${period.to}T00:00:00+07:00`).getTime() + DAY);

    started = performance.now();
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
    results.push({ step: 'raw SQL counts (ceiling)', 'wall ms': since(started), 'peak RSS MB': peak() });
    console.log(
      `period ${period.from} – ${period.to}: ${articles[0].n} articles, ${feedback[0].n} feedback, ${submissions[0].n} submissions`
    );

    const reports = strapi.plugin('annual-report').service('figures');
    let figures;
    if (reports && typeof reports.computeFigures === 'function') {
      await reports.computeFigures(period); // warm-up
      started = performance.now();
      figures = await reports.computeFigures(period);
      results.push({ step: 'computeFigures (warm)', 'wall ms': since(started), 'peak RSS MB': peak() });
    } else {
      console.log('figures.computeFigures does not exist yet: figures not timed');
      const none = { published: 0, byKind: [], byChannel: [], byCampaign: [], byUnit: [], byTask: [] };
      figures = {
        period,
        computedAt: new Date().toISOString(),
        articles: { ...none, published: Number(articles[0].n) },
        submissions: { total: Number(submissions[0].n), byUnit: [], medianDaysToPublication: null },
        procedures: { listed: 0, byField: [], byLevel: [], added: 0, amended: 0, abolished: 0 },
        feedback: {
          received: Number(feedback[0].n),
          byChannel: [],
          byKind: [],
          notAccepted: 0,
          transferred: 0,
          answered: 0,
          onTime: 0,
          late: 0,
          onTimeRate: null,
          answersPublished: 0,
        },
        satisfaction: { responses: 0, criteria: [] },
        oversight: {
          remindersSent: 0,
          checks: 0,
          difficultiesRaised: 0,
          difficultiesResolved: 0,
          difficultiesEscalated: 0,
        },
        taskReports: [],
      };
    }

    const report = await strapi.db.query('plugin::annual-report.report').create({
      data: {
        title: `Báo cáo kết quả công tác truyền thông hỗ trợ kiểm soát thủ tục hành chính năm ${year}`,
        year,
        periodFrom: period.from,
        periodTo: period.to,
        state: 'draft',
        snapshot: figures,
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
    const exportsService = strapi.plugin('annual-report').service('exports');
    let total = 0;
    for (const format of ['docx', 'xlsx']) {
      // How long requests would wait on the event loop meanwhile (the XLSX is written in a worker thread).
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      started = performance.now();
      const job = await exportsService.start(report.documentId, { format, list: null }, 'bench');
      await exportsService.idle();
      const done = await exportsService.findOne(job.id);
      const ms = since(started);
      total += ms;
      if (done.state !== 'done') throw new Error(`${format} export ${done.state}: ${done.error}`);
      loop.disable();
      results.push({
        step: `export ${format}`,
        'wall ms': ms,
        'peak RSS MB': peak(),
        bytes: done.size,
        'event loop p99 / max ms': `${Math.round(loop.percentile(99) / 1e6)} / ${Math.round(loop.max / 1e6)}`,
      });
    }
    results.push({ step: 'full export (docx + xlsx)', 'wall ms': total });
    console.log(`\n${process.env.DATABASE_CLIENT === 'postgres' ? 'PostgreSQL' : 'SQLite'}, year ${year}`);
    console.table(results);
    console.log(
      `peak RSS ${peak()} MB (largest sampled RSS ${Math.round(sampled / 1048576)} MB); targets: figures < 2 s, full export < 10 s, peak RSS < 400 MB`
    );
  } finally {
    clearInterval(sampler);
    await strapi.destroy();
  }
}

async function loadAll(year) {
  await compileStrapi();
  const strapi = await loadStrapi();
  try {
    const started = performance.now();
    await load(strapi, year);
    console.log(
      `loaded ${SIZES.articles} articles, ${SIZES.feedback} feedback rows, ${SIZES.submissions} submissions in ${since(started)} ms`
    );
  } finally {
    await strapi.destroy();
  }
}

async function main() {
  const year = Number(process.env.BENCH_YEAR || isoDay(new Date()).slice(0, 4));
  if (process.argv.includes('--load')) return loadAll(year);
  if (process.argv.includes('--compile')) return compileStrapi();
  if (process.argv.includes('--measure')) return measure();
  const { env, drop } = await freshEnvironment('bench_report');
  const reuse = process.env.BENCH_REUSE;
  if (reuse) {
    // A database kept by an earlier run (BENCH_KEEP_DB=1): measure only.
    await drop();
    if (env.DATABASE_CLIENT === 'postgres') env.DATABASE_URL = reuse;
    else env.DATABASE_FILENAME = reuse;
  }
  const childEnv = { ...env, BENCH_YEAR: String(year) };
  try {
    await runChild(__filename, reuse ? '--compile' : '--load', childEnv);
    await runChild(__filename, '--measure', childEnv);
  } finally {
    if (process.env.BENCH_KEEP_DB || reuse)
      console.log('kept database:', env.DATABASE_FILENAME || env.DATABASE_URL);
    else await drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(String(error.stack || error).slice(0, 2000));
    process.exit(1);
  }
);

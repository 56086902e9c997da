#!/usr/bin/env node
/**
 * npm run bench:oversight — the oversight dashboard on a department-sized year, on this machine.
 *
 * Loads 50 units, a published plan of the current year with 500 tasks (and 300 task reports), 20,000 submissions,
 * 50,000 published articles (a draft and a published row each), 100,000 feedback rows, 500 reminders and 200
 * difficulties into a fresh database (SQLite, or PostgreSQL when DATABASE_URL is set) with bulk inserts, starts
 * Strapi in production mode in a child process, logs in as an Office user, warms up, then times
 * GET /oversight/dashboard?year= and three drill-downs one request at a time. Prints p50/p95/max; no assertions
 * (the target, p95 < 300 ms warm, is in docs/PERFORMANCE.md).
 * BENCH_REQUESTS (50), BENCH_PORT (13380), BENCH_KEEP_DB=1 to keep the database.
 */
const crypto = require('crypto');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { freshEnvironment, startServer, stopServer, seeded, docId, DAY, insert, link } = require('./common');

const REQUESTS = Number(process.env.BENCH_REQUESTS || 50);
const PORT = Number(process.env.BENCH_PORT || 13380);
const ZONE = 'Asia/Ho_Chi_Minh';
const PASSWORD = 'Bench@12345';
const EMAIL = 'office@bench.example';
const SIZES = { units: 50, tasks: 500, reports: 300, submissions: 20000, articles: 50000, feedback: 100000 };

const { random, pick } = seeded(20261126);
const isoDay = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);

async function load(env, year) {
  Object.assign(process.env, env);
  const { appDir, distDir } = await compileStrapi();
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now };
  const yearStart = new Date(`${year}-01-01T00:00:00+07:00`).getTime();
  const inYear = () => new Date(yearStart + Math.floor(random() * 365 * DAY));
  // Two years back to now: a quarter of the feedback and of the articles fall outside the year.
  const around = () => new Date(yearStart - 120 * DAY + Math.floor(random() * 485 * DAY));
  try {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: 'office' } });
    await strapi.service('admin::user').create({
      email: EMAIL,
      firstname: 'Văn phòng',
      lastname: 'Bench',
      password: PASSWORD,
      isActive: true,
      roles: [role.id],
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

    const planDoc = docId();
    const planRow = {
      documentId: planDoc,
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

    const taskDocs = Array.from({ length: SIZES.tasks }, () => docId());
    const taskUnits = taskDocs.map((_, i) => unitIds[i % unitIds.length]);
    const taskIds = await insert(
      strapi,
      'api::plan-task.plan-task',
      taskDocs.map((documentId, i) => ({
        documentId,
        code: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
        content: `Nhiệm vụ ${i + 1}`,
        form: pick(['news', 'article', 'reportage', 'video_clip']),
        channel: pick(['website', 'press', 'television']),
        targetCount: 1 + Math.floor(random() * 20),
        dueDate: isoDay(inYear()),
        locale: 'vi',
        ...stamps,
      }))
    );
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
    const reportIds = await insert(
      strapi,
      'plugin::oversight.task-report',
      Array.from({ length: SIZES.reports }, (_, i) => ({
        documentId: docId(),
        planTaskDocumentId: taskDocs[i],
        status: random() < 0.6 ? 'done' : 'in_progress',
        results: 'Đã thực hiện',
        reportedByName: 'Cán bộ',
        reportedAt: inYear(),
        ...stamps,
      }))
    );
    await link(
      strapi,
      'plugin::oversight.task-report',
      'unit',
      reportIds.map((id, i) => [id, taskUnits[i]])
    );

    const submissionUnits = [];
    const submissionTasks = [];
    const submissionIds = await insert(
      strapi,
      'plugin::unit-submissions.submission',
      Array.from({ length: SIZES.submissions }, () => {
        const task = Math.floor(random() * SIZES.tasks);
        submissionUnits.push(taskUnits[task]);
        submissionTasks.push(taskIds[task]);
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
    await link(
      strapi,
      'plugin::unit-submissions.submission',
      'planTask',
      submissionIds.map((id, i) => [id, submissionTasks[i]]).filter((_, i) => i % 2 === 0)
    );

    const articles = [];
    const articleUnits = [];
    const articleTasks = [];
    for (let i = 0; i < SIZES.articles; i += 1) {
      const task = Math.floor(random() * SIZES.tasks);
      const base = {
        documentId: docId(),
        title: `Bài viết ${i + 1}`,
        slug: `bai-viet-${i + 1}`,
        kind: pick(['news', 'news', 'article', 'reportage', 'video_clip', 'photo_story']),
        channel: pick(['website', 'website', 'press', 'television', 'social_media']),
        locale: 'vi',
        ...stamps,
      };
      articles.push({ ...base, publishedAt: null }, { ...base, publishedAt: around() });
      articleUnits.push(taskUnits[task], taskUnits[task]);
      articleTasks.push(i % 2 === 0 ? taskIds[task] : null, i % 2 === 0 ? taskIds[task] : null);
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
      articleIds.map((id, i) => [id, articleTasks[i]]).filter(([, task]) => task !== null)
    );

    const feedback = [];
    const feedbackUnits = [];
    for (let i = 0; i < SIZES.feedback; i += 1) {
      const receivedAt = around();
      const state = pick([
        'received',
        'not_accepted',
        'accepted',
        'assigned',
        'assigned',
        'answer_drafted',
        'answer_approved',
        'answered',
        'answered',
        'answered',
        'published',
        'published',
      ]);
      const answered = state === 'answered' || state === 'published';
      const answeredAt = answered ? new Date(receivedAt.getTime() + Math.floor(random() * 30 * DAY)) : null;
      feedback.push({
        documentId: docId(),
        fullName: 'Nguyễn Văn A',
        address: 'Số 1',
        kind: pick(['impractical_rule', 'official_conduct', 'other_issue']),
        subject: `Phản ánh ${i + 1}`,
        content: 'Nội dung phản ánh',
        channel: 'web',
        language: 'vi',
        state,
        receivedAt,
        classificationDueDate: isoDay(new Date(receivedAt.getTime() + 4 * DAY)),
        dueDate: isoDay(new Date(receivedAt.getTime() + 21 * DAY)),
        unitDueDate: state === 'assigned' ? isoDay(new Date(receivedAt.getTime() + 14 * DAY)) : null,
        answeredAt,
        onTime: answered ? random() < 0.8 : null,
        closedAt: answeredAt,
        answerPublished: state === 'published',
        trackingCodeHash: crypto.createHash('sha256').update(`bench-${i}`).digest('hex'),
        version: 0,
        createdAt: receivedAt,
        updatedAt: receivedAt,
      });
      feedbackUnits.push(state === 'received' || state === 'not_accepted' ? null : pick(unitIds));
    }
    const feedbackIds = await insert(strapi, 'api::feedback.feedback', feedback);
    await link(
      strapi,
      'api::feedback.feedback',
      'handlingUnit',
      feedbackIds.map((id, i) => [id, feedbackUnits[i]]).filter(([, unit]) => unit !== null)
    );

    const reminderIds = await insert(
      strapi,
      'plugin::oversight.reminder',
      Array.from({ length: 500 }, () => ({
        documentId: docId(),
        kind: 'manual',
        sentByName: 'Văn phòng',
        sentAt: inYear(),
        ...stamps,
      }))
    );
    await link(
      strapi,
      'plugin::oversight.reminder',
      'unit',
      reminderIds.map((id) => [id, pick(unitIds)])
    );
    const difficultyIds = await insert(
      strapi,
      'plugin::oversight.difficulty',
      Array.from({ length: 200 }, (_, i) => ({
        documentId: docId(),
        planTaskDocumentId: taskDocs[i],
        what: 'Thiếu kinh phí',
        state: pick(['open', 'escalated', 'resolved', 'answered']),
        reportedByName: 'Cán bộ',
        reportedAt: inYear(),
        version: 0,
        ...stamps,
      }))
    );
    await link(
      strapi,
      'plugin::oversight.difficulty',
      'unit',
      difficultyIds.map((id, i) => [id, taskUnits[i]])
    );
    // Bulk loads leave the planners without statistics until autovacuum (or SQLite's optimize) runs.
    await strapi.db.connection.raw('ANALYZE');
    return unitIds;
  } finally {
    await strapi.destroy();
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function time(url, token, count) {
  const durations = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    const body = await res.arrayBuffer();
    durations.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${Buffer.from(body).toString()}`);
    bytes = body.byteLength;
  }
  const sorted = [...durations].sort((a, b) => a - b);
  const ms = (v) => Math.round(v * 10) / 10;
  return {
    requests: count,
    'p50 ms': ms(quantile(sorted, 0.5)),
    'p95 ms': ms(quantile(sorted, 0.95)),
    'max ms': ms(sorted[sorted.length - 1]),
    bytes,
  };
}

async function main() {
  const year = Number(isoDay(new Date()).slice(0, 4));
  const { env, drop } = await freshEnvironment('bench_oversight');
  let server;
  try {
    const started = Date.now();
    const unitIds = await load(env, year);
    console.log(
      `loaded ${SIZES.units} units, ${SIZES.tasks} tasks, ${SIZES.submissions} submissions, ${SIZES.articles} articles, ${SIZES.feedback} feedback rows in ${Date.now() - started} ms`
    );
    server = await startServer(env, PORT);
    const base = `http://127.0.0.1:${PORT}`;
    const login = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
    const token = (await login.json()).data.token;
    const unit = unitIds[7];
    const scenarios = [
      ['dashboard', `/oversight/dashboard?year=${year}`],
      ['drill-down: tasks', `/oversight/units/${unit}/tasks?year=${year}`],
      ['drill-down: articles', `/oversight/units/${unit}/articles?year=${year}&kind=news`],
      ['drill-down: feedback overdue', `/oversight/units/${unit}/feedback?year=${year}&filter=overdue`],
    ];
    const results = [];
    for (const [name, path] of scenarios) {
      await time(`${base}${path}`, token, 10); // warm-up
      results.push({ scenario: name, ...(await time(`${base}${path}`, token, REQUESTS)) });
    }
    console.log(
      `\n${env.DATABASE_CLIENT === 'postgres' ? 'PostgreSQL' : 'SQLite'}, year ${year}, one request at a time after 10 warm-up requests`
    );
    console.table(results);
  } finally {
    if (server) await stopServer(server);
    if (process.env.BENCH_KEEP_DB) console.log('kept database:', env.DATABASE_FILENAME || env.DATABASE_URL);
    else await drop();
  }
}

main().catch((error) => {
  console.error(String(error.stack || error).slice(0, 2000));
  process.exit(1);
});

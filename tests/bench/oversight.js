#!/usr/bin/env node
/**
 * npm run bench:oversight — the oversight dashboard at a department's and at a city's scale, on this machine, on
 * SQLite and PostgreSQL, each size on a fresh database.
 *
 *   100k: 50 units, a published plan of the current year with 500 tasks (300 task reports), 20,000 submissions,
 *         50,000 published articles (a draft and a published row each), 100,000 feedback rows, 500 reminders and
 *         200 difficulties;
 *   1m:   the same units and plan, 50,000 submissions, 500,000 articles, 1,000,000 feedback rows, 5,000 reminders
 *         and 2,000 difficulties.
 *
 * A quarter of the feedback and of the articles fall outside the year. Submissions, articles and feedback (and their
 * links) are generated in SQL (tests/bench/sql-rows.js), the small tables inserted from Node, in a child process.
 * Then Strapi starts in production mode in a child process: as the bulk load bypassed the lifecycles, it rebuilds
 * the dashboard's rollups (src/infra/rollups.ts), timed from its log. The bench logs in as an Office user, warms
 * up, then times GET /oversight/dashboard?year= and three drill-downs one request at a time (p50/p95/max). One table
 * per database, then the targets: dashboard p95 ≤ 150 ms at 100k, and at 1m within 1.5× of the 100k figure (the
 * dashboard reads rollups, so its cost follows units × months, not rows). A failed request or a dead server prints
 * the server's last output.
 *
 * BENCH_SIZES=100k,1m (default both), BENCH_DATABASES=sqlite,postgres (default both; PostgreSQL at
 * BENCH_POSTGRES_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, skipped with a line when
 * unreachable). BENCH_REQUESTS (50), BENCH_PORT (13380), BENCH_KEEP_DB=1 keeps the databases.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Client } = require('pg');
const { compileStrapi } = require('@strapi/strapi');
const {
  unitsAndPlan,
  freshEnvironment,
  loadStrapi,
  runChild,
  unreachable,
  startServer,
  stopServer,
  seeded,
  docId,
  DAY,
  insert,
  link,
  root,
} = require('./common');
const { sqlRows } = require('./sql-rows');

const REQUESTS = Number(process.env.BENCH_REQUESTS || 50);
const PORT = Number(process.env.BENCH_PORT || 13380);
const ZONE = 'Asia/Ho_Chi_Minh';
const PASSWORD = 'Bench@12345';
const EMAIL = 'office@bench.example';
const SIZES = {
  '100k': {
    units: 50,
    tasks: 500,
    reports: 300,
    submissions: 20000,
    articles: 50000,
    feedback: 100000,
    reminders: 500,
    difficulties: 200,
  },
  // The same units and plan as at 100k: only the rows grow, so that the dashboard's cost is compared on the same
  // response (its rollups follow units × months).
  '1m': {
    units: 50,
    tasks: 500,
    reports: 300,
    submissions: 50000,
    articles: 500000,
    feedback: 1000000,
    reminders: 5000,
    difficulties: 2000,
  },
};
const TARGETS = { p95Ms: 150, ratio: 1.5 };
const FEEDBACK_STATES = [
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
];
/** Positions in FEEDBACK_STATES. */
const [FIRST_HANDLED, ASSIGNED, FIRST_ANSWERED, FIRST_PUBLISHED] = [2, [3, 4], 7, 10];

const { random, pick } = seeded(20261126);
const isoDay = (instant) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);
const since = (started) => performance.now() - started;
const shown = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

async function load(strapi, year, size) {
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now };
  const yearStart = new Date(`${year}-01-01T00:00:00+07:00`).getTime();
  const inYear = () => new Date(yearStart + Math.floor(random() * 365 * DAY));

  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'office' } });
  await strapi.service('admin::user').create({
    email: EMAIL,
    firstname: 'Văn phòng',
    lastname: 'Bench',
    password: PASSWORD,
    isActive: true,
    roles: [role.id],
  });

  const { unitIds, planIds } = await unitsAndPlan(strapi, { count: size.units, year, now, stamps });

  // Plan tasks are spread over the units in turn: task i belongs to unit i % units (by position, in id order).
  const taskDocs = Array.from({ length: size.tasks }, () => docId());
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
    Array.from({ length: size.reports }, (_, i) => ({
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

  // The large tables, generated in SQL; `n` numbers the rows from 1.
  const sql = sqlRows(strapi);
  const at = (ms) => sql.instant(ms);
  const day = (ms) => sql.day(ms, ZONE, 7);
  /**
   * An instant from four months before the year to its end, to the minute: a quarter fall outside the year. The
   * day and the minute are drawn separately: sql.random's range is a million, so one draw of 485 × 1440 minutes
   * would make the first 209 days twice as likely.
   */
  const around = (n, salt) =>
    `(${yearStart - 120 * DAY} + ${sql.random(n, salt, 485)} * ${DAY} + ${sql.random(n, salt + 100, 1440)} * 60000)`;
  const unitOfTask = (task) => `(${task} % ${size.units})`;
  /**
   * What a row's unit or task is drawn from: two sql.random draws of one number differ by a constant, which would
   * tie a feedback's unit to its state (some units with half the feedback of others), an article's task to its kind.
   */
  const apart = (n) => `(${n}) * 1009`;

  const submissionTask = (n) => sql.random(apart(n), 2, size.tasks);
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
    submittedAt: at(around(n, 3)),
    createdAt: at(around(n, 3)),
    updatedAt: at(around(n, 3)),
  }));
  await sql.link('plugin::unit-submissions.submission', 'unit', (n) => unitOfTask(submissionTask(n)));
  await sql.link('plugin::unit-submissions.submission', 'planTask', submissionTask, (n) => `${n} % 2 = 1`);

  // Two rows per article: the draft (odd n) and the published row (even n) of document k; half of them for a task.
  const k = (n) => `((${n} + 1) / 2)`;
  const articleTask = (n) => sql.random(apart(k(n)), 4, size.tasks);
  await sql.insert('api::article.article', 2 * size.articles, (n) => ({
    documentId: `'a' || ${k(n)}`,
    title: `${sql.text('Bài viết ')} || ${k(n)}`,
    slug: `'bai-viet-' || ${k(n)}`,
    kind: sql.pick(k(n), 5, ['news', 'news', 'article', 'reportage', 'video_clip', 'photo_story']),
    channel: sql.pick(k(n), 6, ['website', 'website', 'press', 'television', 'social_media']),
    locale: sql.text('vi'),
    publishedAt: sql.when(`${n} % 2 = 0`, at(around(k(n), 7))),
    createdAt: at(now.getTime()),
    updatedAt: at(now.getTime()),
  }));
  await sql.link('api::article.article', 'unit', (n) => unitOfTask(articleTask(n)));
  await sql.link('api::article.article', 'planTask', articleTask, (n) => `${k(n)} % 2 = 1`);

  // The state decides the rest: answered (answeredAt, onTime, closedAt), the unit's due date while assigned, the
  // handling unit once accepted.
  const state = (n) => sql.random(n, 11, FEEDBACK_STATES.length);
  const received = (n) => around(n, 10);
  const answered = (n) => `${state(n)} >= ${FIRST_ANSWERED}`;
  const answeredAt = (n) => `(${received(n)} + ${sql.random(n, 12, 30 * 1440)} * 60000)`;
  await sql.insert('api::feedback.feedback', size.feedback, (n) => ({
    documentId: `'f' || ${n}`,
    fullName: sql.text('Nguyễn Văn A'),
    address: sql.text('Số 1'),
    kind: sql.pick(n, 13, ['impractical_rule', 'official_conduct', 'other_issue']),
    subject: `${sql.text('Phản ánh ')} || ${n}`,
    content: sql.text('Nội dung phản ánh'),
    channel: sql.text('web'),
    language: sql.text('vi'),
    state: sql.pick(n, 11, FEEDBACK_STATES),
    receivedAt: at(received(n)),
    classificationDueDate: day(`${received(n)} + ${4 * DAY}`),
    dueDate: day(`${received(n)} + ${21 * DAY}`),
    unitDueDate: sql.when(`${state(n)} IN (${ASSIGNED.join(', ')})`, day(`${received(n)} + ${14 * DAY}`)),
    answeredAt: sql.when(answered(n), at(answeredAt(n))),
    onTime: sql.when(answered(n), sql.bool(`${sql.random(n, 15, 10)} < 8`)),
    closedAt: sql.when(answered(n), at(answeredAt(n))),
    answerPublished: sql.bool(`${state(n)} >= ${FIRST_PUBLISHED}`),
    trackingCodeHash: `'bench-oversight-' || ${n}`,
    version: '0',
    createdAt: at(received(n)),
    updatedAt: at(received(n)),
  }));
  await sql.link(
    'api::feedback.feedback',
    'handlingUnit',
    (n) => sql.random(apart(n), 16, size.units),
    (n) => `${state(n)} >= ${FIRST_HANDLED}`
  );

  const reminderIds = await insert(
    strapi,
    'plugin::oversight.reminder',
    Array.from({ length: size.reminders }, () => ({
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
    Array.from({ length: size.difficulties }, (_, i) => ({
      documentId: docId(),
      planTaskDocumentId: taskDocs[i % size.tasks],
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
    difficultyIds.map((id, i) => [id, taskUnits[i % size.tasks]])
  );
  // Bulk loads leave the planners without statistics until autovacuum (or SQLite's optimize) runs; PostgreSQL is
  // vacuumed too, so that autovacuum, woken by the rows just inserted, does not share the 2 cores with the run.
  await strapi.db.connection.raw(strapi.db.dialect.client === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE');
}

/** The --load child: loads one size into the database of its environment and writes how long it took. */
async function loadAll(year, size) {
  if (process.env.BENCH_COMPILE) await compileStrapi();
  const strapi = await loadStrapi();
  try {
    const started = performance.now();
    await load(strapi, year, size);
    fs.writeFileSync(process.env.BENCH_LOAD_FILE, JSON.stringify({ loadMs: since(started) }));
  } finally {
    await strapi.destroy();
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** A request to the server; when it fails, why, with the server's last output. */
async function request(server, url, init) {
  try {
    const res = await fetch(url, init);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${res.status} ${Buffer.from(body).toString().slice(0, 500)}`);
    return body;
  } catch (error) {
    const cause = error.cause ? ` (${error.cause.code ?? ''} ${error.cause.message ?? error.cause})` : '';
    const state = server.exitCode === null && !server.signalCode ? 'running' : 'exited';
    throw new Error(
      `${url}: ${error.message}${cause}\n--- the server (${state}), its last output:\n${server.output()}\n---`
    );
  }
}

async function time(server, url, token, count) {
  const durations = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const body = await request(server, url, { headers: { Authorization: `Bearer ${token}` } });
    durations.push(since(started));
    bytes = body.byteLength;
  }
  const sorted = [...durations].sort((a, b) => a - b);
  const ms = (v) => Math.round(v * 10) / 10;
  return { p50: ms(quantile(sorted, 0.5)), p95: ms(quantile(sorted, 0.95)), max: ms(sorted.at(-1)), bytes };
}

/**
 * Starts the server and times its start: to "listening", and the rollups' rebuild between its log lines
 * "rollups: rebuilding" and "rollups: rebuilt N months" (null when it only took in the pending changes).
 */
async function start(env) {
  const marks = {};
  let partial = '';
  const onOutput = (chunk) => {
    const now = performance.now();
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      if (line.includes('rollups: rebuilding')) marks.from = now;
      const rebuilt = line.match(/rollups: rebuilt (\d+) months/);
      if (rebuilt) Object.assign(marks, { to: now, months: Number(rebuilt[1]) });
    }
  };
  const started = performance.now();
  // At info level, the server logs its rollups' rebuild.
  const server = await startServer({ ...env, LOG_LEVEL: 'info' }, PORT, { onOutput });
  return {
    server,
    startMs: since(started),
    rebuild: marks.to === undefined ? null : { ms: marks.to - marks.from, months: marks.months },
  };
}

/** One size on one fresh database: the load, the server's start, then the timed requests. */
async function run(database, size, year, compile) {
  const saved = process.env.DATABASE_URL;
  if (database === 'postgres') process.env.DATABASE_URL = postgresUrl();
  else delete process.env.DATABASE_URL;
  // freshEnvironment picks the database from DATABASE_URL.
  const { env, drop } = await freshEnvironment(`bench_oversight_${size}`).finally(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });
  const loadFile = path.join(root, '.tmp', 'bench', `oversight-load-${process.pid}.json`);
  let server;
  try {
    await runChild(__filename, '--load', {
      ...env,
      BENCH_YEAR: String(year),
      BENCH_SIZE: size,
      BENCH_COMPILE: compile ? '1' : '',
      BENCH_LOAD_FILE: loadFile,
    });
    const { loadMs } = JSON.parse(fs.readFileSync(loadFile, 'utf8'));
    const s = SIZES[size];
    console.log(
      `loaded ${s.units} units, ${s.tasks} tasks, ${s.submissions} submissions, ${s.articles} articles, ${s.feedback} feedback rows in ${shown(loadMs)}`
    );

    const started = await start(env);
    server = started.server;
    console.log(
      `server listening after ${shown(started.startMs)}; ${started.rebuild ? `rollups rebuilt (${started.rebuild.months} months) in ${shown(started.rebuild.ms)}` : 'no rollups rebuild'}`
    );
    if (env.DATABASE_CLIENT === 'postgres') {
      // The rebuild deleted the load's change records and wrote the rollups: vacuumed now rather than by autovacuum
      // during the run.
      const client = new Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      await client.query('VACUUM ANALYZE rollup_dirty, rollup_counts').finally(() => client.end());
    }

    const base = `http://127.0.0.1:${PORT}`;
    const login = await request(server, `${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const token = JSON.parse(Buffer.from(login).toString()).data.token;
    const dashboardPath = `/oversight/dashboard?year=${year}`;
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const dashboard = JSON.parse(
      Buffer.from(await request(server, `${base}${dashboardPath}`, auth)).toString()
    ).data;
    const { feedback, articles, submissions, tasks } = dashboard.totals;
    console.log(
      `year ${year} on the dashboard: ${dashboard.units.length} units; tasks ${tasks.total} (${tasks.overdue} overdue); ${submissions.total} submissions; ${articles.published} articles published; feedback ${feedback.assigned} assigned, ${feedback.answered} answered (${feedback.answeredOnTime} on time), ${feedback.overdue} overdue`
    );
    const unit = dashboard.units[7].unit.id;
    const scenarios = [
      ['dashboard', dashboardPath],
      ['drill-down: tasks', `/oversight/units/${unit}/tasks?year=${year}`],
      ['drill-down: articles', `/oversight/units/${unit}/articles?year=${year}&kind=news`],
      ['drill-down: feedback overdue', `/oversight/units/${unit}/feedback?year=${year}&filter=overdue`],
    ];
    const timings = {};
    for (const [name, route] of scenarios) {
      await time(server, `${base}${route}`, token, 10); // warm-up
      timings[name] = await time(server, `${base}${route}`, token, REQUESTS);
    }
    const loadAverage = os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ');
    console.log(`one request at a time after 10 warm-up requests; load average ${loadAverage}`);
    console.table(
      Object.entries(timings).map(([scenario, t]) => ({
        scenario,
        requests: REQUESTS,
        'p50 ms': t.p50,
        'p95 ms': t.p95,
        'max ms': t.max,
        bytes: t.bytes,
      }))
    );
    return { loadMs, ...started, timings, loadAverage };
  } finally {
    if (server) await stopServer(server);
    fs.rmSync(loadFile, { force: true });
    if (process.env.BENCH_KEEP_DB) console.log('kept database:', env.DATABASE_FILENAME || env.DATABASE_URL);
    else await drop();
  }
}

const postgresUrl = () =>
  process.env.BENCH_POSTGRES_URL ||
  (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL || '')
    ? process.env.DATABASE_URL
    : 'postgres://postgres@127.0.0.1:5432/postgres');

const listOf = (text) =>
  text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/** The database's table (a row per size) and its lines against the targets. */
function summary(label, results) {
  const pair = (t) => `${Math.round(t.p50)} / ${Math.round(t.p95)}`;
  console.log(`\n${label}: p50 / p95 / max (ms) one request at a time, drill-downs p50 / p95 (ms)`);
  console.table(
    Object.entries(results).map(([size, r]) => ({
      size,
      dashboard: `${Math.round(r.timings.dashboard.p50)} / ${Math.round(r.timings.dashboard.p95)} / ${Math.round(r.timings.dashboard.max)}`,
      tasks: pair(r.timings['drill-down: tasks']),
      articles: pair(r.timings['drill-down: articles']),
      'feedback overdue': pair(r.timings['drill-down: feedback overdue']),
      load: shown(r.loadMs),
      'rollups rebuild': r.rebuild ? `${shown(r.rebuild.ms)} (${r.rebuild.months} months)` : '—',
      'start to listening': shown(r.startMs),
      'load average': r.loadAverage,
    }))
  );
  const small = results['100k']?.timings.dashboard.p95;
  const large = results['1m']?.timings.dashboard.p95;
  const verdict = (met) => (met ? 'met' : 'MISSED');
  if (small !== undefined && large !== undefined) {
    const ratio = large / small;
    console.log(
      `${label}: p95 1M ÷ p95 100k = ${ratio.toFixed(2)} (target ≤ ${TARGETS.ratio}) ${verdict(ratio <= TARGETS.ratio)}`
    );
  }
  if (small !== undefined)
    console.log(
      `${label}: p95 100k = ${Math.round(small)} ms (target ≤ ${TARGETS.p95Ms}) ${verdict(small <= TARGETS.p95Ms)}`
    );
}

async function main() {
  const year = Number(process.env.BENCH_YEAR || isoDay(new Date()).slice(0, 4));
  if (process.argv.includes('--load')) return loadAll(year, SIZES[process.env.BENCH_SIZE]);

  const sizes = listOf(process.env.BENCH_SIZES || '100k,1m');
  const databases = listOf(process.env.BENCH_DATABASES || 'sqlite,postgres');
  for (const size of sizes) if (!SIZES[size]) throw new Error(`BENCH_SIZES: unknown size ${size} (100k, 1m)`);
  for (const db of databases)
    if (db !== 'sqlite' && db !== 'postgres')
      throw new Error(`BENCH_DATABASES: unknown ${db} (sqlite, postgres)`);

  let compiled = false;
  const all = {};
  for (const database of databases) {
    const label = database === 'postgres' ? 'PostgreSQL' : 'SQLite';
    if (database === 'postgres') {
      const why = await unreachable(postgresUrl());
      if (why) {
        console.log(`\nPostgreSQL skipped: ${postgresUrl()} is unreachable (${why})`);
        continue;
      }
    }
    all[label] = {};
    for (const size of sizes) {
      console.log(`\n=== ${label}, ${size} ===`);
      all[label][size] = await run(database, size, year, !compiled);
      compiled = true;
    }
  }
  for (const [label, results] of Object.entries(all)) summary(label, results);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(String(error.stack || error).slice(0, 6000));
    process.exit(1);
  }
);

#!/usr/bin/env node
/**
 * npm run bench:api — the public API under load, on this machine.
 *
 * Loads 2,000 procedures, 5,000 articles and 20,000 feedback rows into a fresh database (SQLite, or PostgreSQL
 * when DATABASE_URL is set), starts Strapi in production mode in a child process, and runs autocannon
 * (20 connections, a warm-up run first) against: the article list with the response cache off and on, the same
 * bytes from a bare Node http server in its own process (the ceiling), the procedure search, and feedback intake, whose 201s are then
 * counted against the stored rows. Prints a table and checks the targets of docs/PERFORMANCE.md.
 * BENCH_SECONDS (10), BENCH_INTAKE_REQUESTS (1500), BENCH_PORT (13370), BENCH_KEEP_DB=1 to keep the database.
 */
const crypto = require('crypto');
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const {
  freshEnvironment,
  startServer,
  stopServer,
  bareServer,
  measure,
  row,
  root,
  docId,
  insert,
  link,
  sampleProcedure,
} = require('./common');

const CONNECTIONS = 20;
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const PORT = Number(process.env.BENCH_PORT || 13370);
const demo = (file) => require(path.join(root, 'database', 'demo', file));

async function load(env) {
  Object.assign(process.env, env);
  const { appDir, distDir } = await compileStrapi();
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  const now = new Date();
  try {
    const fieldIds = {};
    for (const field of demo('procedure-fields.json')) {
      const doc = await strapi.documents('api::procedure-field.procedure-field').create({
        locale: 'vi',
        data: { code: field.code, ...field.vi },
      });
      await strapi.documents('api::procedure-field.procedure-field').publish({ documentId: doc.documentId });
      const published = await strapi.db
        .query('api::procedure-field.procedure-field')
        .findOne({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } } });
      fieldIds[field.code] = published.id;
    }

    const samples = demo('procedures.json');
    const procedures = [];
    for (let i = 0; i < 2000; i += 1) {
      const base = {
        documentId: docId(),
        ...sampleProcedure(samples, i),
        sampleData: true,
        locale: 'vi',
        createdAt: now,
        updatedAt: now,
      };
      procedures.push({ ...base, publishedAt: null }, { ...base, publishedAt: now });
    }
    const procedureIds = await insert(strapi, 'api::procedure.procedure', procedures);
    await link(
      strapi,
      'api::procedure.procedure',
      'field',
      procedureIds.map((id, index) => [id, fieldIds[samples[Math.floor(index / 2) % samples.length].field]])
    );
    await require(path.join(root, 'dist', 'src', 'infra', 'search-index')).reindexProcedures(strapi, 'all');

    const articleSamples = demo('articles.json');
    const articles = [];
    for (let i = 0; i < 5000; i += 1) {
      const sample = articleSamples[i % articleSamples.length];
      const base = {
        documentId: docId(),
        title: `${sample.vi.title} (${i + 1})`,
        slug: `${sample.vi.slug}-${i + 1}`,
        summary: sample.vi.summary,
        body: JSON.stringify(
          sample.vi.body.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }))
        ),
        kind: sample.kind,
        channel: sample.channel,
        locale: 'vi',
        createdAt: now,
        updatedAt: now,
      };
      articles.push(
        { ...base, publishedAt: null },
        { ...base, publishedAt: new Date(now.getTime() - i * 60000) }
      );
    }
    await insert(strapi, 'api::article.article', articles);

    const feedbackSamples = demo('feedbacks.json');
    const feedback = [];
    for (let i = 0; i < 20000; i += 1) {
      const sample = feedbackSamples[i % feedbackSamples.length];
      feedback.push({
        documentId: docId(),
        fullName: sample.fullName,
        address: sample.address,
        phone: sample.phone ?? null,
        email: sample.email ?? null,
        kind: sample.kind,
        subject: sample.subject,
        content: sample.content,
        channel: sample.channel,
        language: 'vi',
        state: sample.state,
        receivedAt: new Date(now.getTime() - i * 3600000),
        answer: sample.answer ?? null,
        answerPublished: sample.state === 'published',
        trackingCodeHash: crypto.createHash('sha256').update(`bench-${i}`).digest('hex'),
        createdAt: now,
        updatedAt: now,
      });
    }
    await insert(strapi, 'api::feedback.feedback', feedback);
    await require(path.join(root, 'dist', 'src', 'infra', 'search-index')).reindexFeedback(strapi, 'all');
    // Bulk loads leave PostgreSQL without statistics until autovacuum runs; production data grows gradually.
    if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('ANALYZE');
  } finally {
    await strapi.destroy();
  }
}

async function countFeedback(env) {
  Object.assign(process.env, env);
  const strapi = await createStrapi({
    appDir: root,
    distDir: path.join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  try {
    const knex = strapi.db.connection;
    const [{ rows }] = await knex('feedbacks').count({ rows: '*' });
    const [{ distinct }] = await knex('feedbacks').countDistinct({ distinct: 'tracking_code_hash' });
    return { rows: Number(rows), distinct: Number(distinct) };
  } finally {
    await strapi.destroy();
  }
}

async function main() {
  const { env, drop } = await freshEnvironment('bench_api');
  const started = Date.now();
  const results = [];
  try {
    await load(env);
    console.log(
      `loaded 2,000 procedures, 5,000 articles, 20,000 feedback rows in ${Date.now() - started} ms`
    );
    const url = (p) => `http://127.0.0.1:${PORT}${p}`;
    const articles = '/api/articles?pagination[pageSize]=25';
    const search = `/api/procedures/search?q=${encodeURIComponent('giay phep moi truong')}`;
    const base = { connections: CONNECTIONS, duration: DURATION };

    // 1. Response cache off: articles, search, and feedback intake.
    const limits = { FEEDBACK_MIN_FILL_SECONDS: '0', FEEDBACK_SUBMIT_LIMIT: '100000000' };
    let server = await startServer({ ...env, ...limits, RESPONSE_CACHE: 'off' }, PORT);
    results.push(row('articles, cache off', await measure({ ...base, url: url(articles) })));
    results.push(row('search, cache off', await measure({ ...base, url: url(search) })));

    const { issueFormToken } = require(path.join(root, 'dist', 'src', 'domain', 'form-token'));
    const sample = demo('feedbacks.json')[0];
    const feedbackBody = () =>
      JSON.stringify({
        fullName: sample.fullName,
        address: sample.address,
        phone: '0909123456',
        kind: 'other_issue',
        subject: 'Benchmark',
        content: 'Nội dung phản ánh dùng để đo hiệu năng tiếp nhận.',
        consent: { processing: true, publishAnswer: false },
        formToken: issueFormToken(env.FORM_TOKEN_SECRET, 'feedback'),
      });
    // A fixed number of requests (not a duration): autocannon then waits for every response, so each 201 is counted.
    const intake = {
      connections: CONNECTIONS,
      amount: Number(process.env.BENCH_INTAKE_REQUESTS || 1500),
      url: url('/api/feedbacks'),
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({ ...request, body: feedbackBody() }),
        },
      ],
    };
    const warm = await require('autocannon')({ ...intake, amount: 200 });
    const measured = await require('autocannon')(intake);
    results.push(row('POST /api/feedbacks', measured));
    await stopServer(server);

    const stored = await countFeedback(env);
    const accepted = warm['2xx'] + measured['2xx'];
    const intakeCheck = {
      accepted201: accepted,
      rowsAdded: stored.rows - 20000,
      duplicates: stored.rows - stored.distinct,
      refused: warm.non2xx + measured.non2xx,
      errors: warm.errors + warm.timeouts + measured.errors + measured.timeouts,
    };

    // 2. Response cache on.
    server = await startServer({ ...env, RESPONSE_CACHE: 'on' }, PORT);
    results.push(row('articles, cache on', await measure({ ...base, url: url(articles) })));
    results.push(row('search, cache on', await measure({ ...base, url: url(search) })));
    const sampleResponse = await fetch(url(articles));
    const bytes = Buffer.from(await sampleResponse.arrayBuffer());
    await stopServer(server);

    // 3. The ceiling: the same bytes from a bare Node http server.
    const bare = await bareServer(bytes, PORT + 1);
    results.push(
      row('same bytes, bare Node http', await measure({ ...base, url: `http://127.0.0.1:${PORT + 1}/` }))
    );
    await stopServer(bare);

    console.log(
      `\n${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${CONNECTIONS} connections, ${DURATION} s each after a 3 s warm-up, response ${bytes.length} bytes`
    );
    console.table(results);
    console.table([intakeCheck]);

    const by = Object.fromEntries(results.map((r) => [r.scenario, r]));
    const checks = [
      [
        'cached list >= 10x uncached',
        by['articles, cache on']['req/s'] >= 10 * by['articles, cache off']['req/s'],
      ],
      [
        'cached list >= 70% of bare Node',
        by['articles, cache on']['req/s'] >= 0.7 * by['same bytes, bare Node http']['req/s'],
      ],
      // The website runs with the response cache on; uncached figures are printed above for comparison.
      ['search p97.5 <= 50 ms', by['search, cache on']['p97.5 ms'] <= 50],
      ['intake >= 100 submissions/s', by['POST /api/feedbacks']['req/s'] >= 100],
      [
        'every 201 is exactly one row',
        intakeCheck.accepted201 === intakeCheck.rowsAdded && intakeCheck.duplicates === 0,
      ],
    ];
    console.table(checks.map(([target, met]) => ({ target, met })));
  } finally {
    if (process.env.BENCH_KEEP_DB) console.log('kept database:', env.DATABASE_FILENAME || env.DATABASE_URL);
    else await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

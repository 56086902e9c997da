/** Shared by the benchmarks: fresh databases, a Strapi child process, autocannon runs and result tables. */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const autocannon = require('autocannon');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..', '..');
const randomSecret = () => crypto.randomBytes(24).toString('base64');

/** Strapi from the compiled app, loaded without its admin panel or an HTTP server, for a bench's measured process. */
const loadStrapi = () =>
  require('@strapi/strapi')
    .createStrapi({
      appDir: root,
      distDir: path.join(root, 'dist'),
      autoReload: false,
      serveAdminPanel: false,
    })
    .load();

/** The V8 flags that `npm start` gives the production server (its heap limit), so that a bench measures the same. */
const PRODUCTION_FLAGS =
  require(path.join(root, 'package.json')).scripts.start.match(/--max-old-space-size=\d+/g) ?? [];

/**
 * Runs `script` again in a child process with `mode` (its own RSS: a child's maxRSS starts from its parent's); the
 * measured mode runs with the production server's flags, and those of BENCH_MEASURE_FLAGS (space-separated, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it: Node refuses --cpu-prof in NODE_OPTIONS).
 */
const runChild = (script, mode, env) =>
  new Promise((resolve, reject) => {
    const extra = (process.env.BENCH_MEASURE_FLAGS ?? '').split(' ').filter(Boolean);
    const flags = mode === '--measure' ? [...PRODUCTION_FLAGS, ...extra] : [];
    spawn(process.execPath, [...flags, script, mode], { cwd: root, env, stdio: 'inherit' }).on(
      'exit',
      (code, signal) => (code === 0 ? resolve() : reject(new Error(`${mode} exited with ${signal ?? code}`)))
    );
  });

/** Why PostgreSQL at `url` cannot be reached, or null when it can. */
async function unreachable(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error.message;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Production-like settings with fresh secrets; the database is a new SQLite file, or a new PostgreSQL database. */
async function freshEnvironment(name) {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    ENV_PATH: path.join(root, '.tmp', 'bench', 'no.env'),
    LOG_LEVEL: 'error',
    DEMO_SEED: 'off',
    HOST: '127.0.0.1',
    APP_KEYS: [1, 2].map(randomSecret).join(','),
    API_TOKEN_SALT: randomSecret(),
    ADMIN_JWT_SECRET: randomSecret(),
    TRANSFER_TOKEN_SALT: randomSecret(),
    JWT_SECRET: randomSecret(),
    ENCRYPTION_KEY: randomSecret(),
    FORM_TOKEN_SECRET: randomSecret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  const stamp = `${name}_${Date.now().toString(36)}`;
  fs.mkdirSync(path.join(root, '.tmp', 'bench'), { recursive: true });
  let drop = async () => fs.rmSync(path.join(root, env.DATABASE_FILENAME), { force: true });
  if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL || '')) {
    const base = new URL(process.env.DATABASE_URL);
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${stamp}"`);
    await admin.end();
    base.pathname = `/${stamp}`;
    env.DATABASE_CLIENT = 'postgres';
    env.DATABASE_URL = base.toString();
    const serverUrl = process.env.DATABASE_URL;
    drop = async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${stamp}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    env.DATABASE_CLIENT = 'sqlite';
    delete env.DATABASE_URL;
    env.DATABASE_FILENAME = path.join('.tmp', 'bench', `${stamp}.db`);
  }
  return { env, drop };
}

/**
 * Starts tests/bench/server.js with these settings and resolves once it listens; `onOutput` sees every chunk of its
 * output as it comes (a bench times what the server logs), and the child's `output()` is its last output.
 */
const startServer = (env, port, { onOutput } = {}) => listening('server.js', env, port, onOutput);

/** Starts tests/bench/bare-server.js sending `body`, the ceiling of a cached read; stopped with stopServer. */
function bareServer(body, port) {
  const file = path.join(root, '.tmp', 'bench', `bare-${port}.json`);
  fs.writeFileSync(file, body);
  return listening('bare-server.js', { ...process.env, BARE_BODY_FILE: file }, port);
}

function listening(script, env, port, onOutput = () => {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, script)], {
      cwd: root,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The server's last output, printed if it dies before stopServer: a bench that only saw "fetch failed" could
    // not say why.
    const tail = [];
    const keep = (chunk) => {
      onOutput(String(chunk));
      tail.push(String(chunk));
      if (tail.length > 40) tail.shift();
    };
    child.output = () => tail.join('');
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      if (String(chunk).includes('listening')) resolve(child);
    });
    child.stderr.on('data', (chunk) => {
      keep(chunk);
      process.stderr.write(chunk);
    });
    child.on('exit', (code, signal) => {
      process.stderr.write(
        `--- ${script} exited (${code ?? signal}); its last output:\n${tail.join('')}\n---\n`
      );
      reject(new Error(`benchmark server exited with ${code ?? signal}`));
    });
  });
}

const stopServer = (child) =>
  new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });

/** A warm-up run, then the measured one. */
async function measure(options, warmupSeconds = 3) {
  await autocannon({ ...options, duration: warmupSeconds });
  return autocannon(options);
}

const row = (name, result) => ({
  scenario: name,
  'req/s': Math.round(result.requests.average),
  'p50 ms': result.latency.p50,
  'p97.5 ms': result.latency.p97_5,
  'p99 ms': result.latency.p99,
  '2xx': result['2xx'],
  'non-2xx': result.non2xx,
  errors: result.errors,
});

/** A seeded generator, so that every run loads the same data. */
function seeded(start) {
  let seed = start;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { random, pick: (list) => list[Math.floor(random() * list.length)] };
}

const docId = () => crypto.randomBytes(12).toString('hex');
const DAY = 86_400_000;

/** Bulk rows through knex, named by attribute and mapped to columns by Strapi's metadata; returns their ids. */
async function insert(strapi, uid, rows) {
  const meta = strapi.db.metadata.get(uid);
  const column = (name) => meta.attributes[name].columnName;
  const records = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [column(k), v])));
  const ids = [];
  // SQLite: at most 500 rows per compound insert and 32,766 bindings.
  const batch = Math.min(450, Math.floor(30000 / Object.keys(records[0]).length));
  for (let i = 0; i < records.length; i += batch) {
    const inserted = await strapi.db
      .connection(meta.tableName)
      .insert(records.slice(i, i + batch))
      .returning('id');
    ids.push(...inserted.map((r) => (typeof r === 'object' ? r.id : r)));
  }
  return ids;
}

/** Rows of a relation's link table: [source id, target id]. */
async function link(strapi, uid, attribute, pairs) {
  const { joinTable } = strapi.db.metadata.get(uid).attributes[attribute];
  const rows = pairs.map(([from, to]) => ({
    [joinTable.joinColumn.name]: from,
    [joinTable.inverseJoinColumn.name]: to,
  }));
  for (let i = 0; i < rows.length; i += 450)
    await strapi.db.connection(joinTable.name).insert(rows.slice(i, i + 450));
}

/** The i-th bench procedure, made from the demo's samples in turn: its code is unique, its texts are real. */
const sampleProcedure = (samples, i) => {
  const sample = samples[i % samples.length];
  return {
    nationalCode: `8.${String(100000 + i).padStart(6, '0')}`,
    name: `${sample.vi.name} (mẫu ${i + 1})`,
    implementingAgency: sample.vi.implementingAgency,
    subjects: sample.vi.subjects,
    keywords: sample.vi.keywords,
    onlineLevel: sample.onlineLevel,
    legalStatus: 'in_force',
  };
};

/** The benches' units (`count`, coded U01, U02, …) and a plan of `year` (a draft and a published row): their ids. */
async function unitsAndPlan(strapi, { count, year, now, stamps }) {
  const unitIds = await insert(
    strapi,
    'api::unit.unit',
    Array.from({ length: count }, (_, i) => ({
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
  return { unitIds, planIds };
}

module.exports = {
  unitsAndPlan,
  root,
  sampleProcedure,
  loadStrapi,
  runChild,
  unreachable,
  freshEnvironment,
  startServer,
  stopServer,
  bareServer,
  measure,
  row,
  seeded,
  docId,
  DAY,
  insert,
  link,
};

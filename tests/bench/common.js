/** Shared by the benchmarks: fresh databases, a Strapi child process, autocannon runs and result tables. */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const autocannon = require('autocannon');
const { Client } = require('pg');

const root = path.resolve(__dirname, '..', '..');
const randomSecret = () => crypto.randomBytes(24).toString('base64');

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

/** Starts tests/bench/server.js with these settings and resolves once it listens. */
function startServer(env, port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'server.js')], {
      cwd: root,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('listening')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`benchmark server exited with ${code}`)));
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

module.exports = { root, freshEnvironment, startServer, stopServer, measure, row };

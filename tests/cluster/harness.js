/**
 * A cluster of real processes on loopback, for `npm run test:cluster` and `npm run bench:cluster`: an S3-compatible
 * server (s3rver, in this process), a fresh PostgreSQL database, N Strapi nodes started as production starts them
 * (`strapi start` from dist/) and nginx in front of them, configured by deploy/bin/render-nginx.js as
 * docs/DEPLOYMENT.md tells a site to.
 *
 *   const cluster = await startCluster({ nodes: 2, basePort: 18300, env: { … }, s3: true });
 *   cluster.url                      nginx, e.g. http://127.0.0.1:18300
 *   cluster.nodes[i]                 { url, port, env, kill(signal = 'SIGKILL'), stop(), start(), log(), logLines(),
 *                                      exited, running() }; `env` may be changed before start()
 *   cluster.s3                       { endpoint, bucket, client, listKeys(prefix), stall(match) } (null with s3: false)
 *   cluster.db                       { url, name, query(sql, params) }
 *   cluster.admin(nodeIndex?)        { token, request(method, path, body?, headers?) } as the super admin
 *   cluster.env                      what every node was started with (secrets included)
 *   cluster.printLogs(), cluster.stop()
 *   client(base, token)              the same request helper for another user's token
 *
 * Ports: nginx basePort, s3rver basePort + 1, node i basePort + 10 + i. Each node has a private upload folder of its
 * own, so that a file one node wrote is only found by another through the object store.
 */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx';
const RENDERER = path.join(ROOT, 'deploy', 'bin', 'render-nginx.js');
const LOG_LINES = 200;
const READY_TIMEOUT_MS = Number(process.env.CLUSTER_READY_TIMEOUT_MS || 240_000);
const ADMIN = {
  email: 'admin@cluster.test',
  password: 'Cluster@12345',
  firstname: 'Cluster',
  lastname: 'Admin',
};

// Every process the harness started: killed if this process exits without cluster.stop() (an interrupted run);
// nginx with SIGTERM, since its workers would outlive a killed master.
const children = new Map();
process.once('exit', () => {
  for (const [child, signal] of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
});
const track = (child, signal = 'SIGKILL') => {
  children.set(child, signal);
  child.once('exit', () => children.delete(child));
  return child;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const secret = () => crypto.randomBytes(32).toString('base64');

/** Fresh production secrets, the same for every node of a cluster. */
const productionSecrets = () => ({
  APP_KEYS: [1, 2, 3, 4].map(secret).join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
});

// ---------------------------------------------------------------------------------------------------------------
// dist/: compiled as the API tests' global setup does (same sources key, so either reuses the other's compile).

const { isCompiled, markCompiled, sourcesKey } = require('../setup/sources-key');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

/** Builds what `strapi start` needs: the admin panel (dist/build) once, dist/src whenever the sources changed. */
function ensureBuilt() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))) {
    console.log('[cluster] dist/build is missing: npm run build');
    run('npm', ['run', '-s', 'build']);
  }
  const key = sourcesKey();
  if (!isCompiled(key) || !fs.existsSync(path.join(ROOT, 'dist', 'src'))) {
    console.log('[cluster] compiling dist/ (npx tsc -p tsconfig.json --outDir dist)');
    try {
      run('npx', ['tsc', '-p', 'tsconfig.json', '--outDir', 'dist']);
    } catch (error) {
      // For a developer whose tree does not compile yet and who knows what dist/ holds; never in CI.
      if (process.env.CLUSTER_STALE_DIST !== '1') throw error;
      console.warn(`[cluster] ${error.message}; CLUSTER_STALE_DIST=1: running the dist/ there is`);
      return;
    }
    markCompiled(key);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

function serverUrl() {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : 'postgres://postgres@127.0.0.1:5432/postgres';
}

const withDatabase = (url, name) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

async function onServer(sql) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

async function freshDatabase(name) {
  await onServer(`CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl(), name);
  return {
    url,
    name,
    async query(sql, params = []) {
      const { Client } = require('pg');
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end().catch(() => {});
      }
    },
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Object store

async function startS3(port, dir, bucket) {
  const S3rver = require('s3rver');
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  // Requests a test holds back (stall()), ahead of s3rver's own middleware: Koa composes them when it listens.
  const stalls = new Set();
  server.middleware.unshift(async (ctx, next) => {
    const key = decodeURIComponent(ctx.path).replace(`/${bucket}/`, '');
    for (const stall of stalls) {
      if (stall.match(ctx.method, key)) {
        stall.hit(key);
        await stall.released;
        break;
      }
    }
    return next();
  });
  await server.run();
  const { S3Client, ListObjectsV2Command } = require('@aws-sdk/client-s3');
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    bucket,
    client,
    env: {
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    /** Every key under `prefix` (all levels). */
    async listKeys(prefix = '') {
      const keys = [];
      let ContinuationToken;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken })
        );
        for (const item of page.Contents ?? []) keys.push(item.Key);
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys;
    },
    /**
     * Holds every request for which `match(method, key)` is true until release(), as a slow or hung store would;
     * `seen` resolves with the first such key.
     */
    stall(match) {
      const stall = { match };
      stall.released = new Promise((resolve) => (stall.release = resolve));
      const seen = new Promise((resolve) => (stall.hit = resolve));
      stalls.add(stall);
      return {
        seen,
        release() {
          stalls.delete(stall);
          stall.release();
        },
      };
    },
    async close() {
      for (const stall of stalls) stall.release();
      stalls.clear();
      client.destroy();
      await server.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// nginx

/** The site's own config, as docs/DEPLOYMENT.md renders it: what runs here is what a deployment runs. */
function writeNginxConfig(dir, options) {
  const args = [RENDERER, '--listen', options.listen];
  for (const node of options.nodes) args.push('--node', node);
  if (options.media) args.push('--media', options.media);
  args.push('--standalone', dir);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`render-nginx.js failed (${result.status}):\n${result.stderr}${result.stdout}`);
  }
}

const portAnswers = (port) =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function startNginx(dir, options) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  writeNginxConfig(dir, options);
  const conf = path.join(dir, 'nginx.conf');
  const test = spawnSync(NGINX, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed on the rendered config:\n${test.stderr}`);
  const tail = [];
  const child = track(
    spawn(NGINX, ['-p', dir, '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] }),
    'SIGTERM'
  );
  const keep = (chunk) => tail.push(String(chunk));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const port = Number(options.listen.split(':').pop());
  const deadline = Date.now() + 10_000;
  while (!(await portAnswers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`nginx did not start (${child.exitCode}):\n${tail.join('')}`);
    }
    await sleep(50);
  }
  return {
    conf,
    dir,
    reload: () => spawnSync(NGINX, ['-p', dir, '-c', conf, '-s', 'reload'], { encoding: 'utf8' }),
    log: () =>
      [tail.join(''), ...['error.log'].map((f) => readIfExists(path.join(dir, f)))].join('\n').slice(-20_000),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

const readIfExists = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

// ---------------------------------------------------------------------------------------------------------------
// Strapi nodes

const PRODUCTION_FLAGS =
  require(path.join(ROOT, 'package.json')).scripts.start.match(/--max-old-space-size=\d+/g) ?? [];

function createNode(index, port, env, logDir) {
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(logDir, `node-${index}.log`);
  let lines = [];
  let child = null;
  let expectedExit = false;
  let exited = null;

  const keep = (prefix) => {
    let pending = '';
    return (chunk) => {
      fs.appendFileSync(logFile, chunk);
      const parts = (pending + chunk).split('\n');
      pending = parts.pop();
      lines.push(...parts.map((line) => `${prefix}${line}`));
      if (lines.length > LOG_LINES * 2) lines = lines.slice(-LOG_LINES);
    };
  };

  const node = {
    index,
    url,
    port,
    env,
    get pid() {
      return child?.pid;
    },
    /** Resolves with { code, signal } when the current process exits. */
    exited: null,
    /** The last lines of its output (stdout and stderr). */
    log: () => lines.slice(-LOG_LINES).join('\n'),
    /** Every line it printed since the cluster started, from its log file. */
    logLines: () => readIfExists(logFile).split('\n'),
    running: () => child !== null && child.exitCode === null && child.signalCode === null,

    /** Starts the process (again, same port and environment) and resolves once it is ready. */
    async start() {
      if (node.running()) throw new Error(`node ${index} is already running`);
      expectedExit = false;
      fs.appendFileSync(logFile, `\n===== start ${new Date().toISOString()} =====\n`);
      child = track(
        spawn(
          process.execPath,
          [
            ...PRODUCTION_FLAGS,
            path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'),
            'start',
          ],
          { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }
        )
      );
      child.stdout.setEncoding('utf8').on('data', keep(''));
      child.stderr.setEncoding('utf8').on('data', keep('[stderr] '));
      const current = child;
      node.exited = exited = new Promise((resolve) =>
        current.once('exit', (code, signal) => {
          if (!expectedExit) {
            process.stderr.write(
              `\n[cluster] node ${index} (port ${port}) exited unexpectedly (${signal ?? code}); its last output:\n${node.log()}\n`
            );
          }
          resolve({ code, signal });
        })
      );
      await node.waitReady();
    },

    /** Polls /_ready (or /_health on a build without it) until 200, failing if the process exits first. */
    async waitReady(timeoutMs = READY_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      let last = 'no answer';
      for (;;) {
        if (!node.running()) throw new Error(`node ${index} exited before ready:\n${node.log()}`);
        try {
          const ready = await fetch(`${url}/_ready`, { signal: AbortSignal.timeout(3000) });
          last = `/_ready ${ready.status} ${await ready.text()}`;
          if (ready.status === 200) return;
          if (ready.status === 404) {
            const health = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(3000) });
            last = `/_ready 404, /_health ${health.status}`;
            if (health.ok) return;
          }
        } catch (error) {
          last = error.cause?.code ?? error.message;
        }
        if (Date.now() > deadline) {
          throw new Error(`node ${index} not ready after ${timeoutMs} ms (${last}):\n${node.log()}`);
        }
        await sleep(250);
      }
    },

    /** Sends `signal` (a crash by default) and resolves with { code, signal } once the process is gone. */
    kill(signal = 'SIGKILL') {
      if (!node.running()) return exited ?? Promise.resolve({ code: null, signal: null });
      expectedExit = true;
      child.kill(signal);
      return exited;
    },

    /** SIGTERM, as systemd stops a node: resolves on exit (the drain included). */
    stop() {
      return node.kill('SIGTERM');
    },
  };
  return node;
}

// ---------------------------------------------------------------------------------------------------------------
// The cluster

/** A node's environment: production, shared secrets, the cluster's database, Redis prefix and bucket. */
function nodeEnvironment({ port, shared, privateDir }) {
  const env = { ...process.env, ...shared, PORT: String(port), PRIVATE_UPLOAD_DIR: privateDir };
  // The test runner's own settings must not reach a production node.
  for (const name of ['JEST_WORKER_ID', 'TEST_RUN_ID', 'TEST_BASE_DATABASE_URL', 'DATABASE_FILENAME']) {
    delete env[name];
  }
  for (const [name, value] of Object.entries(env))
    if (value === undefined || value === null) delete env[name];
  return env;
}

async function startCluster({ nodes: count = 2, basePort = 18300, env = {}, s3 = true } = {}) {
  ensureBuilt();
  const stamp = `cluster_${Date.now().toString(36)}_${process.pid}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${stamp}-`));
  fs.chmodSync(dir, 0o755);
  const cleanups = [];
  const cluster = { dir, nodes: [], s3: null, db: null, url: `http://127.0.0.1:${basePort}` };

  const stop = async () => {
    await Promise.all(cluster.nodes.map((node) => node.kill('SIGKILL')));
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
    cleanups.length = 0;
    if (process.env.CLUSTER_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const db = await freshDatabase(stamp);
    cleanups.push(() => db.drop());
    cluster.db = { url: db.url, name: db.name, query: db.query };

    const redisPrefix = `${stamp}:`;
    cleanups.push(() => dropRedisKeys(redisPrefix));

    if (s3) {
      const store = await startS3(basePort + 1, path.join(dir, 's3'), 'cluster');
      cleanups.push(() => store.close());
      cluster.s3 = store;
    }

    const shared = {
      NODE_ENV: 'production',
      DEMO_SEED: 'off',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ENV_PATH: path.join(dir, 'no.env'),
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...productionSecrets(),
      FORM_TOKEN_SECRET: secret(),
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: db.url,
      SERVER_PROXY: 'true',
      PUBLIC_URL: cluster.url,
      REDIS_URL: process.env.CLUSTER_REDIS_URL || 'redis://127.0.0.1:6379',
      REDIS_PREFIX: redisPrefix,
      // Scheduled jobs only where a test asks for them (env).
      FEEDBACK_RETENTION_CRON: 'off',
      OVERSIGHT_REMINDER_CRON: 'off',
      ...(cluster.s3 ? { ...cluster.s3.env, S3_PUBLIC_URL: `${cluster.url}/media` } : {}),
      ...env,
    };
    cluster.env = shared;

    for (let i = 0; i < count; i += 1) {
      const port = basePort + 10 + i;
      const privateDir = path.join(dir, `node-${i}-private`);
      fs.mkdirSync(privateDir, { recursive: true });
      cluster.nodes.push(createNode(i, port, nodeEnvironment({ port, shared, privateDir }), dir));
    }

    cluster.nginx = await startNginx(path.join(dir, 'nginx'), {
      listen: `127.0.0.1:${basePort}`,
      nodes: cluster.nodes.map((node) => `127.0.0.1:${node.port}`),
      media: cluster.s3 ? `${cluster.s3.endpoint}/${cluster.s3.bucket}/media` : null,
    });
    cleanups.push(() => cluster.nginx.stop());

    // Together, as a deployment's nodes start after a reboot: the schema lock is exercised on every cluster.
    await Promise.all(cluster.nodes.map((node) => node.start()));
  } catch (error) {
    printLogs(cluster);
    await stop();
    throw error;
  }

  const sessions = new Map();
  cluster.admin = async (nodeIndex = 0) => {
    const base = cluster.nodes[nodeIndex].url;
    if (!sessions.has('token')) sessions.set('token', await superAdminToken(base));
    return client(base, sessions.get('token'));
  };
  cluster.stop = stop;
  cluster.printLogs = () => printLogs(cluster);
  return cluster;
}

/** The super admin's token: registered on the first call (the database is fresh), then logged in. */
async function superAdminToken(base) {
  const init = await (await fetch(`${base}/admin/init`)).json();
  const path_ = init.data?.hasAdmin ? '/admin/login' : '/admin/register-admin';
  const body = init.data?.hasAdmin ? { email: ADMIN.email, password: ADMIN.password } : ADMIN;
  const response = await fetch(`${base}${path_}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok || !json.data?.token) {
    throw new Error(`${path_} answered ${response.status}: ${JSON.stringify(json).slice(0, 500)}`);
  }
  return json.data.token;
}

/**
 * Requests with a bearer token against `base`: `request(method, path, body?)` resolves with
 * { status, headers, body (parsed JSON or text), buffer }. A FormData, Buffer or string body is sent as is,
 * anything else as JSON.
 */
function client(base, token) {
  return {
    token,
    async request(method, requestPath, body, headers = {}) {
      const init = { method, headers: { Authorization: `Bearer ${token}`, ...headers } };
      if (body !== undefined) {
        if (body instanceof FormData || Buffer.isBuffer(body) || typeof body === 'string') init.body = body;
        else {
          init.body = JSON.stringify(body);
          init.headers['Content-Type'] = 'application/json';
        }
      }
      const response = await fetch(`${base}${requestPath}`, init);
      const buffer = Buffer.from(await response.arrayBuffer());
      const type = response.headers.get('content-type') ?? '';
      let parsed = buffer.toString('utf8');
      if (type.includes('json')) {
        try {
          parsed = JSON.parse(parsed);
        } catch {
          // Left as text.
        }
      }
      return { status: response.status, headers: response.headers, body: parsed, buffer };
    },
  };
}

async function dropRedisKeys(prefix) {
  const Redis = require('ioredis');
  const redis = new Redis(process.env.CLUSTER_REDIS_URL || 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 1,
    lazyConnect: true,
  });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function printLogs(cluster) {
  for (const node of cluster.nodes ?? []) {
    process.stderr.write(
      `\n----- node ${node.index} (${node.url}), last ${LOG_LINES} lines -----\n${node.log()}\n`
    );
  }
  if (cluster.nginx) process.stderr.write(`\n----- nginx -----\n${cluster.nginx.log()}\n`);
}

module.exports = {
  startCluster,
  ensureBuilt,
  client,
  ADMIN,
  ROOT,
  startS3,
  freshDatabase,
  dropRedisKeys,
  productionSecrets,
};

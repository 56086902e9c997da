/**
 * docs/DEPLOYMENT.md followed from scratch into a temporary folder, as a script in CI: the release packed and
 * unpacked (step 2), /etc/tthc/node.env filled in from deploy/env/node.env.example (3), two nodes started as
 * deploy/systemd/tthc@.service starts them (4), nginx rendered with the documented command (5), the first start's
 * checks (6), then the backup and the restore drill. `/etc`, `/opt` and `/var/lib` are folders of TMP; the shared
 * services of step 1 are this machine's PostgreSQL and Redis and an s3rver.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { PDF } from '../setup/files';
import { sleep, within, type Row, type Session } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const harness = require('./harness');

const ROOT: string = harness.ROOT;
const NGINX_BIN = process.env.NGINX_BIN || '/usr/sbin/nginx';
const NGINX_PORT = 19500;
const S3_PORT = 19501;
const NODE_PORTS = [19510, 19511];
const DRILL_PORT = 19520;
const PUBLIC_URL = `http://127.0.0.1:${NGINX_PORT}`;
const BUCKET = 'tthc';
const CM = '/content-manager/collection-types/api::article.article';

/** Backticked upper-case names in the doc that are not a node's variables. */
const NOT_NODE_VARIABLES = [
  'DIR',
  'OUT_DIR',
  'IN_DIR',
  'SHA256SUMS',
  'WHEN_REQUIRED',
  'DRILL_PORT',
  'DRILL_PATHS',
];

const stamp = `deploy_${Date.now().toString(36)}_${process.pid}`;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), `${stamp}-`));
const ETC = path.join(TMP, 'etc', 'tthc');
const OPT = path.join(TMP, 'opt', 'tthc');
const VAR_LIB = path.join(TMP, 'var', 'lib', 'tthc');
const NODE_ENV_FILE = path.join(ETC, 'node.env');
const CURRENT = path.join(OPT, 'current');
const NGINX_DIR = path.join(TMP, 'nginx');

const timings: string[] = [];
const cleanups: Array<() => Promise<unknown> | unknown> = [];
const processes = new Set<ChildProcess>();
const logs = new Map<string, string>();
let timer = Date.now();

function timed(step: string) {
  timings.push(`${step}: ${((Date.now() - timer) / 1000).toFixed(1)} s`);
  timer = Date.now();
}

// An interrupted run leaves no node or nginx behind (nginx with SIGTERM: its workers would outlive a killed master).
process.once('exit', () => {
  for (const child of processes) child.kill(child.spawnfile === NGINX_BIN ? 'SIGTERM' : 'SIGKILL');
});

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: options.cwd ?? TMP, env: options.env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')}: ${result.status ?? result.signal}\n${result.stderr}`);
  }
  return result.stdout;
}

/** A shell with only what a root shell on the server has, as the doc's commands are typed. */
function bash(script: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn('bash', ['-c', script], {
      cwd: CURRENT,
      env: { PATH: process.env.PATH, HOME: TMP, TMPDIR: path.join(TMP, 'tmp'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a drill node it started goes with it if the test stops early.
      detached: true,
    });
    processes.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      processes.delete(child);
      resolve({ code, output });
    });
  });
}

/** KEY=VALUE lines as systemd's EnvironmentFile reads them: comments, blank lines, quotes removed. */
function readEnvironmentFile(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*?)\s*$/.exec(line);
    if (match) env[match[1]] = match[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return env;
}

/** The [Service] settings of a unit file, each key with its values in order. */
function serviceSettings(file: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  let section = '';
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) section = line;
    else if (section === '[Service]') {
      const at = line.indexOf('=');
      const key = line.slice(0, at);
      settings.set(key, [...(settings.get(key) ?? []), line.slice(at + 1)]);
    }
  }
  return settings;
}

/**
 * What `systemctl start tthc@PORT` runs: ExecStart in WorkingDirectory, with the environment of Environment= then
 * EnvironmentFile= (a leading '-': optional), %i the port, the system's paths those of TMP. Not the root-only parts
 * (User=, the sandboxing): User= gives the process the user's HOME, as here.
 */
function unitCommand(port: number) {
  const settings = serviceSettings(path.join(CURRENT, 'deploy', 'systemd', 'tthc@.service'));
  const resolve = (value: string) =>
    value
      .replaceAll('%i', String(port))
      .replaceAll('/etc/tthc', ETC)
      .replaceAll('/opt/tthc', OPT)
      .replaceAll('/var/lib/tthc', VAR_LIB);
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: OPT };
  for (const assignments of settings.get('Environment') ?? []) {
    for (const assignment of assignments.match(/(?:[^\s"]+|"[^"]*")+/g) ?? []) {
      const at = assignment.indexOf('=');
      env[assignment.slice(0, at)] = resolve(assignment.slice(at + 1).replace(/^"(.*)"$/, '$1'));
    }
  }
  for (const entry of settings.get('EnvironmentFile') ?? []) {
    const optional = entry.startsWith('-');
    const file = resolve(optional ? entry.slice(1) : entry);
    if (optional && !fs.existsSync(file)) continue;
    Object.assign(env, readEnvironmentFile(file));
  }
  const [program, ...args] = resolve(settings.get('ExecStart')![0]).split(/\s+/);
  // The unit's /usr/bin/node is this machine's Node 20; CI's may live elsewhere.
  expect(path.basename(program)).toBe('node');
  return {
    program: process.execPath,
    args,
    cwd: resolve(settings.get('WorkingDirectory')![0]),
    env,
    startTimeoutMs: Number(settings.get('TimeoutStartSec')?.[0] ?? 90) * 1000,
  };
}

interface Node {
  port: number;
  url: string;
  child: ChildProcess;
}

function startNode(port: number): Node {
  const unit = unitCommand(port);
  const logFile = path.join(TMP, 'log', `tthc@${port}.log`);
  const child = spawn(unit.program, unit.args, {
    cwd: unit.cwd,
    env: unit.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processes.add(child);
  child.once('exit', () => processes.delete(child));
  const keep = (chunk: Buffer) => fs.appendFileSync(logFile, chunk);
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  logs.set(`tthc@${port}`, logFile);
  return { port, url: `http://127.0.0.1:${port}`, child };
}

const tail = (file: string, lines = 60) =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '';

async function waitReady(node: Node, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (node.child.exitCode !== null || node.child.signalCode !== null) {
      throw new Error(`tthc@${node.port} exited before ready:\n${tail(logs.get(`tthc@${node.port}`)!)}`);
    }
    const status = await fetch(`${node.url}/_ready`, { signal: AbortSignal.timeout(3000) }).then(
      (res) => res.status,
      () => 0
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`tthc@${node.port} not ready after ${timeoutMs} ms`);
    await sleep(250);
  }
}

const portAnswers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

function stopProcess(child: ChildProcess, signal: NodeJS.Signals) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

let nodes: Node[] = [];
const drillDatabases: Array<{ url: string; drop(): Promise<void> }> = [];
let admin: Session;

beforeAll(async () => {
  try {
    // ---- 1. The shared services: a fresh database, a Redis key prefix, a bucket on an object store.
    harness.ensureBuilt();
    const db = await harness.freshDatabase(stamp);
    cleanups.push(() => db.drop());
    const redisUrl = process.env.CLUSTER_REDIS_URL || 'redis://127.0.0.1:6379';
    const redisPrefix = `${stamp}:`;
    cleanups.push(() => harness.dropRedisKeys(redisPrefix));
    const store = await harness.startS3(S3_PORT, path.join(TMP, 's3'), BUCKET);
    cleanups.push(() => store.close());
    for (const dir of ['tmp', 'log', 'backups', ETC, VAR_LIB]) {
      fs.mkdirSync(path.resolve(TMP, dir), { recursive: true, mode: 0o750 });
    }
    timed('1. PostgreSQL database, s3rver');

    // ---- 2. Build once (CI ran `npm run build`; ensureBuilt compiled dist/ if the sources changed), copy.
    const commit = run('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).trim();
    const archive = path.join(TMP, `tthc-${commit}.tar.gz`);
    // The doc's command, plus node_modules: a symlink to the repository's stands in for the `npm ci` the doc
    // allows on each machine instead of copying it (a copy would be 1 GB of the run's time and disk).
    run(
      'tar',
      ['czf', archive, '--exclude=.git', '--exclude=.tmp', '--exclude=.env', '--exclude=./node_modules', '.'],
      { cwd: ROOT }
    );
    const release = path.join(OPT, 'releases', commit);
    fs.mkdirSync(release, { recursive: true });
    run('tar', ['xzf', archive, '-C', release]);
    run('ln', ['-sfn', release, CURRENT]);
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(release, 'node_modules'));
    expect(fs.existsSync(path.join(CURRENT, '.env'))).toBe(false);
    expect(fs.existsSync(path.join(CURRENT, 'dist', 'build', 'index.html'))).toBe(true);
    timed('2. release packed and unpacked');

    // ---- 3. The environment: the example, filled in.
    fs.copyFileSync(path.join(CURRENT, 'deploy', 'env', 'node.env.example'), NODE_ENV_FILE);
    fs.chmodSync(NODE_ENV_FILE, 0o600);
    let envText = fs.readFileSync(NODE_ENV_FILE, 'utf8');
    const doc = fs.readFileSync(path.join(CURRENT, 'docs', 'DEPLOYMENT.md'), 'utf8');
    const documented = [...new Set([...doc.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g)].map((m) => m[1]))].filter(
      (name) => !NOT_NODE_VARIABLES.includes(name)
    );
    const missing = documented.filter((name) => !new RegExp(`^(# ?)?${name}=`, 'm').test(envText));
    expect({ missingFromNodeEnvExample: missing }).toEqual({ missingFromNodeEnvExample: [] });
    const fill = (name: string, value: string) => {
      const line = new RegExp(`^${name}=.*$`, 'm');
      if (!line.test(envText)) throw new Error(`deploy/env/node.env.example has no ${name}= line to fill in`);
      envText = envText.replace(line, () => `${name}=${value}`);
    };
    const filled: Record<string, string> = {
      // nginx runs on the same machine (the doc: 127.0.0.1 then).
      HOST: '127.0.0.1',
      PUBLIC_URL,
      ...harness.productionSecrets(),
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: store.endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
      S3_PUBLIC_URL: `${PUBLIC_URL}/media`,
    };
    for (const [name, value] of Object.entries(filled)) fill(name, value);
    fs.writeFileSync(NODE_ENV_FILE, envText);
    timed('3. node.env');

    // ---- 4. systemd: both nodes at the same moment, on the empty database.
    nodes = NODE_PORTS.map(startNode);

    // ---- 5. nginx, with the doc's command, while the nodes start.
    const rendered = spawnSync(
      process.execPath,
      [
        'deploy/bin/render-nginx.js',
        '--listen',
        `127.0.0.1:${NGINX_PORT}`,
        ...NODE_PORTS.flatMap((port) => ['--node', `127.0.0.1:${port}`]),
        '--media',
        `${store.endpoint}/${BUCKET}/media`,
        '--env-file',
        NODE_ENV_FILE,
        '--standalone',
        NGINX_DIR,
      ],
      { cwd: CURRENT, encoding: 'utf8' }
    );
    expect(rendered.stderr).toBe('');
    expect(rendered.status).toBe(0);
    const conf = path.join(NGINX_DIR, 'nginx.conf');
    run(NGINX_BIN, ['-t', '-p', NGINX_DIR, '-c', conf]);
    const nginx = spawn(NGINX_BIN, ['-p', NGINX_DIR, '-c', conf], { stdio: 'ignore' });
    processes.add(nginx);
    logs.set('nginx', path.join(NGINX_DIR, 'error.log'));
    cleanups.push(() => stopProcess(nginx, 'SIGQUIT'));
    expect(await within(10_000, () => portAnswers(NGINX_PORT))).toBe(true);
    timed('5. nginx rendered and started');

    await Promise.all(nodes.map((node) => waitReady(node, unitCommand(node.port).startTimeoutMs)));
    timed('4. both nodes ready');
  } catch (error) {
    globalThis.__clusterFailures = (globalThis.__clusterFailures ?? 0) + 1;
    throw error;
  }
});

afterAll(async () => {
  if (globalThis.__clusterFailures > 0) {
    for (const [name, file] of logs) process.stderr.write(`\n----- ${name} -----\n${tail(file)}\n`);
  }
  await Promise.all(nodes.map((node) => stopProcess(node.child, 'SIGKILL')));
  for (const child of processes) {
    // A drill still running: its shell's whole group, the drill node included.
    if (child.pid && child.spawnfile === 'bash') process.kill(-child.pid, 'SIGKILL');
  }
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(console.error);
  await Promise.all(drillDatabases.map((db) => db.drop().catch(console.error)));
  if (process.env.CLUSTER_KEEP !== '1') fs.rmSync(TMP, { recursive: true, force: true });
  process.stdout.write(`\n[deployment] ${timings.join(' · ')}\n`);
});

describe('docs/DEPLOYMENT.md followed from scratch', () => {
  it('6. first start: each node ready; through nginx the public list, the first administrator, a media file', async () => {
    for (const node of nodes) {
      const res = await fetch(`${node.url}/_ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        status: 'ready',
        checks: { database: 'ok', redis: 'ok', storage: 'ok' },
      });
    }
    expect((await fetch(`${PUBLIC_URL}/_ready`)).status).toBe(200);
    const list = await fetch(`${PUBLIC_URL}/api/articles`);
    expect(list.status).toBe(200);
    expect((await list.json()).data).toEqual([]);

    const registered = await fetch(`${PUBLIC_URL}/admin/register-admin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(harness.ADMIN),
    });
    expect(registered.ok).toBe(true);
    const login = await fetch(`${PUBLIC_URL}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: harness.ADMIN.email, password: harness.ADMIN.password }),
    });
    const token = (await login.json()).data?.token;
    expect(token).toEqual(expect.any(String));
    admin = harness.client(PUBLIC_URL, token);

    const body = new FormData();
    body.append('files', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'ke-hoach.pdf');
    const uploaded = await admin.request('POST', '/upload', body);
    expect(uploaded.status).toBe(201);
    const [file] = uploaded.body as unknown as Row[];
    expect(file.url.startsWith(`${PUBLIC_URL}/media/`)).toBe(true);
    const served = await fetch(file.url);
    expect(served.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), PDF)).toBe(0);
    timed('6. first start checked');
  });

  it('backs up, and the restore drill serves the same data, then reports a change made since', async () => {
    // One published article, so that the drill compares a row.
    const created = await admin.request('POST', `${CM}?locale=vi`, {
      title: 'Thông báo lịch tiếp công dân',
      slug: 'thong-bao-lich-tiep-cong-dan',
      kind: 'news',
      channel: 'website',
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    const publish = () => admin.request('POST', `${CM}/${documentId}/actions/publish?locale=vi`, {});
    expect((await publish()).status).toBe(200);

    const backupDir = path.join(TMP, 'backups', 'drill');
    const backup = await bash(
      `set -e; set -a; . ${NODE_ENV_FILE}; set +a\n${CURRENT}/deploy/bin/backup.sh ${backupDir}`
    );
    expect(backup).toMatchObject({ code: 0 });
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'bucket', 'manifest.json'), 'utf8'));
    expect(manifest.objects.some((object: Row) => object.key.startsWith('media/'))).toBe(true);
    timed('backup');

    const drill = async (n: number) => {
      const db = await harness.freshDatabase(`${stamp}_drill${n}`);
      drillDatabases.push(db);
      return bash(
        `set -e; set -a; . ${NODE_ENV_FILE}; set +a\ndeploy/bin/restore-drill.sh ${backupDir} ${PUBLIC_URL}`,
        {
          DRILL_DATABASE_URL: db.url,
          DRILL_S3_BUCKET: `tthc-drill${n}`,
          DRILL_PORT: String(DRILL_PORT),
        }
      );
    };
    const same = await drill(1);
    expect(same.output).toMatch(/same {7}\/api\/articles\?\S+ \(1 rows\)/);
    expect(same).toMatchObject({ code: 0 });
    timed('restore drill (same)');

    const changed = await admin.request('PUT', `${CM}/${documentId}?locale=vi`, {
      title: 'Thông báo lịch tiếp công dân (đã sửa)',
    });
    expect(changed.status).toBe(200);
    expect((await publish()).status).toBe(200);
    const seen = await within(2000, async () => {
      const res = await (await fetch(`${PUBLIC_URL}/api/articles`)).json();
      return res.data?.[0]?.title?.endsWith('(đã sửa)');
    });
    expect(seen).toBe(true);
    const different = await drill(2);
    expect(different.output).toMatch(/DIFFERENT {2}\/api\/articles/);
    expect(different.output).toMatch(/drill: 1 of 5 paths differ/);
    expect(different).toMatchObject({ code: 1 });
    timed('restore drill (one article changed)');
  });
});

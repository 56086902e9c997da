#!/usr/bin/env node
/**
 * Renders deploy/nginx/tthc.conf.template for N nodes (plain Node, no dependencies).
 *
 *   node deploy/bin/render-nginx.js --listen 127.0.0.1:8080 --node 10.0.0.11:1337 --node 10.0.0.12:1337 \
 *     --media http://10.0.0.20:9000/tthc/media [--server-name cms.example.gov.vn] [--env-file /etc/tthc/node.env]
 *     [--standalone DIR [--daemon] [--user USER[:GROUP]]] [--ssl-cert FILE --ssl-key FILE]
 *
 * Prints the http{} part (for /etc/nginx/conf.d/), or with --standalone DIR writes DIR/nginx.conf, a whole
 * configuration whose pid, logs and temporary files live under DIR: `nginx -p DIR -c DIR/nginx.conf`.
 *
 * The upload caps are those of src/domain/request-bodies.ts, from the same variables (FEEDBACK_MAX_FILES,
 * FEEDBACK_MAX_FILE_MB, UNIT_SUBMISSION_MAX_FILES, UNIT_SUBMISSION_MAX_FILE_MB, UPLOAD_SIZE_LIMIT_MB,
 * PROCEDURE_IMPORT_MAX_MB), read from the options, then --env-file (the nodes' env file), then this environment.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const TEMPLATES = path.join(__dirname, '..', 'nginx');

const USAGE = `usage: render-nginx.js --listen [HOST:]PORT --node HOST:PORT [--node HOST:PORT ...]
  [--media URL]            object store URL of the bucket's media/ prefix, e.g. http://127.0.0.1:9000/tthc/media
  [--server-name NAME]     server_name (default _)
  [--standalone DIR]       write DIR/nginx.conf, a whole configuration (daemon off unless --daemon)
  [--daemon] [--user USER[:GROUP]]
  [--ssl-cert FILE --ssl-key FILE]   listen with TLS
  [--max-fails N] [--fail-timeout SECONDS] [--keepalive N] [--media-max-age SECONDS]
  [--env-file FILE]        read the upload caps from the nodes' env file
  [--feedback-max-files N] [--feedback-max-file-mb N] [--submission-max-files N] [--submission-max-file-mb N]
  [--upload-size-limit-mb N] [--import-max-mb N]`;

const NUMERIC = {
  'max-fails': 2,
  'fail-timeout': 5,
  keepalive: 32,
  'media-max-age': 3600,
};

/** The options that override a variable of the nodes' environment, and that variable's default in the app. */
const CAPS = {
  'feedback-max-files': ['FEEDBACK_MAX_FILES', 5],
  'feedback-max-file-mb': ['FEEDBACK_MAX_FILE_MB', 10],
  'submission-max-files': ['UNIT_SUBMISSION_MAX_FILES', 10],
  'submission-max-file-mb': ['UNIT_SUBMISSION_MAX_FILE_MB', 20],
  'upload-size-limit-mb': ['UPLOAD_SIZE_LIMIT_MB', 200],
  'import-max-mb': ['PROCEDURE_IMPORT_MAX_MB', 20],
};

class UsageError extends Error {}

function parseArgs(argv) {
  const options = { node: [], daemon: false };
  const flags = new Set(['daemon']);
  const single = new Set([
    'listen',
    'media',
    'server-name',
    'standalone',
    'user',
    'ssl-cert',
    'ssl-key',
    'env-file',
    ...Object.keys(NUMERIC),
    ...Object.keys(CAPS),
  ]);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument: ${arg}`);
    const [, name, inline] = match;
    if (name === 'help') throw new UsageError('');
    if (flags.has(name)) {
      options[name] = true;
      continue;
    }
    if (name !== 'node' && !single.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    if (name === 'node') options.node.push(value);
    else options[name] = value;
  }
  return options;
}

/** KEY=VALUE lines as systemd's EnvironmentFile reads them (comments, blank lines, optional quotes). */
function readEnvFile(file) {
  const env = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trim().startsWith('#')) continue;
    env[match[1]] = match[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return env;
}

const positive = (name, value) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, not ${value}`);
  return n;
};

const hostPort = (name, value) => {
  // host:port, [v6]:port, a bare port for --listen, or unix:/path.
  if (/^unix:\//.test(value) || /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/.test(value)) return value;
  if (name === 'listen' && /^\d{1,5}$/.test(value)) return value;
  throw new UsageError(`--${name} must be HOST:PORT, not ${value}`);
};

/** Byte caps in MB (rounded up), the app's caps plus 1 MB: see the template's comment. */
function bodyCaps(options, env) {
  const value = (option) => {
    const [variable, fallback] = CAPS[option];
    if (options[option] !== undefined) return positive(`--${option}`, options[option]);
    // Like the app: an unset, empty or invalid variable means the default.
    const n = Number(env[variable]);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  const FIELDS_MB = 0.25; // request-bodies.ts: FIELDS_BYTES, form fields and multipart framing
  const mb = (n) => Math.ceil(n + FIELDS_MB) + 1;
  return {
    DEFAULT_BODY_MB: 2,
    FEEDBACK_BODY_MB: mb(value('feedback-max-files') * value('feedback-max-file-mb')),
    SUBMISSION_BODY_MB: mb(value('submission-max-files') * value('submission-max-file-mb')),
    MEDIA_BODY_MB: mb(value('upload-size-limit-mb')),
    IMPORT_BODY_MB: mb(value('import-max-mb') + 1),
  };
}

/** Keeps or drops the `# {{#NAME}}` … `# {{/NAME}}` sections, then fills every {{NAME}}; an unknown one throws. */
function fill(template, values, sections = {}) {
  const kept = template.replace(
    /^[ \t]*# \{\{#(\w+)\}\}\n([\s\S]*?)^[ \t]*# \{\{\/\1\}\}\n/gm,
    (_all, name, body) => (sections[name] ? body : '')
  );
  return kept.replace(/\{\{(\w+)\}\}/g, (_all, name) => {
    if (!(name in values)) throw new Error(`template placeholder {{${name}}} has no value`);
    return String(values[name]);
  });
}

/** The user and group owning DIR, by name: the workers must write their temporary files under it. */
function ownerOf(dir) {
  const { uid, gid } = fs.statSync(dir);
  const lookup = (file, id) => {
    try {
      const line = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .find((l) => l.split(':')[2] === String(id));
      return line ? line.split(':')[0] : String(id);
    } catch {
      return String(id);
    }
  };
  return `${lookup('/etc/passwd', uid)} ${lookup('/etc/group', gid)}`;
}

function render(options, env = process.env) {
  if (!options.listen) throw new UsageError('--listen is required');
  if (options.node.length === 0) throw new UsageError('at least one --node is required');
  if (Boolean(options['ssl-cert']) !== Boolean(options['ssl-key'])) {
    throw new UsageError('--ssl-cert and --ssl-key go together');
  }
  const listen = hostPort('listen', options.listen);
  const nodes = options.node.map((node) => hostPort('node', node));
  const numbers = Object.fromEntries(
    Object.entries(NUMERIC).map(([name, fallback]) => [
      name,
      options[name] === undefined ? fallback : positive(`--${name}`, options[name]),
    ])
  );
  let media = options.media;
  if (media !== undefined) {
    if (!/^https?:\/\/[^/\s]+\/\S*$/.test(media)) {
      throw new UsageError(`--media must be an http(s) URL with a path (bucket and prefix), not ${media}`);
    }
    media = media.replace(/\/+$/, '');
  }
  const capsEnv = options['env-file'] ? { ...env, ...readEnvFile(options['env-file']) } : env;
  const tls = Boolean(options['ssl-cert']);

  const site = fill(
    fs.readFileSync(path.join(TEMPLATES, 'tthc.conf.template'), 'utf8'),
    {
      UPSTREAM_SERVERS: nodes
        .map(
          (node) =>
            `    server ${node} max_fails=${numbers['max-fails']} fail_timeout=${numbers['fail-timeout']}s;`
        )
        .join('\n'),
      KEEPALIVE: numbers.keepalive,
      LISTEN: `${listen}${tls ? ' ssl' : ''}`,
      SERVER_NAME: options['server-name'] || '_',
      SSL_CERT: options['ssl-cert'] && path.resolve(options['ssl-cert']),
      SSL_KEY: options['ssl-key'] && path.resolve(options['ssl-key']),
      MEDIA_URL: media,
      MEDIA_MAX_AGE: numbers['media-max-age'],
      ...bodyCaps(options, capsEnv),
    },
    { TLS: tls, MEDIA: media !== undefined }
  );
  if (!options.standalone) return { text: site };

  const dir = path.resolve(options.standalone);
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
  // `user` only means something to a master running as root; its workers then need DIR's owner to write there.
  let user = '';
  if (process.getuid && process.getuid() === 0) {
    user = `user ${options.user ? options.user.replace(':', ' ') : ownerOf(dir)};\n`;
  }
  const text = fill(fs.readFileSync(path.join(TEMPLATES, 'standalone.conf.template'), 'utf8'), {
    DIR: dir,
    USER: user,
    DAEMON: options.daemon ? 'on' : 'off',
    SITE: site
      .trimEnd()
      .split('\n')
      .map((line) => (line ? `    ${line}` : line))
      .join('\n'),
  });
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
  return { text, file };
}

if (require.main === module) {
  try {
    const result = render(parseArgs(process.argv.slice(2)));
    if (result.file) process.stdout.write(`${result.file}${os.EOL}`);
    else process.stdout.write(result.text);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) process.stderr.write(`render-nginx: ${error.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`render-nginx: ${error.message}\n`);
    process.exit(1);
  }
}

module.exports = { render, parseArgs, bodyCaps };

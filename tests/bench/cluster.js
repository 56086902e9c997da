#!/usr/bin/env node
/**
 * npm run bench:cluster — several nodes behind nginx, on this machine (tests/cluster/harness.js starts them: a fresh
 * PostgreSQL database, Redis, s3rver, nginx and `strapi start` nodes).
 *
 * 1. A two-node cluster on the object store, with BENCH_PROCEDURES (200) published procedures created through the
 *    admin API: the public procedure list and the procedure search (response-cache hits, from Redis), and the
 *    site-wide search (never cached) through nginx with autocannon (BENCH_CONNECTIONS, 8; a 3 s warm-up, then
 *    BENCH_SECONDS, 10), first with node B stopped and out of nginx's upstream, then with both nodes.
 * 2. A 10 MB PDF sent as a citizen's feedback attachment (POST /api/feedbacks, the public intake, whose cap is
 *    FEEDBACK_MAX_FILE_MB, 10 MiB) and downloaded by the Office (GET /feedback-register/attachments/:id/download),
 *    both through nginx, BENCH_TRANSFERS (5) times each: against the object store on that cluster, then against the
 *    local disk on a one-node cluster without S3.
 * Prints the tables that docs/PERFORMANCE.md ("Several nodes") records. Ports BENCH_CLUSTER_PORT (19000) and +100.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const { startCluster } = require('../cluster/harness');
const { LOAD_ENV } = require('../cluster/load');
const { measure, row, root, sampleProcedure } = require('./common');

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 8);
const PROCEDURES = Number(process.env.BENCH_PROCEDURES || 200);
const TRANSFERS = Number(process.env.BENCH_TRANSFERS || 5);
const PORT = Number(process.env.BENCH_CLUSTER_PORT || 19000);
const FILE_BYTES = 10_000_000;

const READS = {
  'procedure list':
    '/api/procedures?fields[0]=nationalCode&fields[1]=name&sort=nationalCode&pagination[pageSize]=20',
  'procedure search':
    '/api/procedures/search?q=cap%20giay%20chung%20nhan%20quyen%20su%20dung%20dat&pageSize=10',
  // Not cached (it spans content and feedback): every request is the node's own work.
  'site-wide search': '/api/search?q=giay%20chung%20nhan%20quyen%20su%20dung%20dat&pageSize=10',
};

// No request log: at the production level every read writes a line (docs/PERFORMANCE.md, bench:api).
const ENV = { ...LOAD_ENV, LOG_LEVEL: 'error' };

/** A valid PDF of exactly `bytes`, its bulk in one plain stream (nothing the intake refuses). */
function bigPdf(bytes) {
  const head =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n';
  const tail = '\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  let length = bytes - head.length - tail.length;
  const open = (n) => `3 0 obj<</Length ${n}>>stream\n`;
  length -= open(length).length;
  return Buffer.concat([
    Buffer.from(head + open(length)),
    Buffer.alloc(length, 'thu tuc hanh chinh 0123456789\n'),
    Buffer.from(tail),
  ]);
}

/** Published procedures made as the IT Center makes them (the admin API), so every node's search index has them. */
async function seedProcedures(cluster) {
  const admin = await cluster.admin(0);
  const samples = require(`${root}/database/demo/procedures.json`);
  let next = 0;
  const worker = async () => {
    while (next < PROCEDURES) {
      const i = next++;
      const res = await admin.request(
        'POST',
        '/content-manager/collection-types/api::procedure.procedure/actions/publish?locale=vi',
        sampleProcedure(samples, i)
      );
      if (res.status >= 300)
        throw new Error(`creating a procedure: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** nginx's upstream with only the given nodes (the config's `server host:port` lines of the others removed). */
function upstreamOf(cluster, nodes) {
  const ports = new Set(nodes.map((n) => n.port));
  const all = cluster.nodes.map((n) => n.port);
  const conf = fs.readFileSync(cluster.nginx.conf, 'utf8');
  if (!upstreamOf.original) upstreamOf.original = conf;
  const kept = upstreamOf.original
    .split('\n')
    .filter((line) => {
      const port = line.match(/^\s*server\s+127\.0\.0\.1:(\d+)\b/)?.[1];
      return !port || !all.includes(Number(port)) || ports.has(Number(port));
    })
    .join('\n');
  fs.writeFileSync(cluster.nginx.conf, kept);
  const reload = cluster.nginx.reload();
  if (reload.status !== 0) throw new Error(`nginx -s reload: ${reload.stderr}`);
  return new Promise((resolve) => setTimeout(resolve, 1000));
}

async function reads(cluster, label) {
  const rows = [];
  for (const [name, path] of Object.entries(READS)) {
    const result = await measure({
      url: `${cluster.url}${path}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      // Before nginx closes the connection after 1,000 requests (see tests/cluster/load.js).
      reconnectRate: 500,
    });
    rows.push(row(`${name}, ${label}`, result));
  }
  return rows;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mbps = (ms) => Math.round((FILE_BYTES / 1e6 / (ms / 1000)) * 10) / 10;

/** Sends the 10 MB attachment and downloads it back TRANSFERS times; returns the median timings. */
async function transfers(cluster, label) {
  const pdf = bigPdf(FILE_BYTES);
  const admin = await cluster.admin(0);
  const up = [];
  const down = [];
  for (let i = 0; i < TRANSFERS; i += 1) {
    const form = await (await fetch(`${cluster.url}/api/feedbacks/form`)).json();
    const subject = `bench-${crypto.randomBytes(4).toString('hex')}`;
    const body = new FormData();
    body.append(
      'data',
      JSON.stringify({
        fullName: 'Nguyễn Văn Đo',
        address: '1 Lê Lợi',
        email: 'do@demo.example',
        kind: 'other_issue',
        subject,
        content: 'Tệp lớn.',
        consent: { processing: true, publishAnswer: false },
        formToken: form.data.formToken,
        website: '',
      })
    );
    body.append('files', new Blob([pdf], { type: 'application/pdf' }), 'lon.pdf');
    let t0 = performance.now();
    const sent = await fetch(`${cluster.url}/api/feedbacks`, { method: 'POST', body });
    await sent.text();
    if (sent.status !== 201) throw new Error(`upload answered ${sent.status}`);
    up.push(performance.now() - t0);

    const [attachment] = await cluster.db.query(
      `SELECT a.document_id FROM feedback_attachments a
         JOIN feedback_attachments_feedback_lnk l ON l.feedback_attachment_id = a.id
         JOIN feedbacks f ON f.id = l.feedback_id WHERE f.subject = $1`,
      [subject]
    );
    t0 = performance.now();
    const got = await fetch(
      `${cluster.url}/feedback-register/attachments/${attachment.document_id}/download`,
      {
        headers: { Authorization: `Bearer ${admin.token}` },
      }
    );
    const bytes = Buffer.from(await got.arrayBuffer());
    down.push(performance.now() - t0);
    if (got.status !== 200 || !bytes.equals(pdf))
      throw new Error(`download answered ${got.status}, ${bytes.length} B`);
  }
  const upMs = median(up);
  const downMs = median(down);
  return {
    storage: label,
    'upload ms (median)': Math.round(upMs),
    'upload MB/s': mbps(upMs),
    'download ms (median)': Math.round(downMs),
    'download MB/s': mbps(downMs),
  };
}

async function withCluster(options, work) {
  const cluster = await startCluster({ ...options, env: { ...ENV, ...options.env } });
  try {
    return await work(cluster);
  } catch (error) {
    cluster.printLogs();
    throw error;
  } finally {
    await cluster.stop();
  }
}

async function main() {
  const cpus = os.cpus();
  console.log(
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`
  );
  const readRows = [];
  const transferRows = [];

  await withCluster({ nodes: 2, basePort: PORT, s3: true }, async (cluster) => {
    console.log(`creating ${PROCEDURES} procedures…`);
    await seedProcedures(cluster);
    const [a, b] = cluster.nodes;
    await b.stop();
    await upstreamOf(cluster, [a]);
    readRows.push(...(await reads(cluster, '1 node')));
    await b.start();
    await upstreamOf(cluster, [a, b]);
    readRows.push(...(await reads(cluster, '2 nodes')));
    transferRows.push(await transfers(cluster, 'object store (s3rver, 2 nodes)'));
  });
  await withCluster({ nodes: 1, basePort: PORT + 100, s3: false }, async (cluster) => {
    transferRows.push(await transfers(cluster, 'local disk (1 node)'));
  });

  console.table(readRows);
  console.table(transferRows);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

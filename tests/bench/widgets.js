#!/usr/bin/env node
/**
 * npm run bench:widgets — what a citizen's browser pays for the widgets.
 *
 * Builds the bundle, prints each file's size raw, gzipped (against the 60 KB budget of all widgets together) and as
 * brotli, then starts Strapi (a fresh SQLite database with the demo data, so in development mode) and a "department
 * website" on another origin that embeds one widget per page, and opens each page in Debian's Chromium on a throttled
 * mid-range profile (4x CPU slowdown, 150 ms round trip, 1.6 Mbit/s down, as Lighthouse's mobile preset), with a
 * cold cache. It prints, per widget, the time from navigation to its first render (the element defined and
 * rendered once, ≤ 1 s targeted) and to its content (loading finished), beside the budget. Asserts nothing.
 * A second table splits the median run: HTML received, widget script requested and received (with its bytes on the
 * wire and their Content-Encoding), then running and rendering.
 * BENCH_PORT (13480), CHROMIUM_PATH (/usr/bin/chromium), BENCH_RUNS (3, the median is printed), BENCH_TRACE (a
 * folder: the first run of each widget is recorded there as a DevTools trace, <tag>.json).
 */
const fs = require('fs');
const http = require('http');
const path = require('path');
const { brotliCompressSync, constants, gzipSync } = require('zlib');
const { compileStrapi } = require('@strapi/strapi');
const { chromium } = require('playwright-core');
const { build, OUT } = require('../../scripts/build-widgets');
const { freshEnvironment, startServer, stopServer } = require('./common');

const PORT = Number(process.env.BENCH_PORT || 13480);
const SITE_PORT = PORT + 1;
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TRACE = process.env.BENCH_TRACE ? path.resolve(process.env.BENCH_TRACE) : null;
const BUDGET_BYTES = 60 * 1024;
const BUDGET_MS = 1000;
const PROFILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function sizes() {
  const rows = ['tthc.js', 'tthc.classic.js', 'frame.js', 'embed.js'].map((file) => {
    const bytes = fs.readFileSync(path.join(OUT, file));
    return {
      file,
      raw: kb(bytes.length),
      gzip: kb(gzipSync(bytes, { level: 9 }).length),
      // What Chromium receives: the CMS sends brotli to the browsers that accept it (all current ones).
      brotli: kb(brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
      gz: gzipSync(bytes, { level: 9 }).length,
    };
  });
  const bundle = rows.find((r) => r.file === 'tthc.js').gz;
  console.table(rows.map(({ gz: _gz, ...rest }) => rest));
  console.log(
    `All seven widgets (tthc.js) gzipped: ${kb(bundle)} against the budget of ${kb(BUDGET_BYTES)}: ${
      bundle <= BUDGET_BYTES ? 'met' : 'MISSED'
    }`
  );
}

/** A page of the "department website" with one widget, timing its first render and its content. */
const page = (tag, attributes) => `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${tag}</title>
<script type="module" src="http://127.0.0.1:${PORT}/widgets/v1/tthc.js"></script></head>
<body><${tag} ${attributes}></${tag}>
<script type="module">
const element = document.querySelector('${tag}');
await customElements.whenDefined('${tag}');
await element.updateComplete;
window.firstRender = performance.now();
const loading = () => element.shadowRoot.querySelector('.spinner, [aria-busy="true"]');
while (loading() || !element.shadowRoot.querySelector('h2, h3, form, input')) {
  await new Promise((resolve) => requestAnimationFrame(resolve));
}
window.content = performance.now();
</script></body></html>`;

/**
 * Where a run's time went, from the page's own timeline: its HTML received, the first widget script requested, the
 * last one received, then the first render; and from the DevTools protocol, what the scripts weighed on the wire.
 */
async function breakdown(tab, wire) {
  const timeline = await tab.evaluate(() => {
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/widgets/v1/'));
    return {
      html: performance.getEntriesByType('navigation')[0].responseEnd,
      requested: Math.min(...scripts.map((entry) => entry.startTime)),
      arrived: Math.max(...scripts.map((entry) => entry.responseEnd)),
    };
  });
  return { ...timeline, files: wire.length, bytes: wire.reduce((sum, file) => sum + file.bytes, 0) };
}

/** The widget scripts a tab received: their size on the wire and their encoding. */
async function recordWire(cdp) {
  const requests = new Map();
  const wire = [];
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    if (!response.url.includes('/widgets/v1/')) return;
    const encoding = Object.entries(response.headers).find(
      ([name]) => name.toLowerCase() === 'content-encoding'
    );
    requests.set(requestId, encoding ? encoding[1] : 'identity');
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    if (requests.has(requestId)) wire.push({ encoding: requests.get(requestId), bytes: encodedDataLength });
  });
  return wire;
}

async function main() {
  await build();
  sizes();

  await compileStrapi();
  const { env, drop } = await freshEnvironment('bench_widgets');
  // The demo data, which production mode never loads: the widgets show real procedures and answers.
  env.NODE_ENV = 'development';
  env.DEMO_SEED = 'auto';
  env.WIDGET_ALLOWED_ORIGINS = `http://127.0.0.1:${SITE_PORT}`;
  const server = await startServer(env, PORT);
  const procedure = await (
    await fetch(
      `http://127.0.0.1:${PORT}/api/procedures?filters[legalStatus][$eq]=in_force&fields[0]=nationalCode&pagination[pageSize]=1`
    )
  ).json();
  // A running CMS keeps the bundle compressed in memory: only its first request after a start or a theme change
  // waits for the compression (~0.2 s of brotli), which none of the visits measured here should carry.
  await (
    await fetch(`http://127.0.0.1:${PORT}/widgets/v1/tthc.js`, { headers: { 'Accept-Encoding': 'br' } })
  ).text();
  const code = procedure.data[0]?.nationalCode ?? '';
  const documentId = procedure.data[0]?.documentId ?? '';
  const widgets = {
    'tthc-procedure-search': 'q="lam so do"',
    'tthc-procedure': `code="${code}"`,
    'tthc-feedback-form': '',
    'tthc-feedback-status': '',
    'tthc-answered-feedback': '',
    'tthc-satisfaction-survey': `procedure="${documentId}"`,
    'tthc-satisfaction-summary': '',
  };
  const site = http
    .createServer((req, res) => {
      const tag = decodeURIComponent(req.url.slice(1));
      if (!(tag in widgets)) return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(tag, widgets[tag]));
    })
    .listen(SITE_PORT, '127.0.0.1');

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows = [];
  const steps = [];
  if (TRACE) fs.mkdirSync(TRACE, { recursive: true });
  try {
    for (const tag of Object.keys(widgets)) {
      const first = [];
      const content = [];
      const parts = [];
      const encodings = new Set();
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
        const tab = await context.newPage();
        tab.on('pageerror', (error) => console.error(`${tag}: ${error.message}`));
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Network.enable');
        const wire = await recordWire(cdp);
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        const tracing = TRACE && run === 0;
        if (tracing)
          await browser.startTracing(tab, { path: path.join(TRACE, `${tag}.json`), screenshots: true });
        await tab.goto(`http://127.0.0.1:${SITE_PORT}/${tag}`);
        await tab.waitForFunction(() => globalThis.content !== undefined, null, { timeout: 30_000 });
        if (tracing) await browser.stopTracing();
        first.push(await tab.evaluate(() => globalThis.firstRender));
        content.push(await tab.evaluate(() => globalThis.content));
        parts.push({ ...(await breakdown(tab, wire)), first: first[first.length - 1] });
        encodings.add(wire.map((file) => file.encoding).join('+'));
        await context.close();
      }
      const median = (values) => Math.round(values.sort((a, b) => a - b)[Math.floor(values.length / 2)]);
      rows.push({
        widget: tag,
        'first render ms': median(first),
        'budget ms': BUDGET_MS,
        verdict: median(first) <= BUDGET_MS ? 'met' : 'MISSED',
        'content ms': median(content),
      });
      // The run whose first render is the median one, so that its parts add up.
      const typical = parts.find((part) => Math.round(part.first) === median(first));
      steps.push({
        widget: tag,
        'HTML ms': Math.round(typical.html),
        'script requested ms': Math.round(typical.requested),
        'scripts received ms': Math.round(typical.arrived),
        'run + render ms': Math.round(typical.first - typical.arrived),
        'first render ms': Math.round(typical.first),
        files: typical.files,
        'on the wire': kb(typical.bytes),
        encoding: [...encodings].join(', '),
      });
    }
  } finally {
    await browser.close();
    site.close();
    await stopServer(server);
    await drop();
  }
  console.log(
    `\nFirst render on a throttled mid-range profile (4x CPU, 150 ms RTT, 1.6 Mbit/s), median of ${RUNS}:`
  );
  console.table(rows);
  console.log('\nWhere the time went, in the median run (ms from navigation):');
  console.table(steps);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

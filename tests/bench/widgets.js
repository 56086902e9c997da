#!/usr/bin/env node
/**
 * npm run bench:widgets — what a citizen's browser pays for the widgets.
 *
 * Builds the bundle, prints each file's size raw and gzipped against the 60 KB budget of all widgets together,
 * then starts Strapi (a fresh SQLite database with the demo data, so in development mode) and a "department website" on
 * another origin that embeds one widget per page, and opens each page in Debian's Chromium on a throttled
 * mid-range profile (4x CPU slowdown, 150 ms round trip, 1.6 Mbit/s down, as Lighthouse's mobile preset), with a
 * cold cache. It prints, per widget, the time from navigation to its first render (the element defined and
 * rendered once, ≤ 1 s targeted) and to its content (loading finished), beside the budget. Asserts nothing.
 * BENCH_PORT (13480), CHROMIUM_PATH (/usr/bin/chromium), BENCH_RUNS (3, the median is printed).
 */
const fs = require('fs');
const http = require('http');
const path = require('path');
const { gzipSync } = require('zlib');
const { compileStrapi } = require('@strapi/strapi');
const { chromium } = require('playwright-core');
const { build, OUT } = require('../../scripts/build-widgets');
const { freshEnvironment, startServer, stopServer } = require('./common');

const PORT = Number(process.env.BENCH_PORT || 13480);
const SITE_PORT = PORT + 1;
const RUNS = Number(process.env.BENCH_RUNS || 3);
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
  try {
    for (const tag of Object.keys(widgets)) {
      const first = [];
      const content = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
        const tab = await context.newPage();
        tab.on('pageerror', (error) => console.error(`${tag}: ${error.message}`));
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILE });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await tab.goto(`http://127.0.0.1:${SITE_PORT}/${tag}`);
        await tab.waitForFunction(() => globalThis.content !== undefined, null, { timeout: 30_000 });
        first.push(await tab.evaluate(() => globalThis.firstRender));
        content.push(await tab.evaluate(() => globalThis.content));
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
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

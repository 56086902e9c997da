/// <reference lib="dom" />
/**
 * The citizen widgets in a real browser (headless Chromium), embedded in a "legacy portal" served from another
 * origin with hostile global CSS, by script and by iframe:
 * - they render and work there, and nothing of theirs leaks into the page;
 * - the whole citizen journey through the widgets only: search "lam so do" and open the procedure; send a feedback
 *   with a PDF while the network drops the first answer (the form retries under its Idempotency-Key: exactly one
 *   feedback is stored); look the tracking code up; the Office publishes the answer through the admin API; the
 *   answer shows in the published answers;
 * - axe-core on every widget in each of its states, and keyboard-only runs of the search and the form;
 * - a website that is not allowed is refused, by CORS and by frame-ancestors.
 * Each widget fits 320 px (WCAG reflow, as a 1280 px window at 400% zoom); screenshots of each in vi and en at 1280
 * and 360 px land in tests/e2e/screenshots/ (CI artifacts).
 */
import http from 'http';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import request from 'supertest';
import { browserTestsCanRun, launchBrowser, screenshot } from '../setup/browser';
import { overrideEnv } from '../setup/env-override';
import { PDF } from '../setup/files';
import { adminLogin } from '../setup/http';
import { useStrapi } from '../setup/strapi';

// Beside widget-settings.test.ts (16200-16499): the CMS, then the portal, the proxy and a site not allowed.
const PORT = 16500 + (process.pid % 300);
const PORTAL_PORT = PORT + 1000;
const PROXY_PORT = PORT + 1300;
const OTHER_PORT = PORT + 1600;
const CMS = `http://127.0.0.1:${PORT}`;
const PORTAL = `http://127.0.0.1:${PORTAL_PORT}`;
const PROXY = `http://127.0.0.1:${PROXY_PORT}`;
const OTHER = `http://127.0.0.1:${OTHER_PORT}`;
const describeInBrowser = browserTestsCanRun() ? describe : describe.skip;

overrideEnv({
  WIDGET_ALLOWED_ORIGINS: PORTAL,
  FEEDBACK_MIN_FILL_SECONDS: '1',
  FEEDBACK_SUBMIT_LIMIT: '50',
  FEEDBACK_LOOKUP_LIMIT: '200',
});

const OFFICE = 'vanphong@demo.example';
const UNIT = 'qldd@demo.example';
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 360, height: 800 };
// WCAG 1.4.10 reflow: 320 CSS px, which is also a 1280 px window at 400% zoom.
const NARROWEST = { width: 320, height: 640 };
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// What a careless portal theme does to everything on its pages.
const HOSTILE_CSS = `
  * { font-size: 30px !important; color: #c00 !important; }
  button { display: none; }
  input { all: unset; }
  h2 { text-transform: uppercase; letter-spacing: 1em; }
`;

const TAGS = [
  'tthc-procedure-search',
  'tthc-procedure',
  'tthc-feedback-form',
  'tthc-feedback-status',
  'tthc-answered-feedback',
  'tthc-satisfaction-survey',
  'tthc-satisfaction-summary',
] as const;
type Tag = (typeof TAGS)[number];

const portalPage = (body: string, lang = 'vi') => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thông tin (thử nghiệm)</title><style>${HOSTILE_CSS}</style>
<script type="module" src="${CMS}/widgets/v1/tthc.js"></script></head>
<body><p id="host-text">Nội dung của cổng</p><button id="host-button">Nút của cổng</button>${body}</body></html>`;

/** A small web server on `port` answering the pages registered in `pages` by path. */
function site(port: number, pages: Map<string, string>) {
  return http.createServer((req, res) => {
    const html = pages.get((req.url ?? '/').split('?')[0]);
    if (!html) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
}

/**
 * Forwards everything to the CMS, except that it drops the connection of the first feedback POST after the CMS
 * answered it: the citizen's browser sees a network error for a feedback that was stored.
 */
function droppingProxy() {
  const seen = { posts: 0, dropped: 0 };
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: PORT, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const feedback = req.method === 'POST' && req.url === '/api/feedbacks';
          if (feedback) seen.posts += 1;
          if (feedback && seen.dropped === 0) {
            seen.dropped += 1;
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
        });
      }
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return { server, seen };
}

describeInBrowser('citizen widgets, in a hostile portal', () => {
  const app = useStrapi({ listenOn: PORT });
  const portalPages = new Map<string, string>();
  const otherPages = new Map<string, string>();
  const proxy = droppingProxy();
  const servers = [site(PORTAL_PORT, portalPages), site(OTHER_PORT, otherPages), proxy.server];
  const ports = [PORTAL_PORT, OTHER_PORT, PROXY_PORT];
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let procedure: { code: string; documentId: string };

  beforeAll(async () => {
    await Promise.all(
      servers.map(
        (server, i) => new Promise<void>((resolve) => server.listen(ports[i], '127.0.0.1', resolve))
      )
    );
    browser = await launchBrowser();
    const found = await app
      .strapi()
      .db.query('api::procedure.procedure')
      .findOne({
        where: { publishedAt: { $notNull: true }, locale: 'vi', legalStatus: 'in_force' },
        select: ['nationalCode', 'documentId'],
        orderBy: { nationalCode: 'asc' },
      });
    procedure = { code: found.nationalCode, documentId: found.documentId };
    const attributes: Record<Tag, string> = {
      'tthc-procedure-search': '',
      'tthc-procedure': `code="${procedure.code}"`,
      'tthc-feedback-form': `api="${PROXY}"`,
      'tthc-feedback-status': '',
      'tthc-answered-feedback': '',
      'tthc-satisfaction-survey': `procedure="${procedure.documentId}"`,
      'tthc-satisfaction-summary': '',
    };
    portalPages.set(
      '/',
      portalPage(TAGS.map((tag) => `<section><${tag} ${attributes[tag]}></${tag}></section>`).join('\n'))
    );
    const names = TAGS.map((tag) => tag.replace(/^tthc-/, ''));
    portalPages.set(
      '/frames',
      portalPage(
        names
          .map(
            (name) =>
              `<iframe id="frame-${name}" title="${name}" style="width:100%;border:0" src="${CMS}/widgets/v1/embed/${name}?lang=vi${
                name === 'procedure' ? `&code=${procedure.code}` : ''
              }"></iframe>`
          )
          // frame.js starts after the frames have loaded and reported, as an `async` script may.
          .join('\n') +
          `<script>addEventListener('load', () => document.body.append(Object.assign(document.createElement('script'), { src: '${CMS}/widgets/v1/frame.js' })))</script>`
      )
    );
    for (const lang of ['vi', 'en'])
      for (const tag of TAGS)
        portalPages.set(
          `/${lang}/${tag}`,
          portalPage(`<${tag} lang="${lang}" ${attributes[tag]}></${tag}>`, lang)
        );
    otherPages.set(
      '/',
      portalPage(
        `<tthc-feedback-status code="ABCD-EFGH"></tthc-feedback-status>
         <iframe id="refused" title="x" src="${CMS}/widgets/v1/embed/feedback-status"></iframe>`
      )
    );
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function open(path: string, viewport = WIDE, base = PORTAL): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}${path}`);
    return page;
  }

  /** axe-core on one widget: no WCAG 2.1 A/AA violation, listed by rule and target when there are. */
  async function expectAccessible(page: Page, tag: Tag, state: string) {
    const { violations } = await new AxeBuilder({ page }).include(tag).withTags(WCAG).analyze();
    const found = violations.map(
      (v) => `${tag} [${state}] ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`
    );
    expect(found).toEqual([]);
  }

  /** Holds every request to `pattern` until released: the widget stays in its loading state meanwhile. */
  async function hold(page: Page, pattern: string) {
    const held: Route[] = [];
    await page.route(pattern, (route) => {
      held.push(route);
    });
    return async () => {
      await page.unroute(pattern);
      for (const route of held) await route.abort().catch(() => undefined);
    };
  }

  /** axe on a widget whose first request is held: its loading state. */
  async function expectAccessibleLoading(tag: Tag, pattern: string, marker: string) {
    const context = await browser.newContext({ viewport: WIDE });
    contexts.push(context);
    const page = await context.newPage();
    const release = await hold(page, pattern);
    await page.goto(`${PORTAL}/vi/${tag}`);
    await page.locator(`${tag} ${marker}`).first().waitFor();
    await expectAccessible(page, tag, 'loading');
    await release();
  }

  const serverError = (page: Page, pattern: string) =>
    page.route(pattern, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        headers: { 'Access-Control-Allow-Origin': PORTAL },
        body: JSON.stringify({
          data: null,
          error: { status: 500, name: 'InternalServerError', message: 'x' },
        }),
      })
    );

  /** The element inside the shadow root that has the focus, as `tag#id.class`. */
  const focused = (page: Page, tag: Tag) =>
    page.evaluate((name) => {
      const active = document.querySelector(name)?.shadowRoot?.activeElement;
      return active ? `${active.tagName.toLowerCase()}#${active.id}.${active.className}` : null;
    }, tag);

  it('render in the portal by script and by iframe, untouched by its CSS and leaving it untouched', async () => {
    const page = await open('/');
    for (const tag of TAGS) await page.locator(`${tag} h2`).first().waitFor();
    const look = await page.evaluate(
      (tags) => {
        const host = getComputedStyle(document.getElementById('host-text')!);
        const inner = (tag: string, selector: string) => {
          const element = document.querySelector(tag)!.shadowRoot!.querySelector(selector)!;
          const style = getComputedStyle(element);
          return {
            fontSize: style.fontSize,
            display: style.display,
            color: style.color,
            border: style.borderTopStyle,
          };
        };
        return {
          hostFontSize: host.fontSize,
          hostColor: host.color,
          hostButton: getComputedStyle(document.getElementById('host-button')!).display,
          documentSheets:
            document.adoptedStyleSheets.length + document.querySelectorAll('style, link').length,
          searchInput: inner('tthc-procedure-search', 'input[name=q]'),
          formButton: inner('tthc-feedback-form', 'button[type=submit]'),
          statusTitle: inner('tthc-feedback-status', 'h2'),
          shadowRoots: tags.map((tag) => Boolean(document.querySelector(tag)?.shadowRoot)),
        };
      },
      TAGS as unknown as string[]
    );
    // The portal keeps its own look: the widgets added no style to it.
    expect(look).toMatchObject({
      hostFontSize: '30px',
      hostColor: 'rgb(204, 0, 0)',
      hostButton: 'none',
      documentSheets: 1,
      shadowRoots: TAGS.map(() => true),
    });
    // The widgets keep theirs.
    expect(look.searchInput).toMatchObject({ fontSize: '16px', border: 'solid' });
    expect(look.searchInput.display).not.toBe('inline');
    expect(look.formButton.display).not.toBe('none');
    expect(look.formButton.fontSize).toBe('16px');
    expect(look.statusTitle.color).not.toBe('rgb(204, 0, 0)');

    const frames = await open('/frames');
    for (const tag of TAGS) {
      const name = tag.replace(/^tthc-/, '');
      const frame = frames.frameLocator(`#frame-${name}`);
      await frame.locator(`${tag} h2`).first().waitFor();
    }
    // frame.js sizes each iframe to its widget (no inner scrollbar) once it is in view: browsers pause rendering
    // in cross-origin frames out of view.
    for (const tag of TAGS) {
      const frame = frames.locator(`#frame-${tag.replace(/^tthc-/, '')}`);
      await frame.scrollIntoViewIfNeeded();
      const inner = (await (await frame.elementHandle())!.contentFrame())!;
      let sizes = { outer: 0, content: -1 };
      for (let i = 0; i < 100 && !(Math.abs(sizes.outer - sizes.content) <= 2 && sizes.content > 150); i++) {
        if (i) await frames.waitForTimeout(100);
        sizes = {
          outer: (await frame.boundingBox())!.height,
          content: await inner.evaluate(() => document.documentElement.scrollHeight),
        };
      }
      expect({ tag, fits: Math.abs(sizes.outer - sizes.content) <= 2, content: sizes.content > 150 }).toEqual(
        {
          tag,
          fits: true,
          content: true,
        }
      );
    }
  }, 240_000);

  it('carry a citizen from a search to a published answer, sending the feedback once through a dropped network', async () => {
    const page = await open('/');
    // 1. Search in the citizen's own words, and open the procedure in place.
    const search = page.locator('tthc-procedure-search');
    await search.locator('input[name=q]').fill('lam so do');
    await search.locator('.list li').first().waitFor();
    const first = search.locator('.list button.link').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await search.locator('tthc-procedure h2').first().waitFor();
    expect(await search.locator('tthc-procedure h2').first().textContent()).toContain(name.slice(0, 30));

    // 2. The feedback, with a PDF, while the network drops the first answer.
    const subject = `Thời hạn cấp sổ đỏ ${Date.now()}`;
    const form = page.locator('tthc-feedback-form');
    await form.locator('#fullName').fill('Trần Thị Bình');
    await form.locator('#address').fill('12 Lê Lợi, phường Bến Thành');
    await form.locator('#email').fill('binh@example.com');
    await form.locator('#kind-impractical_rule').check();
    await form.locator('#subject').fill(subject);
    await form.locator('#content').fill('Đề nghị rút ngắn thời hạn cấp giấy chứng nhận.\nXin cảm ơn.');
    await form
      .locator('#files')
      .setInputFiles({ name: 'to-trinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.locator('#processing').check();
    await form.locator('#publishAnswer').check();
    const sent = page.evaluate(
      () =>
        new Promise<{ trackingCode: string }>((resolve) =>
          document.addEventListener('tthc-feedback-sent', (event) => resolve((event as CustomEvent).detail), {
            once: true,
          })
        )
    );
    await form.locator('button[type=submit]').click();
    await form.locator('.confirmation #tracking-code').waitFor({ timeout: 30_000 });

    // 3. The tracking code, in large type, and the event the host page hears.
    const code = (await form.locator('#tracking-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{2,4})+$/);
    expect((await sent).trackingCode).toBe(code);
    expect(proxy.seen).toEqual({ posts: 2, dropped: 1 });
    const stored = await app
      .strapi()
      .db.query('api::feedback.feedback')
      .findMany({ where: { subject }, populate: { attachments: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0].attachments).toHaveLength(1);

    // 4. Looked up as a citizen types it: lower case, spaces for dashes.
    const status = page.locator('tthc-feedback-status');
    await status.locator('#code').fill(code.toLowerCase().replace(/-/g, ' '));
    await status.locator('button[type=submit]').click();
    await status.locator('.outcome.notice h3').waitFor();
    expect(await status.locator('.outcome.notice h3').textContent()).toContain('Đã tiếp nhận');

    // 5. The Office publishes the answer through the admin API.
    const tokens: Record<string, string> = {
      [OFFICE]: await adminLogin(app.server(), OFFICE),
      [UNIT]: await adminLogin(app.server(), UNIT),
    };
    const id = stored[0].documentId as string;
    const unit = await app
      .strapi()
      .db.query('api::unit.unit')
      .findOne({ where: { code: 'P-QLDD' } });
    const move = async (email: string, to: string, extra: object = {}) => {
      const current = await request(app.server())
        .get(`/feedback-register/feedbacks/${id}`)
        .set('Authorization', `Bearer ${tokens[OFFICE]}`);
      const res = await request(app.server())
        .post(`/feedback-register/feedbacks/${id}/transitions`)
        .set('Authorization', `Bearer ${tokens[email]}`)
        .send({ to, version: current.body.data.version, ...extra });
      expect({ to, status: res.status }).toEqual({ to, status: 200 });
    };
    const inAWeek = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(Date.now() + 7 * 86_400_000)
    );
    await move(OFFICE, 'accepted');
    await move(OFFICE, 'assigned', { unit: unit.id, unitDueDate: inAWeek });
    await move(UNIT, 'answer_drafted', {
      answer: 'Sở đã rút ngắn thời hạn cấp giấy chứng nhận còn 10 ngày.',
    });
    await move(OFFICE, 'answer_approved');
    await move(OFFICE, 'answered');
    await move(OFFICE, 'published', {
      publicAnswer: 'Sở đã rút ngắn thời hạn cấp giấy chứng nhận còn 10 ngày.',
    });

    // 6. The answer appears among the published answers.
    await page.reload();
    const answered = page.locator('tthc-answered-feedback');
    await answered.locator('input[name=q]').fill(subject);
    await answered.locator('ul.answers > li', { hasText: subject }).waitFor();
    expect(await answered.locator('ul.answers > li', { hasText: subject }).textContent()).toContain(
      '10 ngày'
    );
    expect(await app.strapi().db.query('api::feedback.feedback').count({ where: { subject } })).toBe(1);
  }, 300_000);

  it('pass axe in every state of every widget', async () => {
    const at = (tag: Tag, lang = 'vi') => open(`/${lang}/${tag}`);

    // Procedure search: empty, loading, results, partial, no results, server error, the record opened.
    let page = await at('tthc-procedure-search');
    const search = page.locator('tthc-procedure-search');
    await search.locator('input[name=q]').waitFor();
    await expectAccessible(page, 'tthc-procedure-search', 'empty');
    let release = await hold(page, '**/api/procedures/search?**');
    await search.locator('input[name=q]').fill('lam so do');
    await search.locator('.busy').waitFor();
    await expectAccessible(page, 'tthc-procedure-search', 'loading');
    await release();
    await search.locator('input[name=q]').fill('lam so do ');
    await search.locator('.list li').first().waitFor();
    await expectAccessible(page, 'tthc-procedure-search', 'results');
    await search.locator('input[name=q]').fill('zzqqxx');
    await search.locator('.notice h3').waitFor();
    await expectAccessible(page, 'tthc-procedure-search', 'no results');
    await serverError(page, '**/api/procedures/search?**');
    await search.locator('input[name=q]').fill('dat dai');
    await search.locator('.error-summary').waitFor();
    await expectAccessible(page, 'tthc-procedure-search', 'server error');

    // Procedure record: loading, found, not found, server error.
    page = await open('/vi/tthc-procedure');
    await page.locator('tthc-procedure h2#name').waitFor();
    await expectAccessible(page, 'tthc-procedure', 'found');
    for (const [state, setup, marker] of [
      ['loading', (p: Page) => hold(p, '**/api/procedures?**'), 'p.outcome .spinner'],
      ['server error', (p: Page) => serverError(p, '**/api/procedures?**'), '.error-summary'],
    ] as const) {
      const other = await (async () => {
        const context = await browser.newContext({ viewport: WIDE });
        contexts.push(context);
        const p = await context.newPage();
        await setup(p);
        await p.goto(`${PORTAL}/vi/tthc-procedure`);
        return p;
      })();
      await other.locator(`tthc-procedure ${marker}`).first().waitFor();
      await expectAccessible(other, 'tthc-procedure', state);
    }
    portalPages.set('/missing', portalPage('<tthc-procedure code="9.999999"></tthc-procedure>'));
    page = await open('/missing');
    await page.locator('tthc-procedure .notice h2').waitFor();
    await expectAccessible(page, 'tthc-procedure', 'not found');

    // Feedback form: loading, empty, field errors, server error, success.
    const formContext = await browser.newContext({ viewport: WIDE });
    contexts.push(formContext);
    page = await formContext.newPage();
    release = await hold(page, '**/api/feedbacks/form');
    await page.goto(`${PORTAL}/vi/tthc-feedback-form`);
    await page.locator('tthc-feedback-form .loading').waitFor();
    await expectAccessible(page, 'tthc-feedback-form', 'loading');
    await release();
    page = await at('tthc-feedback-form');
    const form = page.locator('tthc-feedback-form');
    await form.locator('#fullName').waitFor();
    await expectAccessible(page, 'tthc-feedback-form', 'empty');
    await form.locator('button[type=submit]').click();
    await form.locator('#summary').waitFor();
    expect(await focused(page, 'tthc-feedback-form')).toMatch(/#summary/);
    await expectAccessible(page, 'tthc-feedback-form', 'field errors');
    await form.locator('#fullName').fill('Lê Văn An');
    await form.locator('#address').fill('1 Lê Lợi');
    await form.locator('#phone').fill('0909 123 456');
    await form.locator('#kind-other_issue').check();
    await form.locator('#subject').fill('Hồ sơ');
    await form.locator('#content').fill('Nội dung.');
    await form.locator('#processing').check();
    await page.route('**/api/feedbacks', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'Access-Control-Allow-Origin': PORTAL },
        body: JSON.stringify({
          data: null,
          error: { status: 503, name: 'ServiceUnavailableError', message: 'x' },
        }),
      })
    );
    await form.locator('button[type=submit]').click();
    await form.locator('#failure').waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'tthc-feedback-form', 'server error');
    await page.unroute('**/api/feedbacks');
    await page.route('**/api/feedbacks', (route) =>
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        headers: { 'Access-Control-Allow-Origin': PORTAL },
        body: JSON.stringify({
          data: {
            trackingCode: 'AB12-CD34-EF56-GH78',
            status: 'received',
            receivedAt: new Date().toISOString(),
            dueDate: '2027-01-05',
          },
        }),
      })
    );
    await form.locator('#failure button').click();
    await form.locator('.confirmation #tracking-code').waitFor();
    expect(await focused(page, 'tthc-feedback-form')).toMatch(/#title/);
    await expectAccessible(page, 'tthc-feedback-form', 'success');

    // Feedback status: empty, field error, loading, not found, found is in the journey; server error.
    page = await at('tthc-feedback-status');
    const status = page.locator('tthc-feedback-status');
    await status.locator('#code').waitFor();
    await expectAccessible(page, 'tthc-feedback-status', 'empty');
    await status.locator('button[type=submit]').click();
    await status.locator('#code-error').waitFor();
    await expectAccessible(page, 'tthc-feedback-status', 'field errors');
    release = await hold(page, '**/api/feedbacks/status/**');
    await status.locator('#code').fill('ZZZZ-ZZZZ-ZZZZ');
    await status.locator('button[type=submit]').click();
    await status.locator('.outcome .spinner').waitFor();
    await expectAccessible(page, 'tthc-feedback-status', 'loading');
    await release();
    await status.locator('button[type=submit]').click();
    await status.locator('.outcome.error-summary').waitFor();
    expect(await focused(page, 'tthc-feedback-status')).toMatch(/outcome/);
    await expectAccessible(page, 'tthc-feedback-status', 'not found');
    await serverError(page, '**/api/feedbacks/status/**');
    await status.locator('button[type=submit]').click();
    await status.locator('.outcome.error-summary').waitFor();
    await expectAccessible(page, 'tthc-feedback-status', 'server error');

    // Published answers: results, no results, server error (loading as the page opens).
    const answeredContext = await browser.newContext({ viewport: WIDE });
    contexts.push(answeredContext);
    page = await answeredContext.newPage();
    release = await hold(page, '**/api/feedbacks/answered**');
    await page.goto(`${PORTAL}/vi/tthc-answered-feedback`);
    await page.locator('tthc-answered-feedback input[name=q]').waitFor();
    await expectAccessible(page, 'tthc-answered-feedback', 'loading');
    await release();
    page = await at('tthc-answered-feedback');
    const answered = page.locator('tthc-answered-feedback');
    await answered.locator('ul.answers > li').first().waitFor();
    await expectAccessible(page, 'tthc-answered-feedback', 'results');
    await answered.locator('input[name=q]').fill('qqxxzzkk');
    await answered
      .locator('h2.outcome')
      .filter({ hasNotText: /\d+ câu/ })
      .waitFor();
    await expectAccessible(page, 'tthc-answered-feedback', 'no results');
    await serverError(page, '**/api/feedbacks/answered**');
    await answered.locator('input[name=q]').fill('dat');
    await answered.locator('.error-summary').waitFor();
    await expectAccessible(page, 'tthc-answered-feedback', 'server error');

    // Satisfaction survey: loading, empty, field errors, server error, success.
    await expectAccessibleLoading('tthc-satisfaction-survey', '**/api/survey-responses/form', '.spinner');
    page = await at('tthc-satisfaction-survey');
    const survey = page.locator('tthc-satisfaction-survey');
    await survey.locator('fieldset').first().waitFor();
    await expectAccessible(page, 'tthc-satisfaction-survey', 'empty');
    await survey.locator('#submit').click();
    await survey.locator('#summary').waitFor();
    await expectAccessible(page, 'tthc-satisfaction-survey', 'field errors');
    await survey.locator('#timeliness-5').check();
    await serverError(page, '**/api/survey-responses');
    await survey.locator('#submit').click();
    await survey.locator('.outcome').waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'tthc-satisfaction-survey', 'server error');
    await page.unroute('**/api/survey-responses');
    await survey.locator('.outcome button').click();
    await survey.locator('#thanks').waitFor({ timeout: 15_000 });
    await expectAccessible(page, 'tthc-satisfaction-survey', 'success');

    // Satisfaction figures: loading, results, no responses, server error.
    await expectAccessibleLoading(
      'tthc-satisfaction-summary',
      '**/api/survey-responses/summary**',
      '.spinner'
    );
    page = await at('tthc-satisfaction-summary');
    await page.locator('tthc-satisfaction-summary ol.criteria li').first().waitFor();
    await expectAccessible(page, 'tthc-satisfaction-summary', 'results');
    portalPages.set(
      '/none',
      portalPage('<tthc-satisfaction-summary from="2030-01-01"></tthc-satisfaction-summary>')
    );
    page = await open('/none');
    await page.locator('tthc-satisfaction-summary p.outcome').waitFor();
    await expectAccessible(page, 'tthc-satisfaction-summary', 'no responses');
    const summaryContext = await browser.newContext({ viewport: WIDE });
    contexts.push(summaryContext);
    page = await summaryContext.newPage();
    await serverError(page, '**/api/survey-responses/summary**');
    await page.goto(`${PORTAL}/vi/tthc-satisfaction-summary`);
    await page.locator('tthc-satisfaction-summary .error-summary').waitFor();
    await expectAccessible(page, 'tthc-satisfaction-summary', 'server error');
  }, 480_000);

  it('let the keyboard alone search, open a procedure, come back, and send a feedback', async () => {
    const page = await open('/vi/tthc-procedure-search');
    const search = page.locator('tthc-procedure-search');
    await search.locator('input[name=q]').waitFor();
    // The portal's own button is hidden by its CSS: the first stop is the search box.
    await page.keyboard.press('Tab');
    expect(await focused(page, 'tthc-procedure-search')).toMatch(/^input/);
    await page.keyboard.type('giay phep moi truong');
    await search.locator('.list li').first().waitFor();
    for (
      let i = 0;
      i < 12 && !/^button.*link/.test((await focused(page, 'tthc-procedure-search')) ?? '');
      i++
    )
      await page.keyboard.press('Tab');
    expect(await focused(page, 'tthc-procedure-search')).toMatch(/^button.*link/);
    await page.keyboard.press('Enter');
    await search.locator('tthc-procedure h2').first().waitFor();
    const inRecord = await page.evaluate(
      () =>
        document.querySelector('tthc-procedure-search')!.shadowRoot!.querySelector('tthc-procedure')!
          .shadowRoot!.activeElement?.tagName
    );
    expect(inRecord).toBe('H2');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page, 'tthc-procedure-search')).toMatch(/back/);
    await page.keyboard.press('Enter');
    expect(await focused(page, 'tthc-procedure-search')).toMatch(/^button.*link/);

    const formPage = await open('/vi/tthc-feedback-form');
    const form = formPage.locator('tthc-feedback-form');
    await form.locator('#fullName').waitFor();
    await formPage.keyboard.press('Tab');
    for (let i = 0; i < 10 && !/#fullName/.test((await focused(formPage, 'tthc-feedback-form')) ?? ''); i++)
      await formPage.keyboard.press('Tab');
    const typeAndTab = async (text: string) => {
      await formPage.keyboard.type(text);
      await formPage.keyboard.press('Tab');
    };
    await typeAndTab('Phạm Minh Châu');
    await typeAndTab('3 Hai Bà Trưng');
    await typeAndTab('0912 345 678');
    await typeAndTab('');
    expect(await focused(formPage, 'tthc-feedback-form')).toMatch(/^input#kind-/);
    await formPage.keyboard.press('Space');
    await formPage.keyboard.press('Tab');
    await typeAndTab('Bàn phím');
    await formPage.keyboard.type('Gửi bằng bàn phím.');
    for (let i = 0; i < 8 && !/#processing/.test((await focused(formPage, 'tthc-feedback-form')) ?? ''); i++)
      await formPage.keyboard.press('Tab');
    await formPage.keyboard.press('Space');
    for (let i = 0; i < 4 && !/^button/.test((await focused(formPage, 'tthc-feedback-form')) ?? ''); i++)
      await formPage.keyboard.press('Tab');
    expect(await focused(formPage, 'tthc-feedback-form')).toMatch(/^button/);
    await formPage.keyboard.press('Enter');
    await form.locator('.confirmation #tracking-code').waitFor({ timeout: 30_000 });
    expect(await focused(formPage, 'tthc-feedback-form')).toMatch(/#title/);
    const visible = await formPage.evaluate(() => {
      const active = document.querySelector('tthc-feedback-form')!.shadowRoot!.activeElement!;
      return (
        getComputedStyle(active).outlineStyle !== 'none' || getComputedStyle(active).boxShadow !== 'none'
      );
    });
    expect(visible).toBe(true);
  }, 240_000);

  it('is refused to a website that is not allowed, by its browser', async () => {
    const page = await open('/', WIDE, OTHER);
    const status = page.locator('tthc-feedback-status');
    await status.locator('.outcome.error-summary').waitFor();
    const frame = page.frames().find((f) => f.url().includes('/widgets/v1/embed/'));
    expect(
      await frame
        ?.locator('tthc-feedback-status')
        .count()
        .catch(() => 0)
    ).not.toBe(1);
    // The same request from a server is answered.
    expect((await request(app.server()).get('/api/feedbacks/status/ABCDEFGH')).status).toBe(404);
  }, 60_000);

  it('fit 1280, 360 and 320 px without sideways scrolling, in vi and en (screenshots at 1280 and 360)', async () => {
    for (const lang of ['vi', 'en'])
      for (const viewport of [WIDE, NARROW, NARROWEST]) {
        const page = await open(`/${lang}/tthc-procedure-search`, viewport);
        for (const tag of TAGS) {
          await page.goto(`${PORTAL}/${lang}/${tag}`);
          await page.locator(`${tag} h2`).first().waitFor();
          if (tag === 'tthc-procedure-search') {
            await page.locator(`${tag} input[name=q]`).fill(lang === 'vi' ? 'lam so do' : 'land');
            await page.locator(`${tag} .list li`).first().waitFor();
          }
          await page.waitForTimeout(200);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect({ tag, lang, viewport: viewport.width, width }).toEqual({
            tag,
            lang,
            viewport: viewport.width,
            width: viewport.width,
          });
          if (viewport !== NARROWEST)
            await screenshot(page, `widget-${tag.replace(/^tthc-/, '')}-${lang}-${viewport.width}`);
        }
      }
  }, 360_000);
});

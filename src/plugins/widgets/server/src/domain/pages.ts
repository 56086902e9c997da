/**
 * The HTML pages the plugin serves: one page per widget for iframe embeds, and the demo page. Every value written
 * into them is escaped; none of them has an inline script (their Content-Security-Policy allows only the CMS's own
 * scripts).
 */
import { WIDGETS, WIDGET_NAMES, type WidgetName } from './catalogue';
import { themeDeclarations, type Theme } from './theme';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char]);

const attributesOf = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');

/** Where the widget pages find the bundle and their helpers (same origin as the page). */
export const ASSETS = {
  module: '/widgets/v1/tthc.js',
  classic: '/widgets/v1/tthc.classic.js',
  frameHost: '/widgets/v1/frame.js',
  framePage: '/widgets/v1/embed.js',
  embed: (name: string) => `/widgets/v1/embed/${name}`,
};

function document(lang: 'vi' | 'en', title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${escapeHtml(title)}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

export interface EmbedPage {
  name: WidgetName;
  lang: 'vi' | 'en';
  theme: Theme;
  attributes: Record<string, string>;
}

/** One widget alone on a transparent page, sized by its host through frame.js. */
export function embedPage({ name, lang, theme, attributes }: EmbedPage): string {
  const { element, title } = WIDGETS[name];
  const themed = themeDeclarations(theme);
  const style = `<style>html,body{margin:0;padding:0;background:transparent}body{padding:4px}${
    themed ? `${element}{${themed}}` : ''
  }</style>`;
  return document(
    lang,
    title[lang],
    `${style}
<script type="module" src="${ASSETS.module}"></script>
<script src="${ASSETS.framePage}" defer></script>`,
    `<${element} lang="${lang}"${attributesOf(attributes)}></${element}>`
  );
}

export interface DemoPage {
  lang: 'vi' | 'en';
  /** The department's name and abbreviation as the organization settings give them today. */
  department: string;
  /** A published procedure of the catalogue, for the record, the survey and the iframe example. */
  procedure: { code: string; documentId: string } | null;
}

const DEMO_TEXT = {
  vi: {
    title: 'Trang mẫu: các tiện ích cho người dân',
    lead: 'Trang mẫu của website sở: mỗi tiện ích dưới đây được nhúng bằng một dòng mã (xem docs/WIDGETS.md).',
    nav: 'Các tiện ích',
    iframe: 'Cùng tiện ích tra cứu, nhúng bằng iframe',
    other: 'English',
  },
  en: {
    title: 'Sample page: the citizen widgets',
    lead: "A sample of the department's website: each widget below is embedded with one line (see docs/WIDGETS.md).",
    nav: 'Widgets',
    iframe: 'The same lookup, embedded as an iframe',
    other: 'Tiếng Việt',
  },
};

const DEMO_STYLE = `<style>
body{margin:0;font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1b1f;background:#eef1f5}
header{background:#0b3d6e;color:#fff;padding:1rem 1.5rem}header a{color:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
section{background:#fff;border-radius:8px;padding:1rem;margin:1rem 0}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;padding:0;list-style:none}
iframe{width:100%;border:0;min-height:12rem}
.embed{margin:0 0 .5rem;color:#4d5560;font-size:.875rem;overflow-wrap:anywhere}
</style>`;

/** Every widget on one page, as a department's website would show them. */
export function demoPage({ lang, department, procedure }: DemoPage): string {
  const text = DEMO_TEXT[lang];
  const attributes: Partial<Record<WidgetName, Record<string, string>>> = {
    procedure: procedure ? { code: procedure.code } : {},
    'satisfaction-survey': procedure ? { procedure: procedure.documentId } : {},
  };
  // Each widget has its own heading: a section shows, in place of another, the one line that embeds it.
  const sections = WIDGET_NAMES.map((name) => {
    const { element, title } = WIDGETS[name];
    const tag = `<${element} lang="${lang}"${attributesOf(attributes[name] ?? {})}>`;
    return `<section aria-label="${escapeHtml(title[lang])}" id="${name}">
<p class="embed"><code>${escapeHtml(tag)}</code></p>
${tag}</${element}>
</section>`;
  }).join('\n');
  const iframe = `<section aria-labelledby="iframe-title" id="iframe">
<h2 id="iframe-title">${escapeHtml(text.iframe)}</h2>
<iframe src="${ASSETS.embed('feedback-status')}?lang=${lang}" title="${escapeHtml(
    WIDGETS['feedback-status'].title[lang]
  )}" loading="lazy"></iframe>
</section>`;
  const nav = WIDGET_NAMES.map(
    (name) => `<li><a href="#${name}">${escapeHtml(WIDGETS[name].title[lang])}</a></li>`
  ).join('');
  return document(
    lang,
    `${text.title} — ${department}`,
    `${DEMO_STYLE}
<script type="module" src="${ASSETS.module}"></script>
<script src="${ASSETS.frameHost}" defer></script>`,
    `<header><p><strong>${escapeHtml(department)}</strong></p>
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.lead)} <a href="?lang=${lang === 'vi' ? 'en' : 'vi'}" lang="${
      lang === 'vi' ? 'en' : 'vi'
    }">${text.other}</a></p></header>
<main>
<nav aria-label="${escapeHtml(text.nav)}"><ul>${nav}</ul></nav>
${sections}
${iframe}
</main>`
  );
}

/**
 * The settings page's form, apart from React: the values as edited, what the PUT receives, the server's field
 * errors mapped back to the rows, and the preview's and the snippets' addresses.
 */
import { WIDGETS, type WidgetName } from '#widgets/domain/catalogue';
import { THEME_DEFAULTS, THEME_KEYS, themeValue, type Theme, type ThemeKey } from '#widgets/domain/theme';
import type { SettingsInput, SettingsView } from './api';

export const THEME_FIELDS = Object.keys(THEME_KEYS) as ThemeKey[];
export const COLOUR_FIELDS = ['primary', 'text', 'background'] as const satisfies readonly ThemeKey[];
export type ColourField = (typeof COLOUR_FIELDS)[number];

const radiusOf = (value: string | undefined) => (value ?? '').replace(/px$/, '');

/**
 * The widgets' own look when the settings leave a value empty, as the form writes it: the radius without "px", and
 * for the font a generic family, since the default is a list that the preview's `theme=` cannot carry (it splits on
 * commas).
 */
export const DEFAULT_THEME: Record<ThemeKey, string> = {
  ...THEME_DEFAULTS,
  font: 'sans-serif',
  radius: radiusOf(THEME_DEFAULTS.radius),
};

export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** One row of the allowed websites; `key` keeps React's rows (and their errors) apart. */
export interface OriginRow {
  key: number;
  value: string;
}

export interface FormValues {
  origins: OriginRow[];
  /** Every theme value as typed; '' is the default. The radius is a number of pixels, without "px". */
  theme: Record<ThemeKey, string>;
}

let nextKey = 0;
export const newRow = (value = ''): OriginRow => ({ key: ++nextKey, value });

export const valuesOf = (settings: Pick<SettingsView, 'allowedOrigins' | 'theme'>): FormValues => ({
  origins: settings.allowedOrigins.map((origin) => newRow(origin)),
  theme: {
    primary: settings.theme.primary ?? '',
    text: settings.theme.text ?? '',
    background: settings.theme.background ?? '',
    font: settings.theme.font ?? '',
    radius: radiusOf(settings.theme.radius),
  },
});

/** The PUT's body: the rows that are not blank (with their keys, to place the server's errors), the theme. */
export function inputOf(values: FormValues): { input: SettingsInput; sentRows: number[] } {
  const sent = values.origins.filter((row) => row.value.trim() !== '');
  const theme: SettingsInput['theme'] = {};
  for (const key of THEME_FIELDS) theme[key] = values.theme[key].trim();
  return {
    input: { allowedOrigins: sent.map((row) => row.value.trim()), theme },
    sentRows: sent.map((row) => row.key),
  };
}

/** The form's name of a row's field, which its error is kept under. */
export const rowField = (key: number) => `origin.${key}`;

/** The server's field paths (`allowedOrigins.2`, `theme.primary`) as the form's: a sent index becomes its row. */
export function formErrors(fields: Record<string, string>, sentRows: number[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /^allowedOrigins\.(\d+)$/.exec(path);
    const key = match ? sentRows[Number(match[1])] : undefined;
    errors[key === undefined ? path : rowField(key)] = message;
  }
  return errors;
}

/** The fields the form shows errors under; the others are listed above it. */
export const formFields = (values: FormValues) => [
  'allowedOrigins',
  ...values.origins.map((row) => rowField(row.key)),
  ...THEME_FIELDS.map((key) => `theme.${key}`),
];

/** A colour text that is a colour, for the colour picker; else the default. */
export const pickerColour = (key: ColourField, text: string) => themeValue(key, text) ?? DEFAULT_THEME[key];

/**
 * The preview's `theme=` (`primary:0b5cad,radius:4`): the form's valid values, unsaved; an empty or invalid one that
 * the saved theme sets is written as the default, since the bundle carries the saved theme. A font list gives only
 * its first family, the `theme=` list being comma-separated.
 */
export function previewTheme(theme: FormValues['theme'], saved: Theme): string {
  const entries: string[] = [];
  for (const key of THEME_FIELDS) {
    const typed = key === 'font' ? theme.font.split(',')[0] : theme[key];
    const value = themeValue(key, typed) ?? (saved[key] ? themeValue(key, DEFAULT_THEME[key]) : null);
    if (value === null) continue;
    entries.push(`${key}:${value.replace(/^#/, '').replace(/px$/, '')}`);
  }
  return entries.join(',');
}

/** Where the widgets are served: the CMS, which may not be where the admin panel is. */
export const cmsOrigin = () =>
  (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL || window.location.origin;

/** The iframe page of a widget, with its query (URLSearchParams writes the theme's `:` and `,` encoded). */
export function embedUrl(origin: string, name: string, query: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== '')).toString();
  return `${origin}/widgets/v1/embed/${name}${search ? `?${search}` : ''}`;
}

/**
 * The attributes a snippet shows with an example value: the ones a widget cannot do without (the record shows a
 * procedure, found by its national code or documentId).
 */
const EXAMPLE_ATTRIBUTES: Partial<Record<WidgetName, Record<string, string>>> = {
  procedure: { code: '1.004359' },
};

export const exampleAttributes = (name: WidgetName) => EXAMPLE_ATTRIBUTES[name] ?? {};

/** The attributes a widget also takes, beyond the example's. */
export const optionalAttributes = (name: WidgetName): string[] =>
  WIDGETS[name].attributes.filter((attribute) => !(attribute in exampleAttributes(name)));

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The script way: the bundle once per page, then the element. */
export function scriptSnippet(origin: string, name: WidgetName, lang: Lang): string {
  const { element } = WIDGETS[name];
  const attributes = Object.entries({ lang, ...exampleAttributes(name) })
    .map(([attribute, value]) => ` ${attribute}="${escapeAttribute(value)}"`)
    .join('');
  return `<script type="module" src="${origin}/widgets/v1/tthc.js"></script>\n<${element}${attributes}></${element}>`;
}

/** The iframe way: the widget's page, and the helper that sizes the frame to it. The src's `&` stay as they are,
 * as people paste them (HTML reads them so). */
export function iframeSnippet(origin: string, name: WidgetName, lang: Lang): string {
  const src = embedUrl(origin, name, { lang, ...exampleAttributes(name) });
  const title = escapeAttribute(WIDGETS[name].title[lang]);
  return `<iframe src="${src}" title="${title}" style="width:100%;border:0"></iframe>\n<script src="${origin}/widgets/v1/frame.js" async></script>`;
}

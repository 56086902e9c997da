/**
 * The query string of an iframe page, `/widgets/v1/embed/<name>?lang=en&theme=primary:0b5cad,radius:4&code=…`:
 * only `lang`, `theme` and the widget's own attributes, each checked, every problem reported at once.
 */
import type { Language } from '#domain/errors';
import { QueryReader, type Parsed } from '#domain/query-params';
import { WIDGETS, type WidgetName } from './catalogue';
import { THEME_KEYS, themeValue, type Theme, type ThemeKey } from './theme';

export interface EmbedQuery {
  lang: 'vi' | 'en';
  theme: Theme;
  /** The element's attributes, by name, as given. */
  attributes: Record<string, string>;
}

const NATIONAL_CODE = /^\d{1,2}\.\d{6}(\.[A-Z]\d{2})?$/;
const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELD_CODE = /^[a-z0-9-]{1,80}$/;

/** Attributes with a shape; the rest (a query `q`) are plain text of at most 200 characters. */
const SHAPES: Record<string, { pattern: RegExp; vi: string; en: string }> = {
  code: { pattern: NATIONAL_CODE, vi: 'Mã thủ tục không hợp lệ.', en: 'Not a procedure code.' },
  'document-id': { pattern: DOCUMENT_ID, vi: 'Mã tài liệu không hợp lệ.', en: 'Not a document id.' },
  procedure: { pattern: DOCUMENT_ID, vi: 'Mã tài liệu không hợp lệ.', en: 'Not a document id.' },
  field: { pattern: FIELD_CODE, vi: 'Mã lĩnh vực không hợp lệ.', en: 'Not a field code.' },
  from: { pattern: DAY, vi: 'Ngày phải có dạng YYYY-MM-DD.', en: 'Dates are YYYY-MM-DD.' },
  to: { pattern: DAY, vi: 'Ngày phải có dạng YYYY-MM-DD.', en: 'Dates are YYYY-MM-DD.' },
  'page-size': { pattern: /^([1-9]|[1-9]\d|100)$/, vi: 'Từ 1 đến 100.', en: 'From 1 to 100.' },
  // A link the page opens: a path of the host site or an http(s) address, never a script.
  'detail-url': {
    pattern: /^(\/(?!\/)|https?:\/\/)[^\s<>"'`]*$/i,
    vi: 'Phải là đường dẫn bắt đầu bằng / hoặc địa chỉ http(s).',
    en: 'Must be a path starting with / or an http(s) address.',
  },
};

// The status widget's `code` is a citizen's tracking code, written as they like it.
const TRACKING_CODE = {
  pattern: /^[A-Za-z0-9 -]{1,60}$/,
  vi: 'Mã tra cứu không hợp lệ.',
  en: 'Not a tracking code.',
};
const shapeOf = (name: WidgetName, attribute: string) =>
  name === 'feedback-status' && attribute === 'code' ? TRACKING_CODE : SHAPES[attribute];

/** `primary:0b5cad,radius:4`: colours may be written without their `#`, which a URL would need encoded. */
function readTheme(reader: QueryReader): Theme {
  const text = reader.text('theme', 400);
  const theme: Theme = {};
  if (text === undefined) return theme;
  for (const entry of text.split(',')) {
    const [key, ...rest] = entry.split(':');
    const raw = rest.join(':').trim();
    const name = key.trim() as ThemeKey;
    const value = name in THEME_KEYS ? themeValue(name, /^[0-9a-f]{6}$/i.test(raw) ? `#${raw}` : raw) : null;
    if (value === null) {
      reader.fail(
        'theme',
        `"${entry}" không hợp lệ. Dùng: ${Object.keys(THEME_KEYS).join(', ')} (ví dụ primary:0b5cad,radius:4).`,
        `"${entry}" is not valid. Use: ${Object.keys(THEME_KEYS).join(', ')} (e.g. primary:0b5cad,radius:4).`
      );
      continue;
    }
    theme[name] = value;
  }
  return theme;
}

export function readEmbedQuery(
  name: WidgetName,
  query: Record<string, unknown>,
  language: Language
): Parsed<EmbedQuery> {
  const own: readonly string[] = WIDGETS[name].attributes;
  const reader = new QueryReader(query, ['lang', 'theme', ...own], language);
  const lang = reader.oneOf('lang', ['vi', 'en'] as const) ?? 'vi';
  const theme = readTheme(reader);
  const attributes: Record<string, string> = {};
  for (const attribute of own) {
    const shape = shapeOf(name, attribute);
    const value = shape
      ? reader.matching(attribute, shape.pattern, shape.vi, shape.en)
      : reader.text(attribute, 200);
    if (value !== undefined) attributes[attribute] = value;
  }
  return reader.result({ lang, theme, attributes });
}

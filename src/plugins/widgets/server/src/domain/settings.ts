/**
 * The Website widgets settings the IT Center keeps in the admin: the allowed origins and the theme. A PUT body is
 * read whole, every problem reported at once with its path.
 */
import { fieldError, type FieldError, type Language } from '#domain/errors';
import type { Parsed } from '#domain/query-params';
import { MAX_ORIGINS, originOf } from './origins';
import { THEME_KEYS, themeValue, type Theme, type ThemeKey } from './theme';

export interface WidgetSettings {
  allowedOrigins: string[];
  theme: Theme;
}

export const EMPTY_SETTINGS: WidgetSettings = { allowedOrigins: [], theme: {} };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const THEME_RULES: Record<ThemeKey, { vi: string; en: string }> = {
  primary: { vi: 'Màu dạng #rrggbb.', en: 'A colour as #rrggbb.' },
  text: { vi: 'Màu dạng #rrggbb.', en: 'A colour as #rrggbb.' },
  background: { vi: 'Màu dạng #rrggbb.', en: 'A colour as #rrggbb.' },
  font: {
    vi: 'Tên phông chữ: chữ, số, dấu cách, dấu phẩy, nháy và gạch nối, tối đa 120 ký tự.',
    en: 'Font names: letters, digits, spaces, commas, quotes and hyphens, at most 120 characters.',
  },
  radius: { vi: 'Số điểm ảnh từ 0 đến 32.', en: 'A number of pixels from 0 to 32.' },
};

export function readSettings(body: unknown, language: Language): Parsed<WidgetSettings> {
  const errors: FieldError[] = [];
  const fail = (path: string[], vi: string, en: string) => errors.push(fieldError(path, vi, en, language));
  if (!isRecord(body)) {
    fail([], 'Cần một đối tượng JSON.', 'A JSON object is required.');
    return { ok: false, errors };
  }
  for (const key of Object.keys(body)) {
    if (key !== 'allowedOrigins' && key !== 'theme')
      fail([key], 'Trường không được hỗ trợ.', 'Unsupported field.');
  }

  const allowedOrigins: string[] = [];
  const origins = body.allowedOrigins ?? [];
  if (!Array.isArray(origins)) {
    fail(['allowedOrigins'], 'Cần một danh sách địa chỉ.', 'A list of origins is required.');
  } else if (origins.length > MAX_ORIGINS) {
    fail(['allowedOrigins'], `Tối đa ${MAX_ORIGINS} địa chỉ.`, `At most ${MAX_ORIGINS} origins.`);
  } else {
    origins.forEach((entry, index) => {
      const origin = typeof entry === 'string' ? originOf(entry) : null;
      if (!origin)
        fail(
          ['allowedOrigins', String(index)],
          'Địa chỉ website dạng https://ten-mien (không có đường dẫn).',
          'A website origin such as https://host (no path).'
        );
      else if (!allowedOrigins.includes(origin)) allowedOrigins.push(origin);
    });
  }

  const theme: Theme = {};
  const given = body.theme ?? {};
  if (!isRecord(given)) {
    fail(['theme'], 'Cần một đối tượng.', 'An object is required.');
  } else {
    for (const [key, value] of Object.entries(given)) {
      if (!(key in THEME_KEYS)) {
        fail(['theme', key], 'Thuộc tính giao diện không được hỗ trợ.', 'Unsupported theme setting.');
        continue;
      }
      if (value === null || value === '') continue;
      const valid = typeof value === 'string' ? themeValue(key as ThemeKey, value) : null;
      if (valid === null)
        fail(['theme', key], THEME_RULES[key as ThemeKey].vi, THEME_RULES[key as ThemeKey].en);
      else theme[key as ThemeKey] = valid;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { allowedOrigins, theme } };
}

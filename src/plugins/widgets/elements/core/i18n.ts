import { en, vi } from '../i18n';

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;

const catalogues: Record<Lang, Record<string, string>> = { vi, en };

/** `vi` unless the element asks for `en`: Vietnamese first. */
export const langOf = (value: string | null | undefined): Lang =>
  String(value ?? '')
    .toLowerCase()
    .startsWith('en')
    ? 'en'
    : 'vi';

/** A message in the language, with `{name}` placeholders filled; the Vietnamese text when English lacks it. */
export function translate(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = catalogues[lang][key] ?? catalogues.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A server text given in both languages ({ vi, en }). */
export const pick = (lang: Lang, texts: { vi?: string; en?: string } | null | undefined): string =>
  (texts?.[lang] || texts?.vi || texts?.en || '').trim();

/** Numbers and dates as the language writes them. */
export const formatNumber = (lang: Lang, value: number, digits = 0) =>
  new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);

export const formatDate = (lang: Lang, value: string | null | undefined): string => {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long' }).format(date);
};

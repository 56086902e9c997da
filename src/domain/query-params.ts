/**
 * Reading the query string of a public route: only the listed parameters, one value each, each checked, with every
 * problem reported at once as bilingual field errors.
 */
import { fieldError, type FieldError, type Language } from './errors';

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export class QueryReader {
  readonly errors: FieldError[] = [];

  constructor(
    private readonly query: Record<string, unknown>,
    allowed: readonly string[],
    private readonly language: Language
  ) {
    for (const key of Object.keys(query)) {
      if (!allowed.includes(key)) this.fail(key, 'Tham số không được hỗ trợ.', 'Unsupported parameter.');
    }
  }

  fail(key: string, vi: string, en: string) {
    this.errors.push(fieldError([key], vi, en, this.language));
  }

  /** The parameter's single value; undefined when absent or empty. */
  text(key: string, maxLength = 200): string | undefined {
    const value = this.query[key];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      this.fail(key, 'Tham số chỉ được có một giá trị.', 'The parameter must have a single value.');
      return undefined;
    }
    if (value.length > maxLength) {
      this.fail(key, `Tối đa ${maxLength} ký tự.`, `At most ${maxLength} characters.`);
      return undefined;
    }
    return value;
  }

  matching(key: string, pattern: RegExp, vi: string, en: string): string | undefined {
    const value = this.text(key);
    if (value === undefined || pattern.test(value)) return value;
    this.fail(key, vi, en);
    return undefined;
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T | undefined {
    const value = this.text(key);
    if (value === undefined || (values as readonly string[]).includes(value)) return value as T | undefined;
    this.fail(
      key,
      `Giá trị phải là một trong: ${values.join(', ')}.`,
      `Must be one of: ${values.join(', ')}.`
    );
    return undefined;
  }

  /** A list's `sort=key` or `sort=key:asc|desc` over a whitelist of columns (ascending unless told). */
  sort<K extends string>(
    keys: readonly K[],
    key = 'sort'
  ): { key: K; direction: 'asc' | 'desc' } | undefined {
    const value = this.matching(
      key,
      new RegExp(`^(${keys.join('|')})(?::(asc|desc))?$`),
      `Chỉ sắp xếp theo: ${keys.join(', ')} (thêm :asc hoặc :desc).`,
      `Sort by one of: ${keys.join(', ')} (with :asc or :desc).`
    );
    if (value === undefined) return undefined;
    const [column, direction] = value.split(':');
    return { key: column as K, direction: direction === 'desc' ? 'desc' : 'asc' };
  }

  int(key: string, fallback: number, max: number): number {
    const value = this.text(key);
    if (value === undefined) return fallback;
    if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max) {
      this.fail(key, `Phải là số nguyên từ 1 đến ${max}.`, `Must be an integer from 1 to ${max}.`);
      return fallback;
    }
    return Number(value);
  }

  result<T>(value: T): Parsed<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

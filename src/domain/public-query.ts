/**
 * The query string of a public read route, judged against an allow-list: what may be filtered, sorted, populated
 * and selected is declared per type, and everything else is refused with an error that names the parameter.
 * An allow-list rather than Strapi's deny-list, so that a relation nobody thought of (`localizations` joins every
 * row of a document, drafts included) is closed before anyone finds it.
 */
import { fieldError, type FieldError, type Language } from './errors';
import type { Parsed } from './query-params';

/** How a filter value is checked: a malformed value is the client's error, not the database's. */
export type ValueType = 'text' | 'integer' | 'date' | 'datetime' | 'boolean';

export interface QueryEntry {
  /** A content type has its own filters, sort and pagination; a component or media is only reached by populate. */
  kind: 'content' | 'component' | 'media';
  /**
   * Whether rows come in a draft and a published version. A published row links to published targets, but an
   * unversioned row links to both versions of a versioned target: filters and sort never take that join.
   */
  versioned: boolean;
  /** The attributes that may be selected with `fields`. */
  fields: readonly string[];
  /** The attributes that may be filtered on, with the type of their values. */
  filter: Readonly<Record<string, ValueType>>;
  /** The attributes that may be sorted on. */
  sort: readonly string[];
  /** The relations, components and media that may be populated (and filtered or sorted through): their entry. */
  populate: Readonly<Record<string, string>>;
}

export type AllowList = Readonly<Record<string, QueryEntry>>;

export interface QueryOptions {
  /** The locale codes; `*` asks for every locale. */
  locales: readonly string[];
  /** Whether `status=draft` may be asked (API tokens: the website's previews). */
  drafts: boolean;
}

export const MAX_PAGE = 10_000;
export const MAX_PAGE_SIZE = 100;
const MAX_START = MAX_PAGE * MAX_PAGE_SIZE;
const MAX_DEPTH = 6;
const MAX_SORT_KEYS = 10;
const MAX_VALUE_LENGTH = 1000;
const MAX_ERRORS = 20;

const TOP_LEVEL = ['filters', 'sort', 'populate', 'fields', 'pagination', 'locale', 'status'];
const PAGINATION = ['page', 'pageSize', 'start', 'limit', 'withCount'];
const NESTED_POPULATE = ['filters', 'sort', 'fields', 'populate'];
const LOGICAL = ['$and', '$or', '$not'];
const TEXT_OPERATORS = [
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
];
export const OPERATORS = [
  '$eq',
  '$ne',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  ...TEXT_OPERATORS,
  '$null',
  '$notNull',
  '$between',
  '$not',
];
const LIST_OPERATORS = ['$in', '$notIn', '$between'];
const BOOLEAN_OPERATORS = ['$null', '$notNull'];

const VALUE_PATTERNS: Record<Exclude<ValueType, 'text'>, RegExp> = {
  integer: /^-?\d{1,15}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  datetime: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/,
  boolean: /^(true|false)$/,
};
const VALUE_NAMES: Record<Exclude<ValueType, 'text'>, [string, string]> = {
  integer: ['một số nguyên', 'an integer'],
  date: ['một ngày YYYY-MM-DD', 'a date YYYY-MM-DD'],
  datetime: ['một thời điểm ISO 8601', 'an ISO 8601 date-time'],
  boolean: ['true hoặc false', 'true or false'],
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
const isNumericKey = (key: string) => /^\d+$/.test(key);
const list = (names: Iterable<string>) => [...names].join(', ') || '—';

/** Every problem of one query, then the query itself with each `*` expanded to the allowed names only. */
class Judge {
  readonly errors: FieldError[] = [];
  /** Whether a `*` was expanded, so that the query to run differs from the one asked. */
  expanded = false;

  constructor(
    private readonly allowList: AllowList,
    private readonly language: Language
  ) {}

  fail(path: string[], vi: string, en: string) {
    if (this.errors.length < MAX_ERRORS) this.errors.push(fieldError(path, vi, en, this.language));
  }

  entry(name: string): QueryEntry {
    const entry = this.allowList[name];
    if (!entry) throw new Error(`The public query allow-list has no entry "${name}".`);
    return entry;
  }

  notAllowed(path: string[], key: string, allowed: Iterable<string>) {
    if (isNumericKey(key)) this.fail(path, 'Không dùng khóa dạng số.', 'Numeric keys are not allowed.');
    else
      this.fail(
        path,
        `Không được dùng "${key}" ở đây. Dùng: ${list(allowed)}.`,
        `"${key}" is not allowed here. Use one of: ${list(allowed)}.`
      );
  }

  /** The entry that filters and sort may reach through `key`: not media, and never from a single row into drafts. */
  through(entry: QueryEntry, key: string): QueryEntry | undefined {
    if (!Object.hasOwn(entry.populate, key)) return undefined;
    const target = this.entry(entry.populate[key]);
    if (target.kind === 'media' || (target.versioned && !entry.versioned)) return undefined;
    return target;
  }

  // ---------------------------------------------------------------- filters

  filters(value: unknown, entry: QueryEntry, path: string[], depth = 0) {
    if (!isObject(value)) {
      this.fail(
        path,
        'Bộ lọc phải là một đối tượng theo tên thuộc tính (không phải danh sách hay khóa số).',
        'Filters must be an object keyed by attribute names (not a list or numeric keys).'
      );
      return;
    }
    if (depth > MAX_DEPTH) {
      this.fail(path, 'Bộ lọc lồng quá sâu.', 'Filters are nested too deeply.');
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (key === '$and' || key === '$or') {
        if (!Array.isArray(child) || child.length === 0 || !child.every(isObject)) {
          this.fail(
            at,
            'Phải là một danh sách điều kiện (đối tượng).',
            'Must be an array of conditions (objects).'
          );
        } else child.forEach((c, i) => this.filters(c, entry, [...at, String(i)], depth + 1));
      } else if (key === '$not') {
        if (!isObject(child))
          this.fail(at, 'Phải là một điều kiện (đối tượng).', 'Must be a condition (an object).');
        else this.filters(child, entry, at, depth + 1);
      } else if (Object.hasOwn(entry.filter, key)) {
        this.attributeFilter(child, entry.filter[key], at);
      } else if (this.through(entry, key)) {
        this.filters(child, this.through(entry, key)!, at, depth + 1);
      } else {
        const relations = Object.keys(entry.populate).filter(
          (k) => this.entry(entry.populate[k]).kind !== 'media'
        );
        this.notAllowed(at, key, [...LOGICAL, ...Object.keys(entry.filter), ...relations]);
      }
    }
  }

  /** `filters[title]=x` or `filters[title][$op]=x`; an operator holds values, never another operator. */
  attributeFilter(value: unknown, type: ValueType, path: string[]) {
    if (!isObject(value)) {
      this.operand('$eq', value, type, path);
      return;
    }
    const keys = Object.keys(value);
    if (keys.length === 0) this.fail(path, 'Thiếu toán tử.', 'An operator is missing.');
    for (const [operator, operand] of Object.entries(value)) {
      const at = [...path, operator];
      if (!OPERATORS.includes(operator)) {
        if (isNumericKey(operator)) this.notAllowed(at, operator, OPERATORS);
        else
          this.fail(
            at,
            `Toán tử không được hỗ trợ. Dùng: ${OPERATORS.join(', ')}.`,
            `Unsupported operator. Use one of: ${OPERATORS.join(', ')}.`
          );
      } else if (operator === '$not') {
        if (!isObject(operand))
          this.fail(at, 'Phải là một điều kiện (đối tượng).', 'Must be a condition (an object).');
        else this.attributeFilter(operand, type, at);
      } else this.operand(operator, operand, type, at);
    }
  }

  operand(operator: string, operand: unknown, type: ValueType, path: string[]) {
    if (LIST_OPERATORS.includes(operator)) {
      const values = Array.isArray(operand) ? operand : [operand];
      if (operator === '$between' && values.length !== 2) {
        this.fail(path, 'Phải có đúng hai giá trị.', 'Must have exactly two values.');
        return;
      }
      if (values.length === 0) this.fail(path, 'Thiếu giá trị.', 'A value is missing.');
      values.forEach((v, i) => this.scalar(v, type, Array.isArray(operand) ? [...path, String(i)] : path));
    } else if (BOOLEAN_OPERATORS.includes(operator)) {
      if (operand !== null && !(isScalar(operand) && /^(true|false)$/.test(String(operand))))
        this.fail(path, 'Phải là true hoặc false.', 'Must be true or false.');
    } else {
      this.scalar(operand, TEXT_OPERATORS.includes(operator) ? 'text' : type, path);
    }
  }

  scalar(value: unknown, type: ValueType, path: string[]) {
    if (!isScalar(value)) {
      this.fail(
        path,
        'Phải là một giá trị đơn, không phải toán tử, đối tượng hay danh sách.',
        'Must be a single value, not an operator, an object or a list.'
      );
      return;
    }
    const text = String(value);
    if (text.length > MAX_VALUE_LENGTH) {
      this.fail(path, `Tối đa ${MAX_VALUE_LENGTH} ký tự.`, `At most ${MAX_VALUE_LENGTH} characters.`);
    } else if (type !== 'text' && !VALUE_PATTERNS[type].test(text)) {
      const [vi, en] = VALUE_NAMES[type];
      this.fail(path, `Phải là ${vi}.`, `Must be ${en}.`);
    }
  }

  // ---------------------------------------------------------------- sort

  sort(value: unknown, entry: QueryEntry, path: string[]) {
    if (typeof value === 'string' && value.split(',').length <= MAX_SORT_KEYS) {
      for (const segment of value.split(',').map((s) => s.trim())) {
        if (segment) this.sortSegment(segment, entry, path);
      }
    } else if (Array.isArray(value) && value.length > 0 && value.length <= MAX_SORT_KEYS) {
      value.forEach((v, i) => this.sort(v, entry, [...path, String(i)]));
    } else if (isObject(value)) {
      this.sortObject(value, entry, path, 0);
    } else {
      this.fail(
        path,
        'Sắp xếp phải là "thuộc tính:asc|desc" hoặc một danh sách ngắn.',
        'Sort must be "attribute:asc|desc" or a short list of them.'
      );
    }
  }

  sortSegment(segment: string, entry: QueryEntry, path: string[]) {
    const [field, order, ...rest] = segment.split(':');
    if (rest.length > 0 || (order !== undefined && !/^(asc|desc)$/i.test(order.trim()))) {
      this.fail(path, 'Thứ tự phải là asc hoặc desc.', 'The order must be asc or desc.');
      return;
    }
    const names = field.trim().split('.');
    let current = entry;
    for (const [i, name] of names.entries()) {
      const last = i === names.length - 1;
      if (last && current.sort.includes(name)) return;
      const target = this.through(current, name);
      if (last || target?.kind !== 'content') {
        this.notAllowed([...path], names.slice(0, i + 1).join('.'), this.sortable(current));
        return;
      }
      current = target;
    }
  }

  sortObject(value: Record<string, unknown>, entry: QueryEntry, path: string[], depth: number) {
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      const target = this.through(entry, key);
      if (entry.sort.includes(key) && typeof child === 'string') {
        if (!/^(asc|desc)$/i.test(child))
          this.fail(at, 'Thứ tự phải là asc hoặc desc.', 'The order must be asc or desc.');
      } else if (target?.kind === 'content' && isObject(child) && depth < MAX_DEPTH) {
        this.sortObject(child, target, at, depth + 1);
      } else this.notAllowed(at, key, this.sortable(entry));
    }
  }

  sortable(entry: QueryEntry) {
    const relations = Object.keys(entry.populate).filter((k) => this.through(entry, k)?.kind === 'content');
    return [...entry.sort, ...relations.map((r) => `${r}.…`)];
  }

  // ---------------------------------------------------------------- fields

  fields(value: unknown, entry: QueryEntry, path: string[]): unknown {
    if (value === '*') {
      this.expanded = true;
      return [...entry.fields];
    }
    const names =
      typeof value === 'string'
        ? value.split(',').map((s) => s.trim())
        : Array.isArray(value) && value.every((v) => typeof v === 'string')
          ? value
          : undefined;
    if (!names) {
      this.fail(path, 'Phải là một danh sách tên thuộc tính.', 'Must be a list of attribute names.');
      return value;
    }
    names.forEach((name, i) => {
      if (!entry.fields.includes(name))
        this.notAllowed(typeof value === 'string' ? path : [...path, String(i)], name, entry.fields);
    });
    return value;
  }

  // ---------------------------------------------------------------- populate

  /** Populate in any of Strapi's shapes; returns it with every `*` replaced by the allowed names. */
  populate(value: unknown, entry: QueryEntry, path: string[], depth: number): unknown {
    if (depth > MAX_DEPTH) {
      this.fail(path, 'Populate lồng quá sâu.', 'Populate is nested too deeply.');
      return value;
    }
    if (value === '*') {
      this.expanded = true;
      return Object.fromEntries(Object.keys(entry.populate).map((k) => [k, true]));
    }
    if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      const names = (typeof value === 'string' ? [value] : value)
        .flatMap((v: string) => v.split(','))
        .map((s) => s.trim());
      names.forEach((name, i) => {
        if (!Object.hasOwn(entry.populate, name))
          this.notAllowed(
            typeof value === 'string' ? path : [...path, String(i)],
            name,
            Object.keys(entry.populate)
          );
      });
      return value;
    }
    if (!isObject(value)) {
      this.fail(
        path,
        'Populate phải là tên quan hệ hoặc một đối tượng.',
        'Populate must be relation names or an object.'
      );
      return value;
    }
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (!Object.hasOwn(entry.populate, key)) {
        this.notAllowed(at, key, Object.keys(entry.populate));
        continue;
      }
      const target = this.entry(entry.populate[key]);
      if (child === '*') {
        this.expanded = true;
        result[key] = true;
      } else if (child === true || child === false || child === 'true' || child === 'false')
        result[key] = child;
      else if (isObject(child)) result[key] = this.nestedPopulate(child, target, at, depth + 1);
      else {
        this.fail(at, 'Phải là true, false hoặc một đối tượng.', 'Must be true, false or an object.');
        result[key] = child;
      }
    }
    return result;
  }

  /** `populate[campaign][fields]=…&populate[campaign][populate]=…`: judged against the target's entry. */
  nestedPopulate(value: Record<string, unknown>, entry: QueryEntry, path: string[], depth: number) {
    const allowed = entry.kind === 'content' ? NESTED_POPULATE : ['fields', 'populate'];
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (!allowed.includes(key)) this.notAllowed(at, key, allowed);
      else if (key === 'filters') this.filters(child, entry, at);
      else if (key === 'sort') this.sort(child, entry, at);
      else if (key === 'fields') result[key] = this.fields(child, entry, at);
      else if (key === 'populate') result[key] = this.populate(child, entry, at, depth);
      result[key] ??= child;
    }
    return result;
  }

  // ---------------------------------------------------------------- pagination, locale, status

  pagination(value: unknown, path: string[]) {
    if (!isObject(value)) {
      this.fail(path, 'Phân trang phải là một đối tượng.', 'Pagination must be an object.');
      return;
    }
    const bounds: Record<string, [number, number]> = {
      page: [1, MAX_PAGE],
      pageSize: [1, MAX_PAGE_SIZE],
      start: [0, MAX_START],
      limit: [1, MAX_PAGE_SIZE],
    };
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (!PAGINATION.includes(key)) this.notAllowed(at, key, PAGINATION);
      else if (key === 'withCount') this.scalar(child, 'boolean', at);
      else {
        const [min, max] = bounds[key];
        const text = isScalar(child) ? String(child) : '';
        if (!/^\d{1,7}$/.test(text) || Number(text) < min || Number(text) > max)
          this.fail(
            at,
            `Phải là số nguyên từ ${min} đến ${max}.`,
            `Must be an integer from ${min} to ${max}.`
          );
      }
    }
    const keys = Object.keys(value);
    if (
      keys.some((k) => k === 'page' || k === 'pageSize') &&
      keys.some((k) => k === 'start' || k === 'limit')
    )
      this.fail(
        path,
        'Không dùng chung page/pageSize với start/limit.',
        'Use page/pageSize or start/limit, not both.'
      );
  }
}

/**
 * Judges the parsed query of a public read of `name` (a key of the allow-list). On success, returns the query to
 * run: the same object, unless a `*` in `populate` or `fields` was expanded to the allowed names only.
 */
export function judgePublicQuery(
  allowList: AllowList,
  name: string,
  query: Record<string, unknown>,
  options: QueryOptions,
  language: Language = 'vi'
): Parsed<Record<string, unknown>> {
  const judge = new Judge(allowList, language);
  const entry = judge.entry(name);
  const result: Record<string, unknown> = { ...query };
  for (const [key, value] of Object.entries(query)) {
    const at = [key];
    if (!TOP_LEVEL.includes(key)) judge.fail(at, 'Tham số không được hỗ trợ.', 'Unsupported parameter.');
    else if (key === 'filters') judge.filters(value, entry, at);
    else if (key === 'sort') judge.sort(value, entry, at);
    else if (key === 'fields') result.fields = judge.fields(value, entry, at);
    else if (key === 'populate') result.populate = judge.populate(value, entry, at, 0);
    else if (key === 'pagination') judge.pagination(value, at);
    else if (key === 'status') {
      if (value !== 'published' && !(options.drafts && value === 'draft'))
        judge.fail(at, 'Chỉ nội dung đã xuất bản là công khai.', 'Only published content is public.');
    } else if (key === 'locale') {
      if (value !== '*' && (typeof value !== 'string' || !options.locales.includes(value)))
        judge.fail(
          at,
          `Ngôn ngữ không hợp lệ. Dùng: ${options.locales.join(', ')}.`,
          `Unknown locale. Use one of: ${options.locales.join(', ')}.`
        );
    }
  }
  if (judge.errors.length > 0) return { ok: false, errors: judge.errors };
  return { ok: true, value: judge.expanded ? result : query };
}

/**
 * Values as the drivers return them from raw SQL: SQLite keeps datetimes as epoch milliseconds (numbers, or digit
 * strings), PostgreSQL returns Date objects, counts as strings and `date` columns as 'YYYY-MM-DD' text (Strapi's type
 * parser); both return `date` columns of SQLite as text.
 */

/** A count or sum (PostgreSQL returns bigints as strings); null is 0. */
export const num = (value: unknown) => Number(value ?? 0);

/** A stored datetime as epoch milliseconds. */
export const ms = (value: unknown): number => {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  const text = String(value);
  return /^\d+$/.test(text) ? Number(text) : new Date(text).getTime();
};

/** A stored datetime as ISO 8601, or null. */
export const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(ms(value)).toISOString();

/** A stored date as YYYY-MM-DD, or null. */
export const day = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
};

/** The text columns of a raw row, by the names the query selected them as. */
export const texts = <K extends string>(
  row: Record<string, unknown>,
  keys: readonly K[]
): Record<K, string> => Object.fromEntries(keys.map((key) => [key, row[key] as string])) as Record<K, string>;

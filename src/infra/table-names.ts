/**
 * The table and column names of one content type, read from Strapi's metadata, for the SQL aggregates that the
 * query engine cannot express (dashboard, annual report). Each owner of tables declares the names others may use
 * in its own module (src/api/<type>/tables.ts, a plugin's server/src/tables.ts); the attribute names are checked
 * against the generated schema types, and a name the metadata does not know throws when first resolved.
 */
import type { Core, Schema, UID } from '@strapi/strapi';

/** A relation's link table: its name, its source column (`from`) and its target column (`to`). */
export interface Link {
  name: string;
  from: string;
  to: string;
}

export interface TableNames<C extends string, L extends string> {
  uid: string;
  table: string;
  /** The column of each declared attribute. */
  column: Readonly<Record<C, string>>;
  /** The columns qualified with a table alias: `at('f').receivedAt` is `f.received_at`. */
  at(alias: string): Readonly<Record<C, string>>;
  /** Select expressions that return these attributes under their own names: `f.received_at as receivedAt`. */
  select(alias: string, ...attributes: C[]): string[];
  /** The link table of each declared relation. */
  link: Readonly<Record<L, Link>>;
}

/** What a declaration may name: the schema's attributes, plus the two every row has. */
export type ColumnName<U extends UID.Schema> = Schema.AttributeNames<U> | 'id' | 'documentId';

interface StoredAttribute {
  columnName?: string;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
}

/** Minimal view of `strapi.db.metadata`, so the mechanics are testable without Strapi. */
export interface Metadata {
  get(uid: string): { tableName: string; attributes: Record<string, unknown> };
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Resolves a declaration against the metadata; throws on an attribute (or relation) it does not know. */
export function resolveTableNames<C extends string, L extends string>(
  metadata: Metadata,
  uid: string,
  columns: readonly C[],
  links: readonly L[]
): TableNames<C, L> {
  const meta = metadata.get(uid);
  const attributes = meta.attributes as Record<string, StoredAttribute | undefined>;
  const column = {} as Record<C, string>;
  for (const name of columns) {
    const attribute = attributes[name];
    if (name !== 'id' && (!attribute || attribute.joinTable))
      throw new Error(`${uid} has no column attribute "${name}"`);
    column[name] = attribute?.columnName ?? snake(name);
  }
  const link = {} as Record<L, Link>;
  for (const name of links) {
    const joinTable = attributes[name]?.joinTable;
    if (!joinTable) throw new Error(`${uid} has no relation "${name}" with a link table`);
    link[name] = {
      name: joinTable.name,
      from: joinTable.joinColumn.name,
      to: joinTable.inverseJoinColumn.name,
    };
  }
  const at = (alias: string) =>
    Object.fromEntries(Object.entries(column).map(([k, v]) => [k, `${alias}.${v}`])) as Record<C, string>;
  const select = (alias: string, ...names: C[]) => names.map((name) => `${alias}.${column[name]} as ${name}`);
  return { uid, table: meta.tableName, column, at, select, link };
}

/**
 * Declares the names of `uid` that other modules may use; the result resolves them once per Strapi instance.
 * `columns` and `links` are attribute names of the content type, so a misspelt one fails typecheck.
 */
export function tableNames<
  U extends UID.Schema,
  const C extends readonly ColumnName<U>[],
  const L extends readonly Schema.AttributeNames<U>[] = [],
>(uid: U, { columns, links }: { columns: C; links?: L }) {
  const resolved = new WeakMap<object, TableNames<C[number], L[number]>>();
  return (strapi: Core.Strapi): TableNames<C[number], L[number]> => {
    let names = resolved.get(strapi);
    if (!names) {
      names = resolveTableNames(
        strapi.db.metadata as unknown as Metadata,
        uid,
        columns as readonly C[number][],
        (links ?? []) as readonly L[number][]
      );
      resolved.set(strapi, names);
    }
    return names;
  };
}

/**
 * SQL over Strapi's relation link tables, for queries the query engine cannot express (joins with aggregates,
 * computed columns). Strapi 5 links a relation to each row of the target document (draft and published, every
 * locale), so filters go through a subquery, never a join that would repeat the source rows.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

export function linkTable(strapi: Core.Strapi, uid: string, attribute: string): JoinTable {
  const meta = strapi.db.metadata.get(uid);
  return (meta.attributes as unknown as Record<string, { joinTable: JoinTable }>)[attribute].joinTable;
}

/** A relation's link table: its name, its source column (`from`) and its target column (`to`). */
export function linkColumns(strapi: Core.Strapi, uid: string, attribute: string) {
  const link = linkTable(strapi, uid, attribute);
  return { name: link.name, from: link.joinColumn.name, to: link.inverseJoinColumn.name };
}

/**
 * The source ids of a link table (aliased `l`) joined to its target table (aliased `t`), to narrow with a where on
 * either: a filter subquery.
 */
export function linkedIds(knex: Knex, link: { name: string; from: string; to: string }, targetTable: string) {
  return knex(`${link.name} as l`)
    .select(`l.${link.from}`)
    .join(`${targetTable} as t`, 't.id', `l.${link.to}`);
}

/** The ids of `uid` rows whose relation `attribute` points at the document `documentId` of `targetUid`. */
export function idsLinkedTo(
  strapi: Core.Strapi,
  {
    uid,
    attribute,
    targetUid,
    documentId,
  }: { uid: string; attribute: string; targetUid: string; documentId: string }
) {
  const target = strapi.db.metadata.get(targetUid).tableName;
  return linkedIds(strapi.db.connection, linkColumns(strapi, uid, attribute), target).where(
    't.document_id',
    documentId
  );
}

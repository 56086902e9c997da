/**
 * SQL over Strapi's relation link tables, for queries the query engine cannot express (joins with aggregates,
 * computed columns). Strapi 5 links a relation to each row of the target document (draft and published, every
 * locale), so filters go through a subquery, never a join that would repeat the source rows.
 */
import type { Core } from '@strapi/strapi';

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
  const link = linkTable(strapi, uid, attribute);
  return strapi.db
    .connection(`${link.name} as l`)
    .select(`l.${link.joinColumn.name}`)
    .join(`${strapi.db.metadata.get(targetUid).tableName} as t`, 't.id', `l.${link.inverseJoinColumn.name}`)
    .where('t.document_id', documentId);
}

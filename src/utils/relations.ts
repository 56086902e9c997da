/**
 * Reads the document a to-one relation is being set to, whatever shape the caller used:
 * `"docId"`, `{ documentId }`, `{ connect: [...] }`, `{ set: [...] }` or `null`.
 * Returns `undefined` when the value leaves the relation unchanged, `null` when it clears it.
 */
type RelationRef = string | number | { documentId?: string; id?: number };
type RelationInput =
  | RelationRef
  | null
  | { connect?: RelationRef[]; set?: RelationRef[]; disconnect?: RelationRef[] };

export interface RelationTarget {
  documentId?: string;
  id?: number;
}

const toTarget = (ref: RelationRef): RelationTarget =>
  typeof ref === 'string'
    ? { documentId: ref }
    : typeof ref === 'number'
      ? { id: ref }
      : { documentId: ref.documentId, id: ref.id };

export function toOneRelationTarget(value: unknown): RelationTarget | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const input = value as RelationInput;
  if (typeof input === 'string' || typeof input === 'number') return toTarget(input);
  if (input && typeof input === 'object') {
    if ('connect' in input || 'set' in input || 'disconnect' in input) {
      const list = ('set' in input ? input.set : input.connect) ?? [];
      if (list.length > 0) return toTarget(list[list.length - 1]);
      if ('set' in input || (input.disconnect ?? []).length > 0) return null;
      return undefined;
    }
    if ('documentId' in input || 'id' in input) return toTarget(input as RelationRef);
  }
  return undefined;
}

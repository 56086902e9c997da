/**
 * A changed field of a preview row, made readable: texts show before and after; the repeated parts (steps,
 * channels, dossier, legal bases) show only the items that went, came or changed, and a channel's fees only the fee
 * lines that differ. Pure, for the diff's component and its tests.
 */
import type { FieldChange } from '#domain/procedure-import';
import type { ChannelRow, DossierItem, LegalBasis } from '#domain/procedure-fields';
import { fold } from '#domain/search-text';

export interface ItemDiff<T> {
  /** In the stored version only. */
  removed: T[];
  /** In the file only. */
  added: T[];
  /** The same item (by its key) with other content. */
  changed: { before: T; after: T }[];
  /** Items that did not change. */
  kept: number;
}

/** Runs of spaces and line breaks make no difference, as in the preview's comparison. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Items matched by key, in order (a key may repeat: the n-th before matches the n-th after); `same` says whether a
 * matched pair has the same content.
 */
export function diffItems<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
  same: (a: T, b: T) => boolean
): ItemDiff<T> {
  // Indexes, not items: equal strings are distinct items here.
  const waiting = new Map<string, number[]>();
  after.forEach((item, index) => {
    const queue = waiting.get(key(item)) ?? [];
    queue.push(index);
    waiting.set(key(item), queue);
  });
  const matched = new Set<number>();
  const diff: ItemDiff<T> = { removed: [], added: [], changed: [], kept: 0 };
  for (const item of before) {
    const index = waiting.get(key(item))?.shift();
    if (index === undefined) {
      diff.removed.push(item);
      continue;
    }
    matched.add(index);
    if (same(item, after[index])) diff.kept++;
    else diff.changed.push({ before: item, after: after[index] });
  }
  diff.added = after.filter((_item, index) => !matched.has(index));
  return diff;
}

/** The lines of a text (a channel's fee lines) that went and came; order and spacing aside. */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const lines = (text: string) => text.split(/\r?\n/).map(spaced).filter(Boolean);
  const { removed, added } = diffItems(
    lines(before),
    lines(after),
    (line) => line,
    () => true
  );
  return { removed, added };
}

export type PartDiff =
  | { field: 'steps'; items: ItemDiff<string> }
  | { field: 'channels'; items: ItemDiff<ChannelRow> }
  | { field: 'dossier'; items: ItemDiff<DossierItem> }
  | { field: 'legalBases'; items: ItemDiff<LegalBasis> };

const sameChannel = (a: ChannelRow, b: ChannelRow) => {
  const { processingTime, processingDays, description, feeAmount, fee } = channelChange(a, b);
  return (
    !processingTime &&
    !processingDays &&
    !description &&
    !feeAmount &&
    fee.removed.length === 0 &&
    fee.added.length === 0
  );
};

/** A part's items before and after, diffed: the change holds both as lists of the part's items. */
const itemsOf = <T>(
  change: FieldChange,
  keyOf: (item: T) => string,
  same: (a: T, b: T) => boolean
): ItemDiff<T> => diffItems(change.before as T[], change.after as T[], keyOf, same);

/** What changed in a repeated part, item by item; null for the other fields. */
export function partDiff(change: FieldChange): PartDiff | null {
  switch (change.field) {
    case 'steps':
      return { field: 'steps', items: itemsOf<string>(change, spaced, () => true) };
    case 'channels':
      return { field: 'channels', items: itemsOf<ChannelRow>(change, (row) => row.channel, sameChannel) };
    case 'dossier':
      return {
        field: 'dossier',
        items: itemsOf<DossierItem>(
          change,
          (item) => `${spaced(item.caseGroup)}\n${spaced(item.name)}`,
          (a, b) =>
            a.originals === b.originals &&
            a.copies === b.copies &&
            spaced(a.formTemplateName) === spaced(b.formTemplateName)
        ),
      };
    // The preview compares the documents a procedure links, by symbol: a title is its document's own.
    case 'legalBases':
      return {
        field: 'legalBases',
        items: itemsOf<LegalBasis>(
          change,
          (basis) => fold(basis.symbol),
          () => true
        ),
      };
    default:
      return null;
  }
}

/**
 * What changed in one channel: its processing time, days, description and fee amount when they differ (null
 * otherwise), and its fee lines that went and came.
 */
export function channelChange(before: ChannelRow, after: ChannelRow) {
  const text = (key: 'processingTime' | 'description') =>
    spaced(before[key]) === spaced(after[key]) ? null : { before: before[key], after: after[key] };
  const number = (key: 'processingDays' | 'feeAmount') =>
    before[key] === after[key] ? null : { before: before[key], after: after[key] };
  return {
    processingTime: text('processingTime'),
    processingDays: number('processingDays'),
    description: text('description'),
    feeAmount: number('feeAmount'),
    fee: lineDiff(before.fee, after.fee),
  };
}

/**
 * Pure rules over the figures of an annual report: rounding, the median, the period's bounds and the diff of two
 * snapshots (what a recompute changed). No Strapi import.
 */
import { nextSlice, previousSlice, sliceOfDay, sliceStart } from '#domain/rollups';
import type { Figures } from './figures';

export interface Change {
  /** Where the number is, e.g. `feedback.received`, `articles.byKind.news`, `articles.byUnit.P-QLDD.target`. */
  path: string;
  before: number | null;
  after: number | null;
}

/** `value` rounded to `decimals` places (half away from zero), as a number. */
export function round(value: number, decimals: number): number {
  // Shifting through the decimal string avoids binary artefacts (1.005 * 100 = 100.49999...).
  const abs = Math.abs(value);
  if (String(abs).includes('e')) return Math.round(value * 10 ** decimals) / 10 ** decimals;
  const shifted = Math.round(Number(`${abs}e${decimals}`));
  return Math.sign(value) * Number(`${shifted}e-${decimals}`);
}

/** The median of the values; null when there are none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** onTime × 100 / (onTime + late), one decimal; null when nothing closed. */
export function onTimeRate(onTime: number, late: number): number | null {
  return onTime + late > 0 ? round((onTime * 100) / (onTime + late), 1) : null;
}

const DAY_MS = 86_400_000;

/** The day after an ISO date (YYYY-MM-DD). */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

const previousDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both included (ISO dates). */
export interface DaySpan {
  from: string;
  to: string;
}

/**
 * A period of local days as the whole half months it covers (slice keys `first` to `last`, src/domain/rollups.ts;
 * null when none), whose figures are summed from the rollups, and the days at its edges that do not fill a half
 * month, whose figures are computed from the rows. The report's period (15/12 to 14/12) has no edges.
 */
export function splitPeriod(period: DaySpan): {
  slices: { first: string; last: string } | null;
  edges: DaySpan[];
} {
  const span = 'half-month';
  const startsSlice = (day: string) => sliceStart(sliceOfDay(day, span)) === day;
  const after = nextDay(period.to);
  const first = startsSlice(period.from)
    ? sliceOfDay(period.from, span)
    : nextSlice(sliceOfDay(period.from, span));
  const last = startsSlice(after) ? sliceOfDay(period.to, span) : previousSlice(sliceOfDay(period.to, span));
  if (first > last) {
    // Within one half month, or across the start of one without filling either.
    const boundary = sliceStart(nextSlice(sliceOfDay(period.from, span)));
    return boundary > period.to
      ? { slices: null, edges: [period] }
      : {
          slices: null,
          edges: [
            { from: period.from, to: previousDay(boundary) },
            { from: boundary, to: period.to },
          ],
        };
  }
  const edges: DaySpan[] = [];
  if (!startsSlice(period.from)) edges.push({ from: period.from, to: previousDay(sliceStart(first)) });
  if (!startsSlice(after)) edges.push({ from: sliceStart(nextSlice(last)), to: period.to });
  return { slices: { first, last }, edges };
}

/** A bucket of published articles: its grouping, its value there, and its document when published in several rows. */
export interface ArticleBucket {
  unitId: number;
  family: string;
  value: string | null;
  /** Set for a document with several published rows (its locales), which counts once whatever its rows. */
  document: string | null;
  rows: number;
}

/**
 * The published articles of a period by grouping and value (the `all` grouping also by `unit`, the buckets' unit
 * id): the rows of documents published in one row add up, the documents published in several count once each.
 */
export function articleCounts(buckets: ArticleBucket[]): Map<string, Map<string | null, number>> {
  const once = new Map<string, Map<string | null, number>>();
  const several = new Map<string, Map<string | null, Set<string>>>();
  const add = (family: string, value: string | null, b: ArticleBucket) => {
    if (b.document === null) {
      if (!once.has(family)) once.set(family, new Map());
      const counts = once.get(family)!;
      counts.set(value, (counts.get(value) ?? 0) + b.rows);
      return;
    }
    if (!several.has(family)) several.set(family, new Map());
    const documents = several.get(family)!;
    if (!documents.has(value)) documents.set(value, new Set());
    documents.get(value)!.add(b.document);
  };
  for (const b of buckets) {
    if (b.rows <= 0) continue;
    add(b.family, b.value, b);
    if (b.family === 'all') add('unit', String(b.unitId), b);
  }
  for (const [family, documents] of several) {
    if (!once.has(family)) once.set(family, new Map());
    const counts = once.get(family)!;
    for (const [value, ids] of documents) counts.set(value, (counts.get(value) ?? 0) + ids.size);
  }
  return once;
}

/** Number of days from `from` to `to`, both included. */
export function daysIncluded(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Days between two instants (epoch ms), one decimal. */
export function daysBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / DAY_MS;
}

type Numbers = Map<string, number | null>;

function put(into: Numbers, path: string, value: number | null) {
  into.set(path, value);
}

/** Every number of the figures under a stable path (lists are keyed by their key, unit code, document, ...). */
export function flatten(f: Figures): Numbers {
  const out: Numbers = new Map();
  const a = f.articles;
  put(out, 'articles.published', a.published);
  for (const c of a.byKind) put(out, `articles.byKind.${c.key}`, c.count);
  for (const c of a.byChannel) put(out, `articles.byChannel.${c.key}`, c.count);
  for (const c of a.byCampaign) put(out, `articles.byCampaign.${c.campaign?.documentId ?? 'none'}`, c.count);
  for (const u of a.byUnit) {
    put(out, `articles.byUnit.${u.unit.code}.published`, u.published);
    put(out, `articles.byUnit.${u.unit.code}.target`, u.target);
  }
  for (const t of a.byTask) {
    put(out, `articles.byTask.${t.task.code}.published`, t.published);
    put(out, `articles.byTask.${t.task.code}.target`, t.target);
  }
  const s = f.submissions;
  put(out, 'submissions.total', s.total);
  for (const u of s.byUnit) {
    put(out, `submissions.byUnit.${u.unit.code}.total`, u.total);
    for (const c of u.byState) put(out, `submissions.byUnit.${u.unit.code}.byState.${c.key}`, c.count);
  }
  put(out, 'submissions.medianDaysToPublication', s.medianDaysToPublication);
  const p = f.procedures;
  put(out, 'procedures.listed', p.listed);
  for (const c of p.byField) put(out, `procedures.byField.${c.field.code}`, c.count);
  for (const c of p.byLevel) put(out, `procedures.byLevel.${c.key}`, c.count);
  put(out, 'procedures.added', p.added);
  put(out, 'procedures.amended', p.amended);
  put(out, 'procedures.abolished', p.abolished);
  const fb = f.feedback;
  put(out, 'feedback.received', fb.received);
  for (const c of fb.byChannel) put(out, `feedback.byChannel.${c.key}`, c.count);
  for (const c of fb.byKind) put(out, `feedback.byKind.${c.key}`, c.count);
  for (const key of [
    'notAccepted',
    'transferred',
    'answered',
    'onTime',
    'late',
    'onTimeRate',
    'answersPublished',
  ] as const)
    put(out, `feedback.${key}`, fb[key]);
  put(out, 'satisfaction.responses', f.satisfaction.responses);
  for (const c of f.satisfaction.criteria) {
    put(out, `satisfaction.criteria.${c.criterion}.mean`, c.mean);
    put(out, `satisfaction.criteria.${c.criterion}.responses`, c.responses);
  }
  for (const [key, value] of Object.entries(f.oversight)) put(out, `oversight.${key}`, value);
  put(out, 'taskReports.count', f.taskReports.length);
  put(out, 'taskReports.done', f.taskReports.filter((r) => r.status === 'done').length);
  return out;
}

/**
 * Every number that differs between two snapshots, in the order of the figures. A number present on one side
 * only (a new unit, kind, field, ...) is listed with null on the other side, unless it is 0 there.
 */
export function diffFigures(before: Figures, after: Figures): Change[] {
  const a = flatten(before);
  const b = flatten(after);
  // In the order of the figures: the new snapshot's paths, each one only in the old one after its predecessor.
  const paths = [...b.keys()];
  let previous: string | null = null;
  for (const key of a.keys()) {
    if (!b.has(key)) paths.splice(previous === null ? 0 : paths.indexOf(previous) + 1, 0, key);
    previous = key;
  }
  const changes: Change[] = [];
  for (const path of paths) {
    const x = a.has(path) ? a.get(path)! : null;
    const y = b.has(path) ? b.get(path)! : null;
    if (x === y) continue;
    if ((x === null && y === 0 && !a.has(path)) || (y === null && x === 0 && !b.has(path))) continue;
    changes.push({ path, before: x, after: y });
  }
  return changes;
}

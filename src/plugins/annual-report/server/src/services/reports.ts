/**
 * The lifecycle of an annual report: a draft freezes the figures of its period (services/figures.ts) into its
 * snapshot with a prefilled narrative, is recomputed and edited until it is issued, then no longer changes.
 * Writes are conditional on the version read (→ 409 when someone else changed it).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ConflictError } from '#domain/errors';
import { day, iso, num } from '#infra/stored-values';
import { assertVersion, versionedUpdate } from '#infra/versioned-update';
import { difficultyTable } from '#oversight/tables';
import { reportPeriod } from '#domain/organization';
import type { Figures, Narrative, ReportHeading } from '../domain/figures';
import { diffFigures, type Change } from '../domain/figures-rules';
import { prefillNarrative, type DifficultyFact } from '../domain/narrative';
import { profileOn } from './organization-profile';
import type { CreateInput, ListQuery, NarrativeInput } from '../domain/report-input';
import { PLUGIN_ID, UIDS } from '../permissions';
import { reportQueries, type Period, type Raw } from './report-queries';

type FiguresService = ReturnType<typeof import('./figures').default>;

/** A write refused because the report is issued (→ 400 on `state`). */
export class IssuedError extends Error {
  constructor() {
    super('The report is issued: it can no longer be changed.');
    this.name = 'IssuedError';
  }
}

export interface ReportView extends ReportHeading {
  number: string | null;
  recipients: string | null;
  computedAt: string | null;
  issuedAt: string | null;
  issuedByName: string | null;
  createdByName: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  version: number;
}

export interface ReportDetail extends ReportView {
  snapshot: Figures | null;
  narrative: Narrative | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const figures = () => strapi.plugin(PLUGIN_ID).service('figures') as FiguresService;
  const { boundsOf, unitOf, unitLookup } = reportQueries(strapi);

  /** The difficulties raised in the period (what and proposal, with the unit's name), for the narrative. */
  async function difficultiesOf(period: Period): Promise<DifficultyFact[]> {
    const { start, end } = await boundsOf(period);
    const difficulty = difficultyTable(strapi);
    const d = difficulty.at('d');
    const rows: Raw[] = await knex()(`${difficulty.table} as d`)
      .where(d.reportedAt, '>=', start)
      .where(d.reportedAt, '<', end)
      .select(`${d.what} as what`, `${d.proposal} as proposal`, unitOf(difficulty, 'd'))
      .orderBy([
        { column: d.reportedAt, order: 'asc' },
        { column: d.id, order: 'asc' },
      ]);
    const unitOfRow = await unitLookup(rows);
    return rows.map((r) => ({
      unitName: unitOfRow(r)?.name ?? null,
      what: (r.what as string) ?? '',
      proposal: (r.proposal as string | null) ?? null,
    }));
  }

  const REPORT_FIELDS = [
    'documentId',
    'title',
    'year',
    'periodFrom',
    'periodTo',
    'state',
    'number',
    'recipients',
    'computedAt',
    'issuedAt',
    'issuedByName',
    'createdByName',
    'createdAt',
    'updatedAt',
    'version',
  ] as const;

  const viewOf = (r: Raw): ReportView => ({
    documentId: r.documentId as string,
    title: r.title as string,
    year: num(r.year),
    periodFrom: day(r.periodFrom)!,
    periodTo: day(r.periodTo)!,
    state: r.state === 'issued' ? 'issued' : 'draft',
    number: (r.number as string | null) ?? null,
    recipients: (r.recipients as string | null) ?? null,
    computedAt: iso(r.computedAt),
    issuedAt: iso(r.issuedAt),
    issuedByName: (r.issuedByName as string | null) ?? null,
    createdByName: (r.createdByName as string | null) ?? null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    version: num(r.version),
  });

  const parseJson = <T>(value: unknown): T | null =>
    value === null || value === undefined
      ? null
      : typeof value === 'string'
        ? (JSON.parse(value) as T)
        : (value as T);

  async function row(documentId: string): Promise<Raw | null> {
    return (await strapi.db.query(UIDS.report).findOne({ where: { documentId } })) as Raw | null;
  }

  async function list(query: ListQuery) {
    const where: Raw = {};
    if (query.year !== undefined) where.year = query.year;
    if (query.state) where.state = query.state;
    const [rows, total] = await Promise.all([
      strapi.db.query(UIDS.report).findMany({
        where,
        select: [...REPORT_FIELDS],
        orderBy: [{ year: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
      strapi.db.query(UIDS.report).count({ where }),
    ]);
    return {
      results: (rows as Raw[]).map(viewOf),
      pagination: {
        page: query.page,
        pageSize: query.pageSize,
        pageCount: Math.ceil(num(total) / query.pageSize),
        total: num(total),
      },
    };
  }

  async function findOne(documentId: string): Promise<ReportDetail | null> {
    const r = await row(documentId);
    if (!r) return null;
    return {
      ...viewOf(r),
      snapshot: parseJson<Figures>(r.snapshot),
      narrative: parseJson<Narrative>(r.narrative),
    };
  }

  async function periodFor(input: CreateInput): Promise<{ year: number; period: Period }> {
    if (input.from && input.to)
      return { year: input.year ?? Number(input.to.slice(0, 4)), period: { from: input.from, to: input.to } };
    const orgs: Raw[] = await knex()(table('api::organization.organization'))
      .select('report_period_start', 'report_period_end', 'locale')
      .whereNotNull('published_at');
    const org = orgs.find((o) => o.locale === 'vi') ?? orgs[0];
    const valid = (v: unknown) => typeof v === 'string' && /^\d{2}-\d{2}$/.test(v);
    const start = valid(org?.report_period_start) ? (org!.report_period_start as string) : '12-15';
    const end = valid(org?.report_period_end) ? (org!.report_period_end as string) : '12-14';
    return { year: input.year!, period: reportPeriod(input.year!, start, end) };
  }

  async function create(input: CreateInput, userName: string): Promise<ReportDetail> {
    const { year, period } = await periodFor(input);
    const computed = await figures().computeFigures(period);
    const narrative = prefillNarrative(computed, await difficultiesOf(period));
    // "Nơi nhận" prefilled from the organization's data: the default list of the profile of the period.
    const profile = await profileOn(strapi, period.to).catch(() => null);
    const vn = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    const created = (await strapi.db.query(UIDS.report).create({
      data: {
        title: input.title ?? `Báo cáo kết quả năm ${year} (từ ${vn(period.from)} đến ${vn(period.to)})`,
        year,
        periodFrom: period.from,
        periodTo: period.to,
        state: 'draft',
        snapshot: computed,
        narrative,
        recipients: profile?.reportRecipients?.trim() || null,
        computedAt: new Date(computed.computedAt),
        createdByName: userName,
        version: 0,
      },
    })) as Raw;
    return (await findOne(created.documentId as string))!;
  }

  /**
   * One versioned UPDATE of a draft: 0 rows → the report was issued or changed meanwhile (ConflictError, 409).
   * Returns false when there is no such report.
   */
  async function update(documentId: string, version: number | undefined, changes: Raw): Promise<boolean> {
    const current = await row(documentId);
    if (!current) return false;
    if (current.state === 'issued') throw new IssuedError();
    const expected = version ?? num(current.version);
    assertVersion(num(current.version), expected, 'report');
    try {
      await versionedUpdate(strapi, UIDS.report, {
        where: { documentId, state: 'draft' },
        version: expected,
        data: { ...changes, updatedAt: new Date() },
        subject: 'report',
      });
    } catch (error) {
      // Issued meanwhile: say so rather than "reload".
      if (error instanceof ConflictError && (await row(documentId))?.state === 'issued') {
        throw new IssuedError();
      }
      throw error;
    }
    return true;
  }

  async function saveNarrative(documentId: string, input: NarrativeInput): Promise<ReportDetail | null> {
    const changes: Raw = { narrative: input.narrative };
    if (input.number !== undefined) changes.number = input.number;
    if (input.recipients !== undefined) changes.recipients = input.recipients;
    if (!(await update(documentId, input.version, changes))) return null;
    return findOne(documentId);
  }

  async function recompute(
    documentId: string,
    version?: number
  ): Promise<{ report: ReportDetail; changes: Change[] } | null> {
    const current = await findOne(documentId);
    if (!current) return null;
    if (current.state === 'issued') throw new IssuedError();
    const computed = await figures().computeFigures({ from: current.periodFrom, to: current.periodTo });
    const changes = current.snapshot ? diffFigures(current.snapshot, computed) : [];
    await update(documentId, version ?? current.version, {
      snapshot: computed,
      computedAt: new Date(computed.computedAt),
    });
    return { report: (await findOne(documentId))!, changes };
  }

  async function issue(documentId: string, input: { version: number; number: string }, userName: string) {
    const ok = await update(documentId, input.version, {
      state: 'issued',
      number: input.number,
      issuedAt: new Date(),
      issuedByName: userName,
    });
    return ok ? findOne(documentId) : null;
  }

  return { list, findOne, create, saveNarrative, recompute, issue };
};

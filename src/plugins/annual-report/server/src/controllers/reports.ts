import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { fieldError, type Language } from '#domain/errors';
import { requestLanguage } from '#utils/http';
import { validationError } from '#utils/errors';
import { bodyOf, queryOf, recordWrite, valid, type RecordWrite } from '#utils/requests';
import { displayName } from '#domain/unit-access';
// Every check of this controller's input lives there; named at each use so that the reader sees which.
import * as reportInput from '../domain/report-input';
import { ACTIONS } from '../permissions';
import { IssuedError } from '../services/reports';
import { getService } from '../utils';

/**
 * GET /reports, POST /reports, GET /reports/:documentId, PUT /reports/:documentId/narrative,
 * POST /reports/:documentId/recompute, POST /reports/:documentId/issue, GET /reports/:documentId/rows.
 * Validation: domain/report-input.ts; storage: services/reports.ts; figures: services/figures.ts; rows:
 * services/drill-downs.ts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'reports');
  const drillDowns = () => getService(strapi, 'drillDowns');
  const canManage = (ctx: Context) => ctx.state.userAbility?.can(ACTIONS.manage) === true;
  const userName = (ctx: Context) => displayName(ctx.state.user);

  /** The allowed actions on a report for this user. */
  const actionsOf = (ctx: Context, state: 'draft' | 'issued') => {
    const manage = canManage(ctx);
    return {
      canEdit: manage && state === 'draft',
      canRecompute: manage && state === 'draft',
      canIssue: manage && state === 'draft',
      canExport: manage,
    };
  };

  /** A report as the pages get it: with what this user may do with it. */
  const withActions = <Report extends { state: 'draft' | 'issued' }>(ctx: Context, report: Report) => ({
    data: { ...report, actions: actionsOf(ctx, report.state) },
  });

  const documentIdOf = (ctx: Context): string | null => {
    const id = String(ctx.params.documentId ?? '');
    return reportInput.DOCUMENT_ID.test(id) ? id : null;
  };

  /**
   * A write on the report of the path (recordWrite: 404 for an id that cannot be one, 409 for a stale version),
   * where a write to an issued report is a 400 on `state`.
   */
  const reportWrite = <Input, Done>(
    check: RecordWrite<Input, Done>['check'],
    write: (documentId: string, input: Input, ctx: Context) => Promise<Done | null>,
    reply: RecordWrite<Input, Done>['reply']
  ) =>
    recordWrite({
      documentId: documentIdOf,
      check,
      write: (ctx, documentId, input, language) =>
        unlessIssued(language, () => write(documentId, input, ctx)),
      reply,
    });

  const noStore = (ctx: Context) => ctx.set('Cache-Control', 'private, no-store');

  return {
    /** GET /reports?page=&pageSize=&year=&state= */
    async find(ctx: Context) {
      const query = valid(reportInput.parseListQuery(queryOf(ctx), requestLanguage(ctx)));
      noStore(ctx);
      const listed = await service().list(query);
      return { ...listed, meta: { canManage: canManage(ctx) } };
    },

    /** GET /reports/:documentId */
    async findOne(ctx: Context) {
      const id = documentIdOf(ctx);
      const found = id ? await service().findOne(id) : null;
      if (!found) return ctx.notFound();
      noStore(ctx);
      return withActions(ctx, found);
    },

    /** POST /reports { data: { year?, from?, to?, title? } } */
    async create(ctx: Context) {
      const input = valid(reportInput.validateCreate(bodyOf(ctx), requestLanguage(ctx)));
      const created = await service().create(input, userName(ctx));
      ctx.status = 201;
      noStore(ctx);
      return withActions(ctx, created);
    },

    /** PUT /reports/:documentId/narrative { narrative, number?, recipients?, version } */
    saveNarrative: reportWrite(
      reportInput.validateNarrative,
      (documentId, narrative) => service().saveNarrative(documentId, narrative),
      withActions
    ),

    /** POST /reports/:documentId/recompute { version? } */
    recompute: reportWrite(
      reportInput.validateRecompute,
      (documentId, { version }) => service().recompute(documentId, version),
      (ctx, { report, changes }) => ({ data: { report: withActions(ctx, report).data, changes } })
    ),

    /** POST /reports/:documentId/issue { version, number } */
    issue: reportWrite(
      reportInput.validateIssue,
      (documentId, issue, ctx) => service().issue(documentId, issue, userName(ctx)),
      withActions
    ),

    /** GET /reports/:documentId/rows?figure=&key=&page=&pageSize= */
    async rows(ctx: Context) {
      const id = documentIdOf(ctx);
      if (!id) return ctx.notFound();
      const query = valid(reportInput.parseRowsQuery(queryOf(ctx), requestLanguage(ctx)));
      const found = await drillDowns().rows(id, query);
      if (!found) return ctx.notFound();
      noStore(ctx);
      return found;
    },
  };
};

/** Runs a write on a report; the report being issued already is a 400 on `state`. */
async function unlessIssued<T>(language: Language, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof IssuedError)) throw error;
    throw validationError([
      fieldError(
        ['state'],
        'Báo cáo đã ban hành, không thể thay đổi.',
        'The report is issued: it can no longer be changed.',
        language
      ),
    ]);
  }
}

import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { unitAccessMessage, unitAccessRefusal, type UnitAccessInput } from '#domain/unit-access';
import { toOneRelationTarget } from '#utils/relations';
import { fieldError } from '#domain/errors';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import { ACTIONS, SUBMISSION_UID } from '../permissions';

const ARTICLE = 'api::article.article';
/** The content types that belong to a unit (RBAC condition in-my-units). */
const UNIT_SCOPED = new Set<string>([ARTICLE, SUBMISSION_UID]);
const WORKFLOW_FIELDS = ['state', 'version', 'assignee', 'article', 'publicUrl', 'submittedAt', 'dueDate'];
const CM_READ = 'plugin::content-manager.explorer.read';

interface AdminUser {
  id: number;
  roles?: { code: string }[];
}
interface RequestState {
  state?: {
    user?: AdminUser;
    userAbility?: { can(action: string, subject?: string): boolean };
    route?: { handler?: string; info?: { pluginName?: string } };
  };
  params?: Record<string, string | undefined>;
  query?: Record<string, unknown>;
  request: { body?: unknown; get(header: string): string };
}
type Params = {
  data?: Record<string, unknown>;
  documentId?: string;
  locale?: string;
  filters?: object;
};
type Row = { id: number; locale?: string | null; unit?: { id: number; documentId: string } | null };

/**
 * The admin user of the request when RBAC scopes them to their units (a unit editor), whatever the route. Nobody
 * else is judged here: no request (seeds, jobs), API tokens, super admins and the roles that read every unit.
 */
function restrictedUser(ctx: RequestState | undefined): AdminUser | null {
  const user = ctx?.state?.user;
  const ability = ctx?.state?.userAbility;
  if (!user || !ability || !Array.isArray(user.roles)) return null;
  if (user.roles.some((r) => r.code === 'strapi-super-admin') || ability.can(ACTIONS.readAll)) return null;
  return user;
}

/** The one unit-access check of the plugin, shared by the document middleware and the route guard. */
function unitAccess(strapi: Core.Strapi) {
  const mine = (user: AdminUser): Promise<number[]> =>
    strapi.plugin('unit-submissions').service('memberships').unitIdsOf(user.id);

  /** Every row of the document: each locale, draft and published. */
  const rowsOf = async (uid: string, documentId: string): Promise<Row[]> => {
    const model = strapi.getModel(uid as never) as { attributes?: object } | undefined;
    const localized = 'locale' in (model?.attributes ?? {});
    return (await strapi.db.query(uid as never).findMany({
      where: { documentId },
      select: localized ? ['id', 'locale'] : ['id'],
      populate: { unit: { select: ['id', 'documentId'] } },
    })) as Row[];
  };

  const unitIdOf = async (value: unknown): Promise<number | null | undefined> => {
    const target = toOneRelationTarget(value);
    if (!target) return target;
    const unit = await strapi.db.query('api::unit.unit').findOne({
      where: target.documentId ? { documentId: target.documentId } : { id: target.id },
      select: ['id'],
    });
    return unit?.id ?? -1;
  };

  const refuse = (ctx: RequestState, input: UnitAccessInput) => {
    const refusal = unitAccessRefusal(input);
    if (refusal) throw new errors.ForbiddenError(unitAccessMessage(refusal, requestLanguage(ctx.request)));
  };

  return { mine, rowsOf, unitIdOf, refuse };
}

/**
 * A unit editor reads and writes only documents whose every row belongs to their units, by any route that reaches
 * the document service: create, update (a new locale inherits the document's unit), clone (the source and the new
 * unit), publish, unpublish, discard draft, delete (bulk actions call these per document); lists and counts are
 * narrowed to their units. And nobody moves a submission through its workflow by editing fields in the Content
 * Manager: only the submission routes do that.
 */
export const unitGuardMiddleware = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  const access = unitAccess(strapi);
  return async (context, next) => {
    if (!UNIT_SCOPED.has(context.uid)) return next();
    const ctx = strapi.requestContext.get() as RequestState | undefined;
    const params = context.params as Params;
    const data = params.data ?? {};

    if (
      context.uid === SUBMISSION_UID &&
      ['create', 'update'].includes(context.action) &&
      ctx?.state?.route?.info?.pluginName === 'content-manager'
    ) {
      await refuseWorkflowEdits(strapi, params.documentId, context.action, data);
    }

    const user = restrictedUser(ctx);
    if (!ctx || !user) return next();
    const mine = await access.mine(user);

    if (['findMany', 'findFirst', 'count'].includes(context.action)) {
      params.filters = { $and: [params.filters ?? {}, { unit: { id: { $in: mine } } }] };
      return next();
    }
    if (context.action === 'create') {
      access.refuse(ctx, { mine, stored: [], target: await access.unitIdOf(data.unit) });
      return next();
    }
    if (!params.documentId) return next();
    const rows = await access.rowsOf(context.uid, params.documentId);
    if (rows.length === 0) return next();
    const stored = rows.map((r) => r.unit?.id ?? null);

    if (context.action === 'update' || context.action === 'clone') {
      const target = await access.unitIdOf(data.unit);
      const clone = context.action === 'clone';
      const written = rows.filter((r) => !params.locale || r.locale == null || r.locale === params.locale);
      access.refuse(ctx, {
        mine,
        stored,
        target,
        clone,
        siblings: written.length !== 1 || rows.length !== 1,
      });
      // A new locale belongs to the document's unit.
      if (!clone && written.length === 0 && target === undefined) {
        params.data = { ...data, unit: rows[0].unit?.documentId ?? null };
      }
      return next();
    }
    access.refuse(ctx, { mine, stored });
    return next();
  };
};

async function refuseWorkflowEdits(
  strapi: Core.Strapi,
  documentId: string | undefined,
  action: string,
  data: Record<string, unknown>
) {
  const stored = documentId
    ? await strapi.db.query(SUBMISSION_UID).findOne({
        where: { documentId },
        select: ['state', 'version', 'publicUrl', 'submittedAt', 'dueDate'],
      })
    : null;
  const changed = WORKFLOW_FIELDS.filter(
    (field) =>
      field in data && stored && field in stored && String(data[field] ?? '') !== String(stored[field] ?? '')
  );
  if (changed.length > 0 || (action === 'create' && data.state && data.state !== 'draft')) {
    throw new errors.ValidationError('The workflow moves only through the submission page.', {
      errors: changed.map((field) => ({
        path: [field],
        message: 'Use the submission page.',
        name: 'ValidationError',
      })),
    });
  }
}

/** The Content Manager and i18n routes that read rows past the document service, or sort past RBAC. */
export const GUARDED_ROUTES: Record<string, string[]> = {
  'content-manager': ['relations.findAvailable', 'relations.findExisting', 'collection-types.find'],
  i18n: ['content-types.getNonLocalizedAttributes'],
};

/** The attributes a list's `sort` orders by (first segment of each path), whatever its shape. */
const sortFields = (sort: unknown): string[] =>
  typeof sort === 'string'
    ? sort.split(',').map((part) => part.split(':')[0].split('.')[0].trim())
    : Array.isArray(sort)
      ? sort.flatMap(sortFields)
      : sort && typeof sort === 'object'
        ? Object.keys(sort)
        : [];

type Schema = {
  modelType: string;
  attributes: Record<string, { type: string; target?: string }>;
  config?: { attributes?: Record<string, { hidden?: boolean }> };
};

/**
 * The routes of GUARDED_ROUTES. The unit access of the document service, for the routes that read the database
 * directly. A relation is read only by whom may read the field and its target (Strapi 5.54 answers 500 when its
 * own check refuses): else 403. A list is not sorted by a field the user may not read, or hidden from everyone
 * (Strapi filters drop such fields, but its sort keeps them: an ordering oracle).
 */
export const routeGuard = (strapi: Core.Strapi) => {
  const access = unitAccess(strapi);
  const checker = (ctx: RequestState, model: string) =>
    strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ctx.state?.userAbility, model });
  return async (ctx: RequestState, next: () => Promise<unknown>) => {
    const handler = ctx.state?.route?.handler;
    const user = restrictedUser(ctx);
    let uid: string | undefined;
    let documentId: string | undefined;

    if (handler === 'collection-types.find') {
      const model = ctx.params?.model ?? '';
      const schema = strapi.getModel(model as never) as Schema | undefined;
      const unreadable = sortFields(ctx.query?.sort).filter(
        (field) =>
          schema?.attributes[field] &&
          (schema.config?.attributes?.[field]?.hidden || checker(ctx, model).cannot.read(null, field))
      );
      if (unreadable.length > 0) {
        throw validationError([
          fieldError(
            ['sort'],
            `Không thể sắp xếp theo: ${unreadable.join(', ')}.`,
            `Cannot sort by: ${unreadable.join(', ')}.`,
            requestLanguage(ctx.request)
          ),
        ]);
      }
    } else if (handler?.startsWith('relations.')) {
      const { model = '', targetField = '' } = ctx.params ?? {};
      const schema = strapi.getModel(model as never) as Schema | undefined;
      const attribute = schema?.attributes[targetField];
      if (!schema || attribute?.type !== 'relation') return next();
      if (schema.modelType !== 'component' && checker(ctx, model).cannot.read(null, targetField)) {
        throw new errors.ForbiddenError();
      }
      if (user && attribute.target && !ctx.state?.userAbility?.can(CM_READ, attribute.target)) {
        throw new errors.ForbiddenError();
      }
      uid = model;
      documentId = ctx.params?.id ?? (typeof ctx.query?.id === 'string' ? ctx.query.id : undefined);
    } else {
      const { model, id } = (ctx.request.body ?? {}) as { model?: string; id?: number };
      if (user && model && UNIT_SCOPED.has(model) && Number.isInteger(Number(id))) {
        const row = await strapi.db
          .query(model as never)
          .findOne({ where: { id: Number(id) }, select: ['documentId'] });
        uid = model;
        documentId = row?.documentId;
      }
    }

    if (user && uid && documentId && UNIT_SCOPED.has(uid)) {
      const stored = (await access.rowsOf(uid, documentId)).map((r) => r.unit?.id ?? null);
      if (stored.length > 0) access.refuse(ctx, { mine: await access.mine(user), stored });
    }
    return next();
  };
};

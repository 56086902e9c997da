import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validationError } from '#utils/errors';
import {
  decideCreate,
  decideDelete,
  decideUpdate,
  type FieldError,
  type StoredVersion,
} from '#domain/procedure-versioning';
import { toOneRelationTarget, type RelationTarget } from '#utils/relations';

const UID = 'api::procedure.procedure';

const today = () => new Date().toISOString().slice(0, 10);

type Row = {
  documentId: string;
  nationalCode: string;
  legalStatus: StoredVersion['legalStatus'];
  effectiveFrom: string | null;
  effectiveTo: string | null;
  previousVersion: { documentId: string } | null;
  nextVersion: { documentId: string } | null;
};

/** Keeps procedure history: amendments become new linked versions, and old versions are frozen. */
export const procedureHistoryMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== UID) return next();
    const rows = strapi.db.query(UID);

    // Every row of a document (locales, draft and published) shares its legal status; relations are per locale.
    const loadVersion = async (target: RelationTarget): Promise<StoredVersion | null> => {
      let documentId = target.documentId;
      if (!documentId && target.id) {
        documentId = (await rows.findOne({ where: { id: target.id }, select: ['documentId'] }))?.documentId;
      }
      if (!documentId) return null;
      const found = (await rows.findMany({
        where: { documentId },
        select: ['documentId', 'nationalCode', 'legalStatus', 'effectiveFrom', 'effectiveTo'],
        populate: { previousVersion: { select: ['documentId'] }, nextVersion: { select: ['documentId'] } },
      })) as Row[];
      if (found.length === 0) return null;
      const [{ previousVersion: _p, nextVersion: _n, ...first }] = found;
      return {
        ...first,
        previousDocumentId: found.find((r) => r.previousVersion)?.previousVersion?.documentId ?? null,
        hasNextVersion: found.some((r) => r.nextVersion),
      };
    };

    const fail = (fieldErrors: FieldError[]) => {
      throw validationError(fieldErrors);
    };

    // On a refused creation, report Strapi's own field errors too, so the editor fixes everything at once.
    const failCreate = async (fieldErrors: FieldError[], data: Record<string, unknown>) => {
      const paths = new Set(fieldErrors.map((e) => e.path.join('.')));
      try {
        await strapi.entityValidator.validateEntityCreation(strapi.contentType(UID), data as never, {
          isDraft: true,
        });
      } catch (e) {
        if (!(e instanceof errors.ValidationError)) throw e;
        const details = (e.details as { errors?: FieldError[] }).errors ?? [];
        fieldErrors.push(...details.filter((d) => !paths.has(d.path.join('.'))));
      }
      fail(fieldErrors);
    };

    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = params.data ?? {};
    const previousTarget = toOneRelationTarget(data.previousVersion);
    const previous = previousTarget ? await loadVersion(previousTarget) : null;
    if (previousTarget && !previous) {
      fail([{ path: ['previousVersion'], message: 'The previous version does not exist.' }]);
    }

    if (context.action === 'create') {
      const inForce = await rows.findMany({
        where: { nationalCode: data.nationalCode, legalStatus: 'in_force' },
        select: ['documentId'],
      });
      const otherInForce = [...new Set(inForce.map((r: { documentId: string }) => r.documentId))].filter(
        (id) => id !== previous?.documentId
      );
      const decision = decideCreate(data, previous, otherInForce, today());
      if (decision.errors.length > 0) await failCreate(decision.errors, data);
      const { freezePrevious } = decision;
      if (!freezePrevious) return next();
      return strapi.db.transaction(async () => {
        const created = await next();
        await rows.updateMany({
          where: { documentId: freezePrevious.documentId },
          data: { legalStatus: 'amended', effectiveTo: freezePrevious.effectiveTo },
        });
        return created;
      });
    }

    if ((context.action === 'update' || context.action === 'delete') && params.documentId) {
      const stored = await loadVersion({ documentId: params.documentId });
      if (stored) {
        const fieldErrors =
          context.action === 'update'
            ? decideUpdate(stored, {
                ...data,
                previousVersion: previousTarget === undefined ? undefined : (previous?.documentId ?? null),
              })
            : decideDelete(stored);
        if (fieldErrors.length > 0) fail(fieldErrors);
      }
    }
    return next();
  };

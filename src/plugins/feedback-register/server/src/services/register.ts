/**
 * The register, read (service `register`): who is asking (`accessOf`), the list and its "waiting for me" counts,
 * one feedback as this user may see it, its history and the preview of what would be published.
 * The moves are services/transitions.ts, a feedback recorded by the Office services/registration.ts, the CSV
 * services/csv-export.ts.
 */
import type { Core } from '@strapi/strapi';
import { cleanFileName } from '#domain/file-names';
import { currentDueDate, daysLeft } from '#domain/feedback-deadlines';
import { dueWindow, type WaitingItem } from '#domain/waiting';
import { localDate } from '#domain/working-days';
import type { Ability, AdminUser } from '#domain/unit-access';
import { organizationSettings } from '#infra/organization-settings';
import { unitAccess } from '#api/unit/services/access';
import { publicTexts } from '../domain/public-texts';
import { feedbackWaitingLines } from '../domain/waiting';
import type { RegisterFilters, RegisterSortKey } from '../domain/register-input';
import { allowedTransitions, ANSWER_EDITABLE, FEEDBACK_STATES } from '../domain/workflow';
import { FEEDBACK_UID } from '../permissions';
import { getService } from '../utils';
import {
  ACCESS,
  actorsFor,
  isoDay,
  feedbackRecords,
  POPULATE,
  seesPersonalData,
  today,
  type Access,
  type StoredFeedback,
} from './feedback-records';
import { currentDueOf, registerQuery } from './register-query';

const STATE_ORDER_SQL = `CASE f.state ${FEEDBACK_STATES.map((state, index) => `WHEN '${state}' THEN ${index}`).join(' ')} END`;

/** How each sortable column orders the register (empty values last), ties broken by id so pages never overlap. */
const sortSql = (currentDue: string): Record<RegisterSortKey, string> => ({
  receivedAt: 'f.received_at',
  subject: 'lower(f.subject)',
  state: STATE_ORDER_SQL,
  unit: 'u.name',
  dueDate: currentDue,
});

const orderOf = (sort: RegisterFilters['sort'], currentDue: string) => {
  if (!sort) return `(${currentDue}) is null, (${currentDue}) asc, f.received_at desc, f.id desc`;
  const column = `(${sortSql(currentDue)[sort.key]})`;
  return `${column} is null, ${column} ${sort.direction}, f.id ${sort.direction}`;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(FEEDBACK_UID);

  /** The staff view of one feedback: the submitter's data only for those who may see it. */
  async function view(access: Access, feedback: StoredFeedback) {
    const personal = seesPersonalData(access, feedback);
    const consented = Boolean(feedback.consent?.publishAnswer);
    const due = currentDueDate({ ...feedback, publishAnswer: consented });
    const { calendar } = await organizationSettings(strapi);
    const now = await today(strapi);
    const actors = actorsFor(access, feedback);
    const {
      fullName,
      address,
      phone,
      email,
      attachments,
      id: _id,
      trackingCodeHash: _hash,
      consent: _consent,
      anonymizedAt: _anonymizedAt,
      ...rest
    } = feedback;
    return {
      ...rest,
      handlingUnit: feedback.handlingUnit
        ? { id: feedback.handlingUnit.id, code: feedback.handlingUnit.code, name: feedback.handlingUnit.name }
        : null,
      consent: { publishAnswer: consented },
      currentDueDate: due,
      daysLeft: due ? daysLeft(now, due, calendar) : null,
      overdue: due !== null && due < now,
      anonymised: Boolean(feedback.anonymizedAt),
      submitter: personal ? { fullName, address, phone, email } : null,
      // Names stored before they were cleaned at intake are cleaned on the way out.
      attachments: personal
        ? attachments.map((file: { originalName: string | null }) => ({
            ...file,
            originalName: cleanFileName(file.originalName),
          }))
        : [],
      allowedTransitions: allowedTransitions(feedback.state, actors, consented).map((t) => ({
        to: t.to,
        needs: t.needs,
        corrects: t.corrects ?? [],
      })),
      canEditAnswer: actors.includes('unit') && ANSWER_EDITABLE.includes(feedback.state),
    };
  }

  return {
    accessOf(user: AdminUser, ability: Ability): Promise<Access> {
      return unitAccess(strapi).of(user, ability, ACCESS);
    },

    async list(access: Access, filters: RegisterFilters) {
      const { calendar, timeZone } = await organizationSettings(strapi);
      const now = localDate(new Date(), timeZone);
      const base = registerQuery(strapi, access, filters, now, timeZone);
      const currentDue = currentDueOf(strapi);
      const [{ total }] = await base.clone().count({ total: 'f.id' });
      const found = await base
        .clone()
        .select(
          'f.document_id as documentId',
          'f.subject',
          'f.kind',
          'f.channel',
          'f.state',
          'f.received_at as receivedAt',
          'f.on_time as onTime',
          'u.id as unitId',
          'u.code as unitCode',
          'u.name as unitName',
          strapi.db.connection.raw(`${currentDue} as current_due`)
        )
        .orderByRaw(orderOf(filters.sort, currentDue))
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize);
      const withProcedure = (await rows().findMany({
        where: { documentId: { $in: found.map((r: { documentId: string }) => r.documentId) } },
        select: ['documentId'],
        populate: { procedure: POPULATE.procedure },
      })) as Pick<StoredFeedback, 'documentId' | 'procedure'>[];
      const procedures = new Map(withProcedure.map((r) => [r.documentId, r.procedure]));
      const results = found.map((r: Record<string, unknown>) => {
        const due = r.current_due ? isoDay(r.current_due) : null;
        const procedure = procedures.get(r.documentId as string);
        return {
          documentId: r.documentId,
          subject: r.subject,
          kind: r.kind,
          channel: r.channel,
          state: r.state,
          receivedAt: new Date(r.receivedAt as string | number).toISOString(),
          handlingUnit: r.unitId ? { id: r.unitId, code: r.unitCode, name: r.unitName } : null,
          procedure: procedure
            ? { documentId: procedure.documentId, nationalCode: procedure.nationalCode, name: procedure.name }
            : null,
          currentDueDate: due,
          daysLeft: due ? daysLeft(now, due, calendar) : null,
          overdue: due !== null && due < now,
          onTime: r.onTime === null || r.onTime === undefined ? null : Boolean(r.onTime),
        };
      });
      const count = Number(total);
      return {
        results,
        pagination: {
          page: filters.page,
          pageSize: filters.pageSize,
          pageCount: Math.ceil(count / filters.pageSize),
          total: count,
        },
      };
    },

    /**
     * "Waiting for me": how many feedbacks wait for this user's next move (domain/waiting.ts), among the rows the
     * register shows them (registerQuery), with how many of them are overdue or due soon on the deadline of the step
     * they wait for; one count query per line.
     */
    async waiting(access: Access): Promise<WaitingItem[]> {
      const { timeZone } = await organizationSettings(strapi);
      const now = localDate(new Date(), timeZone);
      const { today, soonUntil } = dueWindow(now);
      const knex = strapi.db.connection;
      const currentDue = currentDueOf(strapi);
      const lines = feedbackWaitingLines({ canAnswer: access.canAnswer, canHandle: access.canHandle });
      return Promise.all(
        lines.map(async (line) => {
          const query = registerQuery(strapi, access, { state: line.state, overdue: false }, now, timeZone);
          if (line.publicationPending) query.whereNotNull('f.publication_due_date');
          const [row] = (await query.select(
            knex.raw('count(f.id) as total'),
            knex.raw(`sum(case when (${currentDue}) < ? then 1 else 0 end) as overdue`, [today]),
            knex.raw(`sum(case when (${currentDue}) between ? and ? then 1 else 0 end) as due_soon`, [
              today,
              soonUntil,
            ])
          )) as { total: unknown; overdue: unknown; due_soon: unknown }[];
          return {
            key: line.key,
            count: Number(row?.total ?? 0),
            overdue: Number(row?.overdue ?? 0),
            dueSoon: Number(row?.due_soon ?? 0),
          };
        })
      );
    },

    /** The feedback with what this user may see and do; null when it is not theirs to see. */
    async findOne(access: Access, documentId: string) {
      const feedback = await feedbackRecords(strapi).seen(access, documentId);
      return feedback ? view(access, feedback) : null;
    },

    async historyOf(access: Access, documentId: string) {
      const feedback = await feedbackRecords(strapi).seen(access, documentId);
      return feedback ? getService(strapi, 'history').of(documentId) : null;
    },

    /** The Office's suggestion for what the public sees: the texts without the submitter's personal data. */
    async publicationPreview(access: Access, documentId: string) {
      const feedback = await feedbackRecords(strapi).seen(access, documentId);
      return feedback ? publicTexts(feedback, {}) : null;
    },
  };
};

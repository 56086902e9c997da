import type { Core } from '@strapi/strapi';
import { fieldError, type Language } from '#domain/errors';
import { cleanFileName } from '#domain/file-names';
import {
  closedOnTime,
  currentDueDate,
  daysLeft,
  deadlinesOnReceipt,
  publicationDueDate,
  type DatedFeedback,
  unitDueDateOf,
} from '#domain/feedback-deadlines';
import { effectiveProfile } from '#domain/organization';
import { dueWindow, type WaitingItem } from '#domain/waiting';
import { generateTrackingCode, hashTrackingCode, normalizeTrackingCode } from '#domain/tracking-code';
import { localDate, startOfLocalDay } from '#domain/working-days';
import { enqueueMail } from '#infra/outbox';
import { organizationSettings } from '#infra/organization-settings';
import { idsLinkedTo, linkTable } from '#infra/relation-queries';
import { validationError } from '#utils/errors';
import { publishedProcedure } from '#utils/public-intake';
import { mailsForTransition, type Audience } from '../domain/notifications';
import { redactPersonalData, type Submitter } from '../domain/redaction';
import { feedbackWaitingLines } from '../domain/waiting';
import type {
  Registration,
  RegisterFilters,
  RegisterSortKey,
  TransitionBody,
} from '../domain/register-input';
import {
  allowedTransitions,
  ANSWER_EDITABLE,
  decideTransition,
  FEEDBACK_STATES,
  problemMessage,
  unitDueDateMessage,
  type Actor,
  type FeedbackState,
} from '../domain/workflow';
import { ACTIONS, FEEDBACK_UID, PLUGIN_ID } from '../permissions';

/** Who is asking, and what they may do: computed once per request. */
export interface Access {
  user: { id: number; name: string };
  unitIds: number[];
  readAll: boolean;
  canHandle: boolean;
  canAnswer: boolean;
  isSuperAdmin: boolean;
}

interface Ability {
  can(action: string): boolean;
}

interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email: string;
  roles?: { code: string }[];
}

interface UnitRef {
  id: number;
  documentId: string;
  code: string;
  name: string;
  email?: string | null;
}

export interface StoredFeedback extends Omit<DatedFeedback, 'publishAnswer'>, Submitter {
  id: number;
  trackingCodeHash: string;
  documentId: string;
  subject: string;
  content: string;
  kind: string;
  channel: string;
  language: 'vi' | 'en';
  receivedAt: string;
  answer: string | null;
  answeredAt: string | null;
  notAcceptedReason: string | null;
  receivingAgency: string | null;
  transferLetterNumber: string | null;
  publicSubject: string | null;
  publicContent: string | null;
  publicAnswer: string | null;
  answerPublished: boolean;
  answerPublishedAt: string | null;
  onTime: boolean | null;
  publicationOnTime: boolean | null;
  closedAt: string | null;
  anonymizedAt: string | null;
  version: number;
  consent: { publishAnswer: boolean } | null;
  handlingUnit: UnitRef | null;
  procedure: { documentId: string; nationalCode: string; name: string } | null;
  attachments: { documentId: string; originalName: string | null; mime: string; size: number }[];
}

export class ConflictError extends Error {
  constructor() {
    super('The feedback was changed by someone else: reload it and try again.');
    this.name = 'ConflictError';
  }
}

const displayName = (user: Pick<AdminUser, 'firstname' | 'lastname' | 'email'>) =>
  [user.lastname, user.firstname].filter(Boolean).join(' ') || user.email;

const UNIT_FIELDS = ['id', 'documentId', 'code', 'name', 'email'];
const POPULATE = {
  handlingUnit: { select: UNIT_FIELDS },
  procedure: { select: ['documentId', 'nationalCode', 'name'] },
  attachments: { select: ['documentId', 'originalName', 'mime', 'size'] },
  consent: { select: ['publishAnswer'] },
};

// The due date of the step a feedback waits for, in SQL (see currentDueDate); publicationDueDate is only set when
// the submitter agreed to publication.
const CURRENT_DUE_SQL = `CASE
  WHEN f.state = 'received' THEN f.classification_due_date
  WHEN f.state = 'assigned' THEN COALESCE(f.unit_due_date, f.due_date)
  WHEN f.state IN ('accepted', 'answer_drafted', 'answer_approved') THEN f.due_date
  WHEN f.state = 'answered' THEN f.publication_due_date
END`;

const STATE_ORDER_SQL = `CASE f.state ${FEEDBACK_STATES.map((state, index) => `WHEN '${state}' THEN ${index}`).join(' ')} END`;

/** How each sortable column orders the register (empty values last), ties broken by id so pages never overlap. */
const SORT_SQL: Record<RegisterSortKey, string> = {
  receivedAt: 'f.received_at',
  subject: 'lower(f.subject)',
  state: STATE_ORDER_SQL,
  unit: 'u.name',
  dueDate: CURRENT_DUE_SQL,
};

const orderOf = (sort: RegisterFilters['sort']) => {
  if (!sort) return `(${CURRENT_DUE_SQL}) is null, (${CURRENT_DUE_SQL}) asc, f.received_at desc, f.id desc`;
  const column = `(${SORT_SQL[sort.key]})`;
  return `${column} is null, ${column} ${sort.direction}, f.id ${sort.direction}`;
};

const CSV_COLUMNS = [
  'receivedAt',
  'channel',
  'kind',
  'subject',
  'state',
  'handlingUnit',
  'dueDate',
  'answeredAt',
  'onTime',
  'answerPublished',
];

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.plugin('unit-submissions').service('memberships');
  const history = () => strapi.plugin(PLUGIN_ID).service('history');
  const rows = () => strapi.db.query(FEEDBACK_UID);
  const docs = () =>
    strapi.documents(FEEDBACK_UID as never) as unknown as {
      create(params: object): Promise<{ documentId: string }>;
      update(params: object): Promise<unknown>;
    };

  const adminLink = (documentId: string) =>
    `${strapi.config.get('admin.absoluteUrl', '')}/plugins/${PLUGIN_ID}/feedbacks/${documentId}`;

  const load = async (documentId: string): Promise<StoredFeedback | null> =>
    (await rows().findOne({ where: { documentId }, populate: POPULATE })) as StoredFeedback | null;

  const inMyUnits = (access: Access, feedback: Pick<StoredFeedback, 'handlingUnit'>) =>
    access.isSuperAdmin ||
    (feedback.handlingUnit !== null && access.unitIds.includes(feedback.handlingUnit.id));

  const visible = (access: Access, feedback: StoredFeedback) => access.readAll || inMyUnits(access, feedback);

  /** Decree 13/2023: the submitter's data is for the Office and the unit handling the feedback. */
  const seesPersonalData = (access: Access, feedback: StoredFeedback) =>
    access.canHandle || (access.canAnswer && inMyUnits(access, feedback));

  const actorsFor = (access: Access, feedback: StoredFeedback): Actor[] => [
    ...(access.canHandle ? (['office'] as const) : []),
    ...(access.canAnswer && inMyUnits(access, feedback) ? (['unit'] as const) : []),
  ];

  const today = async () => {
    const { timeZone } = await organizationSettings(strapi);
    return localDate(new Date(), timeZone);
  };

  async function organizationName(onDate: string): Promise<string> {
    const organization = await strapi.db.query('api::organization.organization').findOne({
      where: { locale: 'vi', publishedAt: { $notNull: true } },
      populate: { profiles: true },
    });
    const profile = effectiveProfile(
      (organization?.profiles ?? []) as { validFrom: string; issuingBody?: string }[],
      onDate
    );
    return profile?.issuingBody ?? '';
  }

  async function recipients(
    audience: Audience,
    feedback: StoredFeedback,
    unit: UnitRef | null
  ): Promise<string[]> {
    if (audience === 'submitter') return feedback.email ? [feedback.email] : [];
    if (audience === 'office') {
      const users = await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { code: 'office' } },
        select: ['email'],
      });
      return users.map((u: { email: string }) => u.email);
    }
    if (!unit) return [];
    const memberIds: number[] = await memberships().userIdsOf(unit.id);
    const members = memberIds.length
      ? await strapi.db
          .query('admin::user')
          .findMany({ where: { id: { $in: memberIds }, isActive: true }, select: ['email'] })
      : [];
    return [
      ...new Set([unit.email, ...members.map((u: { email: string }) => u.email)].filter(Boolean)),
    ] as string[];
  }

  /** The staff view of one feedback: the submitter's data only for those who may see it. */
  async function view(access: Access, feedback: StoredFeedback) {
    const personal = seesPersonalData(access, feedback);
    const consented = Boolean(feedback.consent?.publishAnswer);
    const due = currentDueDate({ ...feedback, publishAnswer: consented });
    const { calendar } = await organizationSettings(strapi);
    const now = await today();
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

  /** The register's rows for a filter, with the handling unit and procedure joined. */
  function registerQuery(
    access: Access,
    filters: Omit<RegisterFilters, 'page' | 'pageSize'>,
    now: string,
    timeZone: string
  ) {
    const knex = strapi.db.connection;
    const meta = strapi.db.metadata.get(FEEDBACK_UID);
    const unitLink = linkTable(strapi, FEEDBACK_UID, 'handlingUnit');
    // A feedback has one handling unit row; its procedure has a draft and a published row (per locale), so the
    // procedure is a filter here (a subquery) and is read for the page's rows only, or rows would repeat.
    const query = knex(`${meta.tableName} as f`)
      .leftJoin(`${unitLink.name} as ul`, `ul.${unitLink.joinColumn.name}`, 'f.id')
      .leftJoin(
        `${strapi.db.metadata.get('api::unit.unit').tableName} as u`,
        'u.id',
        `ul.${unitLink.inverseJoinColumn.name}`
      );
    if (!access.readAll && !access.isSuperAdmin)
      query.whereIn('u.id', access.unitIds.length ? access.unitIds : [-1]);
    if (filters.state) query.where('f.state', filters.state);
    if (filters.kind) query.where('f.kind', filters.kind);
    if (filters.unit) query.where('u.id', filters.unit);
    if (filters.procedure) {
      query.whereIn(
        'f.id',
        idsLinkedTo(strapi, {
          uid: FEEDBACK_UID,
          attribute: 'procedure',
          targetUid: 'api::procedure.procedure',
          documentId: filters.procedure,
        })
      );
    }
    // Received dates are instants; the filter's days are the organization's calendar days.
    if (filters.receivedFrom)
      query.where('f.received_at', '>=', startOfLocalDay(filters.receivedFrom, timeZone));
    if (filters.receivedTo)
      query.where('f.received_at', '<', startOfLocalDay(nextDay(filters.receivedTo), timeZone));
    if (filters.overdue) query.whereRaw(`(${CURRENT_DUE_SQL}) < ?`, [now]);
    if (filters.q) {
      const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.whereRaw(`lower(f.subject) like ? escape '\\'`, [pattern]);
    }
    return query;
  }

  return {
    async accessOf(user: AdminUser, ability: Ability): Promise<Access> {
      const isSuperAdmin = (user.roles ?? []).some((r) => r.code === 'strapi-super-admin');
      return {
        user: { id: user.id, name: displayName(user) },
        unitIds: await memberships().unitIdsOf(user.id),
        readAll: isSuperAdmin || ability.can(ACTIONS.readAll),
        canHandle: ability.can(ACTIONS.handle),
        canAnswer: ability.can(ACTIONS.answer),
        isSuperAdmin,
      };
    },

    async list(access: Access, filters: RegisterFilters) {
      const { calendar, timeZone } = await organizationSettings(strapi);
      const now = localDate(new Date(), timeZone);
      const base = registerQuery(access, filters, now, timeZone);
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
          strapi.db.connection.raw(`${CURRENT_DUE_SQL} as current_due`)
        )
        .orderByRaw(orderOf(filters.sort))
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

    /** The register as CSV, streamed page by page: no personal data, the subject redacted. */
    async *exportCsv(
      access: Access,
      filters: Omit<RegisterFilters, 'page' | 'pageSize'>
    ): AsyncGenerator<string> {
      const { timeZone } = await organizationSettings(strapi);
      const now = localDate(new Date(), timeZone);
      yield `\ufeff${CSV_COLUMNS.join(',')}\r\n`;
      const PAGE = 500;
      let lastId = 0;
      for (;;) {
        const batch = await registerQuery(access, filters, now, timeZone)
          .select(
            'f.id',
            'f.received_at',
            'f.channel',
            'f.kind',
            'f.subject',
            'f.state',
            'u.name as unit_name',
            'f.due_date',
            'f.answered_at',
            'f.on_time',
            'f.answer_published',
            'f.full_name',
            'f.address',
            'f.phone',
            'f.email'
          )
          .where('f.id', '>', lastId)
          .orderBy('f.id', 'asc')
          .limit(PAGE);
        for (const r of batch) {
          const submitter = { fullName: r.full_name, address: r.address, phone: r.phone, email: r.email };
          yield `${[
            new Date(r.received_at).toISOString(),
            r.channel,
            r.kind,
            redactPersonalData(r.subject, submitter),
            r.state,
            r.unit_name,
            r.due_date ? isoDay(r.due_date) : '',
            r.answered_at ? new Date(r.answered_at).toISOString() : '',
            r.on_time === null ? '' : Boolean(r.on_time),
            Boolean(r.answer_published),
          ]
            .map(csvCell)
            .join(',')}\r\n`;
        }
        if (batch.length < PAGE) return;
        lastId = batch[batch.length - 1].id;
      }
    },

    /** The feedback with what this user may see and do; null when it is not theirs to see. */
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
      const lines = feedbackWaitingLines({ canAnswer: access.canAnswer, canHandle: access.canHandle });
      return Promise.all(
        lines.map(async (line) => {
          const query = registerQuery(access, { state: line.state, overdue: false }, now, timeZone);
          if (line.publicationPending) query.whereNotNull('f.publication_due_date');
          const [row] = (await query.select(
            knex.raw('count(f.id) as total'),
            knex.raw(`sum(case when (${CURRENT_DUE_SQL}) < ? then 1 else 0 end) as overdue`, [today]),
            knex.raw(`sum(case when (${CURRENT_DUE_SQL}) between ? and ? then 1 else 0 end) as due_soon`, [
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

    async findOne(access: Access, documentId: string) {
      const feedback = await load(documentId);
      if (!feedback || !visible(access, feedback)) return null;
      return view(access, feedback);
    },

    async historyOf(access: Access, documentId: string) {
      const feedback = await load(documentId);
      if (!feedback || !visible(access, feedback)) return null;
      return history().of(documentId);
    },

    /** The Office's suggestion for what the public sees: the texts without the submitter's personal data. */
    async publicationPreview(access: Access, documentId: string) {
      const feedback = await load(documentId);
      if (!feedback || !visible(access, feedback)) return null;
      return publicTexts(feedback, {});
    },

    /** A feedback the Office received by phone, on paper or by e-mail, with its tracking code for the submitter. */
    async register(access: Access, registration: Registration, procedureId: string | null) {
      const { calendar, timeZone, deadlines } = await organizationSettings(strapi);
      const trackingCode = generateTrackingCode();
      const { feedback: input, channel, receivedAt } = registration;
      const due = deadlinesOnReceipt(localDate(receivedAt, timeZone), deadlines, calendar);
      const documentId = await strapi.db.transaction(async () => {
        const created = await docs().create({
          data: {
            fullName: input.fullName,
            address: input.address,
            phone: input.phone,
            email: input.email,
            kind: input.kind,
            subject: input.subject,
            content: input.content,
            channel,
            language: 'vi',
            procedure: procedureId,
            consent: {
              noticeVersion: (await organizationSettings(strapi)).privacyNotice.version,
              consentedAt: receivedAt,
              processing: true,
              publishAnswer: input.consent.publishAnswer,
            },
            trackingCodeHash: hashTrackingCode(normalizeTrackingCode(trackingCode)!),
            state: 'received',
            receivedAt,
            ...due,
            version: 0,
          },
        });
        await history().append({
          feedbackDocumentId: created.documentId,
          action: 'registered',
          toState: 'received',
          actor: access.user,
          details: { channel },
        });
        return created.documentId;
      });
      return { documentId, trackingCode };
    },

    /** The unit saves its draft answer without sending it yet. */
    async saveAnswer(
      access: Access,
      documentId: string,
      body: { answer: string; version: number },
      language: Language
    ) {
      const feedback = await load(documentId);
      if (!feedback || !visible(access, feedback)) return null;
      if (feedback.version !== body.version) throw new ConflictError();
      if (!actorsFor(access, feedback).includes('unit') || !ANSWER_EDITABLE.includes(feedback.state)) {
        throw validationError([
          fieldError(
            ['answer'],
            'Chỉ đơn vị được giao mới soạn trả lời, khi phản ánh đang ở đơn vị.',
            'Only the assigned unit writes the answer, while the feedback is with the unit.',
            language
          ),
        ]);
      }
      await strapi.db.transaction(async () => {
        await lockVersion(documentId, body.version, feedback.state);
        await docs().update({ documentId, data: { answer: body.answer } });
        await history().append({
          feedbackDocumentId: documentId,
          action: 'answer_saved',
          actor: access.user,
        });
      });
      return documentId;
    },

    /**
     * One move of the workflow. The state and version change in one conditional UPDATE, so of two people acting
     * at once exactly one succeeds and the other gets a ConflictError (409).
     */
    async transition(access: Access, documentId: string, body: TransitionBody, language: Language) {
      const feedback = await load(documentId);
      if (!feedback || !visible(access, feedback)) return null;
      if (feedback.version !== body.version) throw new ConflictError();
      const consented = Boolean(feedback.consent?.publishAnswer);
      const decision = decideTransition({
        from: feedback.state,
        to: body.to,
        actors: actorsFor(access, feedback),
        input: { ...body, answer: body.answer ?? feedback.answer },
        consented,
      });
      if (!decision.ok) {
        const message = problemMessage(decision.problem);
        throw validationError([fieldError([decision.problem.field], message.vi, message.en, language)]);
      }
      const to = decision.transition.to;
      const { calendar, timeZone, deadlines } = await organizationSettings(strapi);
      const nowInstant = new Date();
      const now = localDate(nowInstant, timeZone);
      const changes: Record<string, unknown> = {};
      let unit = feedback.handlingUnit;

      if (to === 'not_accepted') changes.notAcceptedReason = body.reason;
      if (to === 'transferred') {
        changes.receivingAgency = body.receivingAgency;
        changes.transferLetterNumber = body.letterNumber;
      }
      // Checked before anything is written: a wrong procedure leaves the item as it was.
      const corrected = await correctionsOf(feedback, body, language);
      Object.assign(changes, corrected.changes);
      if (to === 'assigned' && feedback.state === 'accepted') {
        unit = (await strapi.db.query('api::unit.unit').findOne({
          where: { id: body.unit, active: true },
          select: UNIT_FIELDS,
        })) as UnitRef | null;
        if (!unit) {
          throw validationError([fieldError(['unit'], 'Đơn vị không tồn tại.', 'No such unit.', language)]);
        }
        const resolved = unitDueDateOf(body.unitDueDate, now, feedback.dueDate);
        if ('problem' in resolved) {
          const message = unitDueDateMessage(resolved.problem, feedback.dueDate);
          throw validationError([fieldError(['unitDueDate'], message.vi, message.en, language)]);
        }
        changes.handlingUnit = unit.id;
        changes.assignedAt = nowInstant;
        changes.unitDueDate = resolved.date;
      }
      if (to === 'answer_drafted') changes.answer = body.answer ?? feedback.answer;
      if (to === 'answered') {
        changes.answeredAt = nowInstant;
        if (consented) changes.publicationDueDate = publicationDueDate(now, deadlines, calendar);
      }
      if (to === 'not_accepted' || to === 'transferred' || to === 'answered') {
        changes.closedAt = nowInstant;
        changes.onTime = closedOnTime(to, now, feedback);
      }
      if (to === 'published') {
        Object.assign(changes, publicTexts(feedback, body), {
          answerPublished: true,
          answerPublishedAt: nowInstant,
          publicationOnTime: feedback.publicationDueDate ? now <= isoDay(feedback.publicationDueDate) : true,
        });
      }

      const reason = body.reason ?? body.comment ?? null;
      await strapi.db.transaction(async ({ trx }) => {
        await lockVersion(documentId, body.version, feedback.state, to);
        await docs().update({ documentId, data: changes });
        await history().append({
          feedbackDocumentId: documentId,
          action: 'transitioned',
          fromState: feedback.state,
          toState: to,
          actor: access.user,
          reason,
          details:
            to === 'assigned' && feedback.state === 'accepted'
              ? { unitId: unit!.id, unitName: unit!.name, unitDueDate: changes.unitDueDate }
              : to === 'transferred'
                ? { receivingAgency: body.receivingAgency, letterNumber: body.letterNumber }
                : corrected.details,
        });
        const mails = mailsForTransition(feedback.state, to, {
          documentId,
          subject: feedback.subject,
          unitName: unit?.name ?? '',
          actorName: access.user.name,
          language: feedback.language,
          reason,
          receivingAgency: body.receivingAgency,
          letterNumber: body.letterNumber,
          answer: (changes.answer as string | undefined) ?? feedback.answer,
          dueDate: (changes.unitDueDate as string | undefined) ?? feedback.unitDueDate ?? null,
          organizationName: await organizationName(now),
          link: adminLink(documentId),
        });
        for (const mail of mails) {
          const to = await recipients(mail.audience, feedback, unit);
          await enqueueMail(
            strapi,
            to.map((address) => ({ to: address, subject: mail.subject, text: mail.text, topic: mail.topic })),
            trx
          );
        }
      });
      return documentId;
    },
  };

  /**
   * The corrections a move carries (kind, procedure, channel), those that change something: the fields to write and
   * the history's `{ field: { from, to } }` (null when nothing changes). An unknown procedure is a ValidationError.
   */
  async function correctionsOf(feedback: StoredFeedback, body: TransitionBody, language: Language) {
    const changes: Record<string, unknown> = {};
    const details: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['kind', 'channel'] as const) {
      const value = body[key];
      if (value !== undefined && value !== feedback[key]) {
        changes[key] = value;
        details[key] = { from: feedback[key], to: value };
      }
    }
    if (body.procedure !== undefined && body.procedure !== (feedback.procedure?.documentId ?? null)) {
      const found = body.procedure ? await publishedProcedure(strapi, body.procedure, language) : null;
      if (found && 'error' in found) throw validationError([found.error]);
      const before = feedback.procedure;
      changes.procedure = found?.documentId ?? null;
      details.procedure = {
        from: before
          ? { documentId: before.documentId, nationalCode: before.nationalCode, name: before.name }
          : null,
        to: found,
      };
    }
    return { changes, details: Object.keys(details).length ? details : null };
  }

  /** Claims the move: of two concurrent writers only one finds the version it read. */
  async function lockVersion(
    documentId: string,
    version: number,
    from: FeedbackState,
    to: FeedbackState = from
  ) {
    const { count } = await rows().updateMany({
      where: { documentId, version, state: from },
      data: { version: version + 1, state: to },
    });
    if (count === 0) throw new ConflictError();
  }
};

/** What is published: the Office's edited texts or the stored ones, with personal data removed either way. */
function publicTexts(
  feedback: StoredFeedback,
  edited: { publicSubject?: string | null; publicContent?: string | null; publicAnswer?: string | null }
) {
  const redact = (text: string | null) => (text ? redactPersonalData(text, feedback) : null);
  return {
    publicSubject: redact(edited.publicSubject ?? feedback.subject),
    publicContent: redact(edited.publicContent ?? feedback.content),
    publicAnswer: redact(edited.publicAnswer ?? feedback.answer),
  };
}

/** A stored date as YYYY-MM-DD (drivers return strings or Date objects). */
function isoDay(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Reminders (đôn đốc): those the Office sends a unit, and the daily digest of each unit's plan tasks and assigned
 * feedback that are due soon or overdue. Each reminded item is a row of `oversight_reminder_items`, whose unique
 * index (kind, item, day) keeps an item from being reminded twice the same day; the digest runs on one node a day
 * (infra/job-lock.ts). Mail goes through the outbox, in the transaction that records the reminder.
 */
import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { fieldError, type FieldError, type Language } from '#domain/errors';
import type { FeedbackState } from '#domain/feedback-public';
import { localDate } from '#domain/working-days';
import { runExclusively } from '#infra/job-lock';
import { enqueueMail } from '#infra/outbox';
import { organizationSettings } from '#infra/organization-settings';
import { validationError } from '#utils/errors';
import { redactPersonalData, type Submitter } from '#feedback-register/domain/redaction';
import type { ListQuery } from '../domain/records-input';
import { visibleUnitIds } from '../domain/records-input';
import {
  digestMessage,
  FEEDBACK_OPEN_STATES,
  isDueBy,
  reminderDays,
  reminderMail,
  sortItems,
  type ItemRef,
  type ReminderInput,
  type ReminderItem,
} from '../domain/reminders';
import { overdueItems, UNIT_OWES_STATES } from '../domain/overdue';
import { taskStatus } from '../domain/task-status';
import { PLUGIN_ID, UIDS } from '../permissions';
import type { Access } from './access';
import type { LatestReport } from './tasks';

export const REMINDER_JOB = 'oversight-reminders';
export const CRON_JOB = 'oversightReminders';
const CRON_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const DEFAULT_RULE = '0 7 * * 1-5';
/** Who a digest names as its sender. */
export const SYSTEM_SENDER = 'Hệ thống';

const UNIT = 'api::unit.unit';
const TASK = 'api::plan-task.plan-task';
const FEEDBACK = 'api::feedback.feedback';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
  email?: string | null;
  active?: boolean;
}

export interface ReminderView {
  documentId: string;
  unit: { id: number; code: string; name: string } | null;
  kind: 'manual' | 'scheduled';
  message: string | null;
  items: ReminderItem[];
  sentByName: string;
  sentAt: string;
  recipientCount: number;
}

export interface DigestRun {
  ran: boolean;
  /** Digests sent (one per unit with new items at most). */
  reminders: number;
  /** Items reminded. */
  items: number;
}

interface StoredReminder {
  documentId: string;
  unit: UnitRef | null;
  kind: 'manual' | 'scheduled';
  message: string | null;
  items: ReminderItem[] | null;
  sentByName: string;
  sentAt: string | Date;
  recipientCount: number | null;
}

/** A stored date as YYYY-MM-DD (drivers return strings or Date objects). */
export const isoDay = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value).slice(0, 10);

export const isoInstant = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

export const unitView = (unit: UnitRef | null | undefined) =>
  unit ? { id: unit.id, code: unit.code, name: unit.name } : null;

/** A documentId like Strapi's: lower-case letters and digits. */
const newDocumentId = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(24), (b, i) => alphabet[i === 0 ? b % 26 : b % 36]).join('');
};

class AlreadyReminded extends Error {}

interface FeedbackRow extends Submitter {
  documentId: string;
  subject: string;
  state: FeedbackState;
  dueDate: string | null;
  unitDueDate: string | null;
  handlingUnit: { id: number } | null;
}

const FEEDBACK_SELECT = [
  'documentId',
  'subject',
  'state',
  'dueDate',
  'unitDueDate',
  'fullName',
  'address',
  'phone',
  'email',
];

/** A feedback as a reminder names it: its subject without the submitter's personal data. */
const feedbackTitle = (row: FeedbackRow) => redactPersonalData(row.subject ?? '', row);

interface TaskRow {
  documentId: string;
  code: string;
  content: string;
  dueDate: string | null;
  unit: { id: number } | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.plugin('unit-submissions').service('memberships');
  const accessService = () => strapi.plugin(PLUGIN_ID).service('access');
  const itemsTable = () => strapi.db.metadata.get(UIDS.reminderItem).tableName;

  const adminLink = () => `${strapi.config.get('admin.absoluteUrl', '')}/plugins/${PLUGIN_ID}/my`;

  const loadUnit = async (id: number) =>
    (await strapi.db.query(UNIT).findOne({
      where: { id },
      select: ['id', 'code', 'name', 'email', 'active'],
    })) as UnitRef | null;

  /** The unit's editors (active members) and the unit's own address. */
  async function recipients(unit: UnitRef): Promise<string[]> {
    const memberIds: number[] = await memberships().userIdsOf(unit.id);
    const members = memberIds.length
      ? ((await strapi.db.query('admin::user').findMany({
          where: { id: { $in: memberIds }, isActive: true },
          select: ['email'],
        })) as { email: string }[])
      : [];
    return [...new Set([...members.map((u) => u.email), unit.email].filter(Boolean))] as string[];
  }

  const view = (row: StoredReminder): ReminderView => ({
    documentId: row.documentId,
    unit: unitView(row.unit),
    kind: row.kind,
    message: row.message,
    items: row.items ?? [],
    sentByName: row.sentByName,
    sentAt: isoInstant(row.sentAt)!,
    recipientCount: row.recipientCount ?? 0,
  });

  /** The items of a manual reminder, checked against the unit: a problem per item, reported together. */
  async function resolveItems(unitId: number, refs: ItemRef[], language: Language): Promise<ReminderItem[]> {
    const taskIds = refs.filter((r) => r.type === 'task').map((r) => r.documentId);
    const feedbackIds = refs.filter((r) => r.type === 'feedback').map((r) => r.documentId);
    const tasks = taskIds.length
      ? ((await strapi.db.query(TASK).findMany({
          where: { documentId: { $in: taskIds } },
          select: ['documentId', 'code', 'content', 'dueDate', 'locale'],
          populate: { unit: { select: ['id'] } },
        })) as {
          documentId: string;
          code: string;
          content: string;
          dueDate: string | null;
          locale: string;
          unit: { id: number } | null;
        }[])
      : [];
    const feedback = feedbackIds.length ? await feedbackRows({ documentId: { $in: feedbackIds } }) : [];
    const errors: FieldError[] = [];
    const items: ReminderItem[] = [];
    refs.forEach((ref, index) => {
      const path = ['items', String(index)];
      if (ref.type === 'task') {
        // Relations are per locale: any row of the task that names the unit makes it the unit's task.
        const rows = tasks.filter((t) => t.documentId === ref.documentId);
        if (!rows.some((t) => t.unit?.id === unitId)) {
          errors.push(
            fieldError(
              path,
              'Nhiệm vụ không tồn tại hoặc không được giao cho đơn vị này.',
              'No such plan task of this unit.',
              language
            )
          );
          return;
        }
        const row = rows.find((t) => t.locale === 'vi') ?? rows[0];
        items.push({
          type: 'task',
          documentId: ref.documentId,
          code: row.code,
          title: row.content,
          dueDate: isoDay(row.dueDate),
        });
      } else {
        const row = feedback.find((f) => f.documentId === ref.documentId);
        if (!row || row.handlingUnit?.id !== unitId) {
          errors.push(
            fieldError(
              path,
              'Phản ánh, kiến nghị không tồn tại hoặc không được giao cho đơn vị này.',
              'No such feedback assigned to this unit.',
              language
            )
          );
          return;
        }
        items.push({
          type: 'feedback',
          documentId: ref.documentId,
          title: feedbackTitle(row),
          dueDate: isoDay(row.unitDueDate ?? row.dueDate),
        });
      }
    });
    if (errors.length > 0) throw validationError(errors);
    return items;
  }

  /** The items already reminded with this kind on this day, as "type:documentId". */
  async function remindedOn(kind: 'manual' | 'scheduled', day: string, items: ItemRef[], trx?: unknown) {
    if (items.length === 0) return new Set<string>();
    const query = strapi.db
      .connection(itemsTable())
      .where({ kind, day })
      .whereIn(
        'item_document_id',
        items.map((i) => i.documentId)
      )
      .select('item_type', 'item_document_id');
    const rows = (await (trx ? query.transacting(trx as never) : query)) as {
      item_type: string;
      item_document_id: string;
    }[];
    return new Set(rows.map((r) => `${r.item_type}:${r.item_document_id}`));
  }

  /**
   * Records the items of a reminder; an item the unique index already holds for (kind, day) is skipped. Returns
   * the keys recorded for this reminder.
   */
  async function recordItems(
    trx: unknown,
    reminderId: number,
    unitId: number,
    kind: 'manual' | 'scheduled',
    day: string,
    items: ItemRef[]
  ): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const knex = strapi.db.connection;
    const now = new Date();
    await knex(itemsTable())
      .insert(
        items.map((item) => ({
          document_id: newDocumentId(),
          reminder_id: reminderId,
          unit_id: unitId,
          kind,
          item_type: item.type,
          item_document_id: item.documentId,
          day,
          created_at: now,
          updated_at: now,
          published_at: now,
        }))
      )
      .onConflict()
      .ignore()
      .transacting(trx as never);
    const rows = (await knex(itemsTable())
      .where({ reminder_id: reminderId })
      .select('item_type', 'item_document_id')
      .transacting(trx as never)) as { item_type: string; item_document_id: string }[];
    return new Set(rows.map((r) => `${r.item_type}:${r.item_document_id}`));
  }

  const keyOf = (item: ItemRef) => `${item.type}:${item.documentId}`;

  const feedbackRows = async (where: object) =>
    (await strapi.db.query(FEEDBACK).findMany({
      where,
      select: FEEDBACK_SELECT,
      populate: { handlingUnit: { select: ['id'] } },
    })) as FeedbackRow[];

  /**
   * The tasks of published plans of this year and the last (an overdue task of a plan years old is history, not
   * a reminder) whose due date matches `due`, one per document, with their latest reports; only the unit's when
   * given.
   */
  async function plannedTasks(today: string, due: object, unitId?: number) {
    const year = Number(today.slice(0, 4));
    const rows = (await strapi.db.query(TASK).findMany({
      where: {
        locale: 'vi',
        dueDate: { $notNull: true, ...due },
        plan: { publishedAt: { $notNull: true }, year: { $gte: year - 1 } },
        ...(unitId === undefined ? {} : { unit: { id: unitId } }),
      },
      select: ['documentId', 'code', 'content', 'dueDate'],
      populate: { unit: { select: ['id'] } },
      orderBy: [{ dueDate: 'asc' }, { code: 'asc' }],
    })) as TaskRow[];
    const tasks = [...new Map(rows.map((t) => [t.documentId, t])).values()].filter((t) => t.unit);
    const reports: Map<string, LatestReport> = await strapi
      .plugin(PLUGIN_ID)
      .service('tasks')
      .latestReports(tasks.map((t) => t.documentId));
    return { tasks: tasks.map((task) => ({ ...task, dueDate: isoDay(task.dueDate) })), reports };
  }

  /** What is due for each unit by `lastDay`: open tasks of published plans, and open assigned feedback. */
  async function dueItems(today: string, lastDay: string): Promise<Map<number, ReminderItem[]>> {
    const byUnit = new Map<number, ReminderItem[]>();
    const add = (unitId: number, item: ReminderItem) =>
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), item]);
    const { tasks, reports } = await plannedTasks(today, { $lte: lastDay });
    for (const task of tasks) {
      if (taskStatus(task, reports.get(task.documentId), today) === 'done') continue;
      add(task.unit!.id, {
        type: 'task',
        documentId: task.documentId,
        code: task.code,
        title: task.content,
        dueDate: task.dueDate,
      });
    }
    const feedback = await feedbackRows({
      state: { $in: [...FEEDBACK_OPEN_STATES] },
      handlingUnit: { id: { $notNull: true } },
    });
    for (const row of feedback) {
      const dueDate = isoDay(row.unitDueDate ?? row.dueDate);
      if (!row.handlingUnit || !isDueBy(dueDate, lastDay)) continue;
      add(row.handlingUnit.id, {
        type: 'feedback',
        documentId: row.documentId,
        title: feedbackTitle(row),
        dueDate,
      });
    }
    return byUnit;
  }

  async function sendDigests(now: Date, today: string, lastDay: string, days: number) {
    const byUnit = await dueItems(today, lastDay);
    const units = byUnit.size
      ? ((await strapi.db.query(UNIT).findMany({
          where: { id: { $in: [...byUnit.keys()] }, active: true },
          select: ['id', 'code', 'name', 'email', 'active'],
          orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
        })) as UnitRef[])
      : [];
    let reminders = 0;
    let items = 0;
    for (const unit of units) {
      const candidates = sortItems(byUnit.get(unit.id)!);
      const already = await remindedOn('scheduled', today, candidates);
      const fresh = candidates.filter((item) => !already.has(keyOf(item)));
      if (fresh.length === 0) continue;
      const to = await recipients(unit);
      const sent = await strapi.db.transaction(async ({ trx }) => {
        const reminder = (await strapi.db.query(UIDS.reminder).create({
          data: {
            unit: unit.id,
            kind: 'scheduled',
            message: digestMessage(days),
            items: fresh,
            sentById: null,
            sentByName: SYSTEM_SENDER,
            sentAt: now,
            recipientCount: to.length,
          },
        })) as { id: number; documentId: string };
        const recorded = await recordItems(trx, reminder.id, unit.id, 'scheduled', today, fresh);
        const listed = fresh.filter((item) => recorded.has(keyOf(item)));
        if (listed.length === 0) {
          await strapi.db.query(UIDS.reminder).delete({ where: { id: reminder.id } });
          return 0;
        }
        if (listed.length < fresh.length) {
          await strapi.db
            .query(UIDS.reminder)
            .update({ where: { id: reminder.id }, data: { items: listed } });
        }
        const mail = reminderMail({
          kind: 'scheduled',
          unitName: unit.name,
          message: null,
          items: listed,
          senderName: SYSTEM_SENDER,
          today,
          days,
          link: adminLink(),
        });
        await enqueueMail(
          strapi,
          to.map((address) => ({
            to: address,
            subject: mail.subject,
            text: mail.text,
            topic: `oversight.digest:${unit.code}:${today}`,
          })),
          trx
        );
        return listed.length;
      });
      if (sent > 0) {
        reminders += 1;
        items += sent;
      }
    }
    return { reminders, items };
  }

  const service = {
    /** POST /reminders: the Office reminds a unit, about some of its tasks and feedback or in general. */
    async create(access: Access, input: ReminderInput, language: Language): Promise<ReminderView> {
      const unit = await loadUnit(input.unit);
      if (!unit) {
        throw validationError([fieldError(['unit'], 'Đơn vị không tồn tại.', 'No such unit.', language)]);
      }
      const items = await resolveItems(unit.id, input.items, language);
      const { timeZone } = await organizationSettings(strapi);
      const now = new Date();
      const today = localDate(now, timeZone);
      const duplicateErrors = (reminded: Set<string>) =>
        input.items.flatMap((item, index) =>
          reminded.has(keyOf(item))
            ? [
                fieldError(
                  ['items', String(index)],
                  'Mục này đã được đôn đốc trong ngày hôm nay.',
                  'This item was already reminded today.',
                  language
                ),
              ]
            : []
        );
      const already = duplicateErrors(await remindedOn('manual', today, items));
      if (already.length > 0) throw validationError(already);
      const to = await recipients(unit);
      let documentId: string;
      try {
        documentId = await strapi.db.transaction(async ({ trx }) => {
          const reminder = (await strapi.db.query(UIDS.reminder).create({
            data: {
              unit: unit.id,
              kind: 'manual',
              message: input.message,
              items,
              sentById: access.user.id,
              sentByName: access.user.name,
              sentAt: now,
              recipientCount: to.length,
            },
          })) as { id: number; documentId: string };
          const recorded = await recordItems(trx, reminder.id, unit.id, 'manual', today, items);
          // Another reminder took some of them meanwhile: the unique index decided, this one is refused whole.
          if (recorded.size < items.length) throw new AlreadyReminded();
          const mail = reminderMail({
            kind: 'manual',
            unitName: unit.name,
            message: input.message,
            items: sortItems(items),
            senderName: access.user.name,
            today,
            days: 0,
            link: adminLink(),
          });
          await enqueueMail(
            strapi,
            to.map((address) => ({
              to: address,
              subject: mail.subject,
              text: mail.text,
              topic: `oversight.reminder:${reminder.documentId}`,
            })),
            trx
          );
          return reminder.documentId;
        });
      } catch (error) {
        if (!(error instanceof AlreadyReminded)) throw error;
        const reminded = await remindedOn('manual', today, items);
        throw validationError(
          duplicateErrors(reminded).length
            ? duplicateErrors(reminded)
            : [fieldError(['items'], 'Mục đã được đôn đốc trong ngày.', 'Already reminded today.', language)]
        );
      }
      return (await service.findOne(documentId))!;
    },

    /**
     * GET /units/:unitId/overdue: what the unit has overdue today (domain/overdue.ts), each item marked when a
     * reminder of the Office already named it today (a second one that day is refused). Null: no such unit.
     */
    async overdue(unitId: number) {
      const unit = await loadUnit(unitId);
      if (!unit) return null;
      const { calendar, timeZone } = await organizationSettings(strapi);
      const today = localDate(new Date(), timeZone);
      const [{ tasks, reports }, feedback] = await Promise.all([
        plannedTasks(today, { $lt: today }, unitId),
        feedbackRows({ state: { $in: [...UNIT_OWES_STATES] }, handlingUnit: { id: unitId } }),
      ]);
      const items = overdueItems({
        tasks: tasks.map((t) => ({
          documentId: t.documentId,
          code: t.code,
          title: t.content,
          dueDate: t.dueDate,
        })),
        latestReports: reports,
        feedback: feedback.map((row) => ({
          documentId: row.documentId,
          title: feedbackTitle(row),
          state: row.state,
          dueDate: isoDay(row.dueDate),
          unitDueDate: isoDay(row.unitDueDate),
        })),
        today,
        calendar,
      });
      const reminded = await remindedOn('manual', today, items);
      return {
        unit: unitView(unit),
        today,
        items: items.map((item) => ({ ...item, remindedToday: reminded.has(keyOf(item)) })),
      };
    },

    async findOne(documentId: string): Promise<ReminderView | null> {
      const row = (await strapi.db.query(UIDS.reminder).findOne({
        where: { documentId },
        populate: { unit: { select: ['id', 'code', 'name'] } },
      })) as StoredReminder | null;
      return row ? view(row) : null;
    },

    /** GET /reminders?unit=&page=&pageSize=: newest first, only the user's units for a unit editor. */
    async list(access: Access, query: ListQuery) {
      const ids = visibleUnitIds(accessService().readableUnits(access), query.unit);
      const where = ids === 'all' ? {} : { unit: { id: { $in: ids.length ? ids : [-1] } } };
      const page = (await strapi.db.query(UIDS.reminder).findPage({
        where,
        populate: { unit: { select: ['id', 'code', 'name'] } },
        orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
      })) as { results: StoredReminder[]; pagination: object };
      return { results: page.results.map(view), pagination: page.pagination };
    },

    /** The latest reminders of these units. */
    async recent(unitIds: number[], limit = 20): Promise<ReminderView[]> {
      if (unitIds.length === 0) return [];
      const rows = (await strapi.db.query(UIDS.reminder).findMany({
        where: { unit: { id: { $in: unitIds } } },
        populate: { unit: { select: ['id', 'code', 'name'] } },
        orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
        limit,
      })) as StoredReminder[];
      return rows.map(view);
    },

    /**
     * The daily digest: for each unit, its tasks and feedback due within OVERSIGHT_REMINDER_DAYS working days (or
     * overdue) that were not reminded yet today; one reminder and one mail per unit with anything new. Runs once
     * a day across nodes: `{ ran: false }` where another node has it.
     */
    async runDaily(now: Date = new Date()): Promise<DigestRun> {
      const { calendar, timeZone } = await organizationSettings(strapi);
      const today = localDate(now, timeZone);
      const days = reminderDays(process.env.OVERSIGHT_REMINDER_DAYS);
      const lastDay = calendar.addWorkingDays(today, days);
      const outcome = await runExclusively(strapi, REMINDER_JOB, today, () =>
        sendDigests(now, today, lastDay, days)
      );
      if (!outcome.ran) return { ran: false, reminders: 0, items: 0 };
      if (outcome.result.reminders > 0) {
        strapi.log.info(
          `oversight reminders: ${outcome.result.reminders} digests, ${outcome.result.items} items (${today})`
        );
      }
      return { ran: true, ...outcome.result };
    },

    /** Registers the daily digest (OVERSIGHT_REMINDER_CRON, default 07:00 on weekdays, Vietnam time; 'off': none). */
    schedule() {
      const rule = process.env.OVERSIGHT_REMINDER_CRON || DEFAULT_RULE;
      // Idempotent: calling it again replaces the job instead of running it twice a day.
      strapi.cron.remove(CRON_JOB);
      if (rule === 'off') return;
      strapi.cron.add({
        [CRON_JOB]: {
          task: async () => {
            try {
              await service.runDaily();
            } catch (error) {
              strapi.log.error(`oversight reminders failed: ${(error as Error).message}`);
            }
          },
          options: { rule, tz: CRON_TIME_ZONE },
        },
      });
    },
  };
  return service;
};

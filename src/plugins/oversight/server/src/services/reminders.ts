/**
 * Reminders (đôn đốc) the Office sends a unit, about some of its plan tasks and assigned feedback or in general, and
 * the reminders a unit has received (the daily digest's included: services/digest.ts). Each reminded item is a row
 * of `oversight_reminder_items` (services/reminder-items.ts), so an item is not reminded twice the same day. Mail
 * goes through the outbox, in the transaction that records the reminder.
 */
import type { Core } from '@strapi/strapi';
import { fieldError, type FieldError, type Language } from '#domain/errors';
import { localDate } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { validationError } from '#utils/errors';
import { readableUnits } from '#domain/unit-access';
import type { ListQuery } from '../domain/records-input';
import { visibleUnitIds } from '../domain/records-input';
import { sortItems, type ItemRef, type ReminderInput, type ReminderItem } from '../domain/reminders';
import { overdueItems, UNIT_OWES_STATES } from '../domain/overdue';
import { UIDS } from '../permissions';
import type { Access } from './access';
import { feedbackTitle, keyOf, reminderItems, TASK, type ReminderKind } from './reminder-items';

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
  kind: ReminderKind;
  message: string | null;
  items: ReminderItem[];
  sentByName: string;
  sentAt: string;
  recipientCount: number;
}

interface StoredReminder {
  documentId: string;
  unit: UnitRef | null;
  kind: ReminderKind;
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

class AlreadyReminded extends Error {}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = reminderItems(strapi);

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
    const feedback = feedbackIds.length ? await store.feedbackRows({ documentId: { $in: feedbackIds } }) : [];
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

  const service = {
    /** POST /reminders: the Office reminds a unit, about some of its tasks and feedback or in general. */
    async create(access: Access, input: ReminderInput, language: Language): Promise<ReminderView> {
      const unit = await store.loadUnit(input.unit);
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
      const already = duplicateErrors(await store.remindedOn('manual', today, items));
      if (already.length > 0) throw validationError(already);
      const to = await store.recipients(unit);
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
          const recorded = await store.recordItems(trx, reminder.id, unit.id, 'manual', today, items);
          // Another reminder took some of them meanwhile: the unique index decided, this one is refused whole.
          if (recorded.size < items.length) throw new AlreadyReminded();
          await store.mailReminder(trx, to, `oversight.reminder:${reminder.documentId}`, {
            kind: 'manual',
            unitName: unit.name,
            message: input.message,
            items: sortItems(items),
            senderName: access.user.name,
            today,
            days: 0,
          });
          return reminder.documentId;
        });
      } catch (error) {
        if (!(error instanceof AlreadyReminded)) throw error;
        const reminded = await store.remindedOn('manual', today, items);
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
      const unit = await store.loadUnit(unitId);
      if (!unit) return null;
      const { calendar, timeZone } = await organizationSettings(strapi);
      const today = localDate(new Date(), timeZone);
      const [{ tasks, reports }, feedback] = await Promise.all([
        store.plannedTasks(today, { $lt: today }, unitId),
        store.feedbackRows({ state: { $in: [...UNIT_OWES_STATES] }, handlingUnit: { id: unitId } }),
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
      const reminded = await store.remindedOn('manual', today, items);
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
      const ids = visibleUnitIds(readableUnits(access), query.unit);
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
  };
  return service;
};

/**
 * The daily digest (đôn đốc tự động): each morning, every unit gets one reminder and one mail listing its plan tasks
 * and assigned feedback that are due within OVERSIGHT_REMINDER_DAYS working days or overdue, and were not reminded
 * yet that day. It runs on one node a day (infra/job-lock.ts); mail goes through the outbox, in the transaction
 * that records the reminder.
 */
import type { Core } from '@strapi/strapi';
import { localDate } from '#domain/working-days';
import { runExclusively, scheduleDailyJob } from '#infra/job-lock';
import { organizationSettings } from '#infra/organization-settings';
import { day } from '#infra/stored-values';
import {
  digestMessage,
  isDueBy,
  sortItems,
  type ReminderItem,
  UNIT_PENDING_STATES,
} from '../domain/reminders';
import { taskStatus } from '../domain/task-status';
import { settingsOf } from '../config';
import { UIDS } from '../permissions';
import { feedbackTitle, keyOf, reminderItems, UNIT } from './reminder-items';
import type { UnitRef } from './reminders';

export const REMINDER_JOB = 'oversight-reminders';
export const CRON_JOB = 'oversightReminders';
const DEFAULT_RULE = '0 7 * * 1-5';
/** Who a digest names as its sender. */
export const SYSTEM_SENDER = 'Hệ thống';

export interface DigestRun {
  ran: boolean;
  /** Digests sent (one per unit with new items at most). */
  reminders: number;
  /** Items reminded. */
  items: number;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = reminderItems(strapi);

  /** What is due for each unit by `lastDay`: open tasks of published plans, and open assigned feedback. */
  async function dueItems(today: string, lastDay: string): Promise<Map<number, ReminderItem[]>> {
    const byUnit = new Map<number, ReminderItem[]>();
    const add = (unitId: number, item: ReminderItem) =>
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), item]);
    const { tasks, reports } = await store.plannedTasks(today, { $lte: lastDay });
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
    const feedback = await store.feedbackRows({
      state: { $in: [...UNIT_PENDING_STATES] },
      handlingUnit: { id: { $notNull: true } },
    });
    for (const row of feedback) {
      const dueDate = day(row.unitDueDate ?? row.dueDate);
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
      const already = await store.remindedOn('scheduled', today, candidates);
      const fresh = candidates.filter((item) => !already.has(keyOf(item)));
      if (fresh.length === 0) continue;
      const to = await store.recipients(unit);
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
        const recorded = await store.recordItems(trx, reminder.id, unit.id, 'scheduled', today, fresh);
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
        await store.mailReminder(trx, to, `oversight.digest:${unit.code}:${today}`, {
          kind: 'scheduled',
          unitName: unit.name,
          message: null,
          items: listed,
          senderName: SYSTEM_SENDER,
          today,
          days,
        });
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
    /**
     * The daily digest: for each unit, its tasks and feedback due within OVERSIGHT_REMINDER_DAYS working days (or
     * overdue) that were not reminded yet today; one reminder and one mail per unit with anything new. Runs once
     * a day across nodes: `{ ran: false }` where another node has it.
     */
    async runDaily(now: Date = new Date()): Promise<DigestRun> {
      const { calendar, timeZone } = await organizationSettings(strapi);
      const today = localDate(now, timeZone);
      const days = settingsOf(strapi).reminderDays;
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
      scheduleDailyJob(strapi, {
        name: CRON_JOB,
        label: 'oversight reminders',
        rule: process.env.OVERSIGHT_REMINDER_CRON || DEFAULT_RULE,
        run: () => service.runDaily(),
      });
    },
  };
  return service;
};

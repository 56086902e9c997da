/**
 * What manual reminders and the daily digest share: the items a reminder names (plan tasks, assigned feedback),
 * who receives it, its mail, and the rows of `oversight_reminder_items`, whose unique index (kind, item, day) keeps an item
 * from being reminded twice the same day.
 */
import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { FeedbackState } from '#domain/feedback-public';
import { enqueueMail } from '#infra/outbox';
import { day } from '#infra/stored-values';
import { unitAccess } from '#api/unit/services/access';
import { redactPersonalData, type Submitter } from '#feedback-register/domain/redaction';
import { reminderMail, type ItemRef } from '../domain/reminders';
import { PLUGIN_ID, UIDS } from '../permissions';
import type { UnitRef } from './reminders';
import type { LatestReport } from './tasks';

export const UNIT = 'api::unit.unit';
export const TASK = 'api::plan-task.plan-task';
const FEEDBACK = 'api::feedback.feedback';

export type ReminderKind = 'manual' | 'scheduled';

/** A documentId like Strapi's: lower-case letters and digits. */
const newDocumentId = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(24), (b, i) => alphabet[i === 0 ? b % 26 : b % 36]).join('');
};

export interface FeedbackRow extends Submitter {
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
export const feedbackTitle = (row: FeedbackRow) => redactPersonalData(row.subject ?? '', row);

interface TaskRow {
  documentId: string;
  code: string;
  content: string;
  dueDate: string | null;
  unit: { id: number } | null;
}

export const keyOf = (item: ItemRef) => `${item.type}:${item.documentId}`;

export function reminderItems(strapi: Core.Strapi) {
  const itemsTable = () => strapi.db.metadata.get(UIDS.reminderItem).tableName;

  const adminLink = () => `${strapi.config.get('admin.absoluteUrl', '')}/plugins/${PLUGIN_ID}/my`;

  /** A reminder's mail (manual or the digest), linking to the unit's page: one outbox row per recipient, in `trx`. */
  async function mailReminder(
    trx: unknown,
    to: string[],
    topic: string,
    content: Omit<Parameters<typeof reminderMail>[0], 'link'>
  ) {
    const mail = reminderMail({ ...content, link: adminLink() });
    await enqueueMail(
      strapi,
      to.map((address) => ({ to: address, subject: mail.subject, text: mail.text, topic })),
      trx
    );
  }

  const loadUnit = async (id: number) =>
    (await strapi.db.query(UNIT).findOne({
      where: { id },
      select: ['id', 'code', 'name', 'email', 'active'],
    })) as UnitRef | null;

  /** The unit's editors (active members) and the unit's own address. */
  async function recipients(unit: UnitRef): Promise<string[]> {
    const members = await unitAccess(strapi).memberEmails(unit.id);
    return [...new Set([...members, unit.email].filter(Boolean))] as string[];
  }

  /** The items already reminded with this kind on this day, as "type:documentId". */
  async function remindedOn(kind: ReminderKind, day: string, items: ItemRef[], trx?: unknown) {
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
    kind: ReminderKind,
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
    return { tasks: tasks.map((task) => ({ ...task, dueDate: day(task.dueDate) })), reports };
  }

  return { loadUnit, recipients, mailReminder, remindedOn, recordItems, feedbackRows, plannedTasks };
}

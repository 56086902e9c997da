/**
 * Reminders (đôn đốc): what the Office sends a unit about its plan tasks and assigned feedback, and the daily digest
 * of what is due soon or overdue. Pure module: input checks, which items are due, the mail.
 */
import { fieldError, type FieldError, type Language } from '#domain/errors';
import { DOCUMENT_ID_PATTERN, isPlainObject, own } from '#domain/feedback-intake';
import { displayDay } from '#domain/working-days';
import { BodyReader, dataOf, type Checked } from './records-input';

export const ITEM_TYPES = ['task', 'feedback'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export const MAX_ITEMS = 50;

export interface ItemRef {
  type: ItemType;
  documentId: string;
}

/** An item as a reminder records it (a snapshot, so the reminder reads the same later). */
export interface ReminderItem extends ItemRef {
  code?: string;
  title: string;
  dueDate: string | null;
}

export interface ReminderInput {
  unit: number;
  message: string;
  items: ItemRef[];
}

export function validateReminder(body: unknown, language: Language): Checked<ReminderInput> {
  const data = dataOf(body, language);
  if (!data.ok) return data;
  const r = new BodyReader(data.value, language, ['unit', 'message', 'items']);
  const unit = r.id('unit', { vi: 'Đơn vị', en: 'The unit' });
  const message = r.text('message', {
    label: { vi: 'Nội dung đôn đốc', en: 'The message' },
    max: 5000,
    required: true,
  });
  const items = readItems(own(data.value, 'items'), r.errors, language);
  return r.result(() => ({ unit: unit!, message: message!, items: items! }));
}

function readItems(raw: unknown, errors: FieldError[], language: Language): ItemRef[] | null {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > MAX_ITEMS) {
    errors.push(
      fieldError(
        ['items'],
        `Danh sách việc cần đôn đốc có tối đa ${MAX_ITEMS} mục.`,
        `The items must be a list of at most ${MAX_ITEMS}.`,
        language
      )
    );
    return null;
  }
  const items: ItemRef[] = [];
  const seen = new Set<string>();
  raw.forEach((item, index) => {
    const path = ['items', String(index)];
    const type = isPlainObject(item) ? own(item, 'type') : undefined;
    const documentId = isPlainObject(item) ? own(item, 'documentId') : undefined;
    const extra = isPlainObject(item) && Object.keys(item).some((k) => k !== 'type' && k !== 'documentId');
    if (
      !(ITEM_TYPES as readonly unknown[]).includes(type) ||
      typeof documentId !== 'string' ||
      !DOCUMENT_ID_PATTERN.test(documentId) ||
      extra
    ) {
      errors.push(
        fieldError(
          path,
          'Mỗi mục phải có loại (task hoặc feedback) và mã tài liệu hợp lệ.',
          "Each item needs a type ('task' or 'feedback') and a valid documentId.",
          language
        )
      );
      return;
    }
    const key = `${type}:${documentId}`;
    if (seen.has(key)) {
      errors.push(fieldError(path, 'Mục này bị trùng.', 'This item is listed twice.', language));
      return;
    }
    seen.add(key);
    items.push({ type: type as ItemType, documentId });
  });
  return items;
}

/** OVERSIGHT_REMINDER_DAYS: how many working days ahead the digest looks (default 3, 0..60). */
export function reminderDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3;
  const days = Number(value);
  return Number.isSafeInteger(days) && days >= 0 && days <= 60 ? days : 3;
}

/** Due on or before the last day the digest looks at (overdue items included); no due date is never due. */
export const isDueBy = (dueDate: string | null | undefined, lastDay: string): boolean =>
  typeof dueDate === 'string' && dueDate !== '' && dueDate.slice(0, 10) <= lastDay;

/** The feedback states in which the assigned unit still has to act. */
export const FEEDBACK_OPEN_STATES = ['assigned', 'answer_drafted'] as const;

/** Soonest first, tasks before feedback on the same day. */
export function sortItems<T extends ReminderItem>(items: T[]): T[] {
  return [...items].sort(
    (a, b) =>
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.type.localeCompare(b.type) * -1 ||
      (a.code ?? a.title).localeCompare(b.code ?? b.title)
  );
}

const formatDay = (day: string | null) => (day ? displayDay(day) : '—');

const itemLine = (item: ReminderItem, today: string) => {
  const overdue = item.dueDate !== null && item.dueDate < today ? ' — QUÁ HẠN / OVERDUE' : '';
  const what =
    item.type === 'task'
      ? `Nhiệm vụ / Task ${item.code ?? ''}: ${item.title}`.replace(' :', ':')
      : `Phản ánh, kiến nghị / Feedback: ${item.title}`;
  return `- ${what} (hạn / due ${formatDay(item.dueDate)})${overdue}`;
};

export interface ReminderMail {
  subject: string;
  text: string;
}

/** The mail of a reminder: Vietnamese first, an English line after each part. */
export function reminderMail(input: {
  kind: 'manual' | 'scheduled';
  unitName: string;
  message: string | null;
  items: ReminderItem[];
  senderName: string;
  today: string;
  days: number;
  link: string;
}): ReminderMail {
  const { kind, unitName, message, items, senderName, today, days, link } = input;
  const subject =
    kind === 'manual'
      ? `[Đôn đốc] Văn phòng Sở đôn đốc ${unitName} / Reminder from the Department Office`
      : `[Nhắc việc] Việc sắp đến hạn, quá hạn của ${unitName} (${formatDay(today)}) / Items due soon or overdue`;
  const intro =
    kind === 'manual'
      ? [
          `Kính gửi ${unitName},`,
          `${senderName} (Văn phòng Sở) đôn đốc đơn vị thực hiện các nội dung sau.`,
          `The Department Office (${senderName}) asks your unit to act on the following.`,
        ]
      : [
          `Kính gửi ${unitName},`,
          `Các nhiệm vụ kế hoạch và phản ánh, kiến nghị dưới đây đã quá hạn hoặc đến hạn trong ${days} ngày làm việc tới.`,
          `The plan tasks and feedback below are overdue or due within the next ${days} working days.`,
        ];
  const lines = [...intro, ''];
  if (message) lines.push(message, '');
  if (items.length > 0) {
    lines.push('Danh sách / Items:');
    for (const item of items) lines.push(itemLine(item, today));
    lines.push('');
  }
  lines.push(
    `Xem và báo cáo kết quả tại: ${link}`,
    `See and report on them at: ${link}`,
    '',
    'Thư gửi tự động, vui lòng không trả lời. / Automatic message, please do not reply.'
  );
  return { subject, text: lines.join('\n') };
}

/** The text a digest records as its message. */
export const digestMessage = (days: number) =>
  `Nhắc việc tự động: nhiệm vụ, phản ánh quá hạn hoặc đến hạn trong ${days} ngày làm việc tới.`;

/** A message about a record (difficulty), Vietnamese first with an English line. */
export function difficultyMail(input: {
  event: 'reported' | 'escalated' | 'answered' | 'resolved';
  unitName: string;
  what: string;
  actorName: string;
  text: string | null;
  link: string;
}): ReminderMail {
  const { event, unitName, what, actorName, text, link } = input;
  const heads = {
    reported: [
      `[Khó khăn, vướng mắc] ${unitName} báo cáo khó khăn, vướng mắc / A unit reports a difficulty`,
      `${actorName} (${unitName}) báo cáo khó khăn, vướng mắc sau:`,
      `${actorName} (${unitName}) reports the following difficulty:`,
    ],
    escalated: [
      `[Khó khăn, vướng mắc] Trình Giám đốc: ${unitName} / Escalated to the Director`,
      `Văn phòng Sở (${actorName}) trình Giám đốc khó khăn, vướng mắc của ${unitName}:`,
      `The Department Office (${actorName}) escalates a difficulty of ${unitName} to the Director:`,
    ],
    answered: [
      `[Khó khăn, vướng mắc] Ý kiến chỉ đạo của Giám đốc / The Director answered`,
      `Giám đốc Sở (${actorName}) đã cho ý kiến về khó khăn, vướng mắc của ${unitName}:`,
      `The Director (${actorName}) answered the difficulty of ${unitName}:`,
    ],
    resolved: [
      `[Khó khăn, vướng mắc] Đã xử lý / Resolved`,
      `Văn phòng Sở (${actorName}) đã xử lý khó khăn, vướng mắc của ${unitName}:`,
      `The Department Office (${actorName}) resolved the difficulty of ${unitName}:`,
    ],
  }[event];
  const lines = [heads[1], heads[2], '', what, ''];
  if (text) lines.push(event === 'answered' ? 'Ý kiến / Answer:' : 'Nội dung / Details:', text, '');
  lines.push(`Xem tại / See: ${link}`);
  return { subject: heads[0], text: lines.join('\n') };
}

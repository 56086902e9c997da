/**
 * The mails of the register: the unit hears of an assignment or a returned draft, the Office of a draft to
 * approve, and the submitter (when they gave an e-mail) of the outcome: not accepted, transferred or answered.
 * Pure module: the caller supplies the recipients and sends through the outbox.
 */
import type { FeedbackState } from './workflow';
import { mailLines as lines, topicsOf, viewLink, type PlannedMail } from '#domain/mail';
import { displayDay } from '#domain/working-days';

export interface MailContext {
  documentId: string;
  subject: string;
  unitName: string;
  actorName: string;
  /** The submitter's language for their mails. */
  language: 'vi' | 'en';
  reason?: string | null;
  receivingAgency?: string | null;
  letterNumber?: string | null;
  answer?: string | null;
  dueDate?: string | null;
  organizationName: string;
  /** The staff page of the feedback. */
  link: string;
}

export type Audience = 'unit' | 'office' | 'submitter';

export function mailsForTransition(
  from: FeedbackState,
  to: FeedbackState,
  c: MailContext
): PlannedMail<Audience>[] {
  const topic = topicsOf('feedback', c.documentId);
  const staffFooter = viewLink(c.link);
  const toSubmitter = (vi: { subject: string; text: string }, en: { subject: string; text: string }) =>
    c.language === 'en' ? en : vi;

  if (to === 'assigned') {
    const returned = from === 'answer_drafted';
    return [
      {
        audience: 'unit',
        topic: topic(returned ? 'returned' : 'assigned'),
        subject: returned
          ? `[PAKN] Văn phòng trả lại dự thảo trả lời: ${c.subject}`
          : `[PAKN] Giao ${c.unitName} xử lý: ${c.subject}`,
        text: lines(
          returned
            ? `Văn phòng Sở (${c.actorName}) đề nghị chỉnh sửa dự thảo trả lời phản ánh "${c.subject}".`
            : `Văn phòng Sở (${c.actorName}) giao ${c.unitName} xử lý phản ánh "${c.subject}".`,
          returned
            ? `The Office (${c.actorName}) returned the draft answer to "${c.subject}" for changes.`
            : `The Office (${c.actorName}) assigned "${c.subject}" to ${c.unitName}.`,
          c.dueDate && `Hạn xử lý / Due: ${displayDay(c.dueDate)}`,
          c.reason && `\n${c.reason}`,
          staffFooter
        ),
      },
    ];
  }
  if (to === 'answer_drafted') {
    return [
      {
        audience: 'office',
        topic: topic('answer_drafted'),
        subject: `[PAKN] ${c.unitName} gửi dự thảo trả lời: ${c.subject}`,
        text: lines(
          `${c.unitName} (${c.actorName}) đã gửi dự thảo trả lời phản ánh "${c.subject}" để Văn phòng duyệt.`,
          `${c.unitName} (${c.actorName}) sent a draft answer to "${c.subject}" for approval.`,
          staffFooter
        ),
      },
    ];
  }
  if (to === 'not_accepted') {
    return [
      {
        audience: 'submitter',
        topic: topic('not_accepted'),
        ...toSubmitter(
          {
            subject: `${c.organizationName}: phản ánh, kiến nghị không được tiếp nhận`,
            text: lines(
              `Phản ánh, kiến nghị "${c.subject}" của Ông/Bà không được tiếp nhận xử lý.`,
              `Lý do: ${c.reason}`
            ),
          },
          {
            subject: `${c.organizationName}: your feedback was not accepted`,
            text: lines(`Your feedback "${c.subject}" was not accepted for handling.`, `Reason: ${c.reason}`),
          }
        ),
      },
    ];
  }
  if (to === 'transferred') {
    return [
      {
        audience: 'submitter',
        topic: topic('transferred'),
        ...toSubmitter(
          {
            subject: `${c.organizationName}: phản ánh, kiến nghị đã được chuyển cơ quan có thẩm quyền`,
            text: lines(
              `Phản ánh, kiến nghị "${c.subject}" của Ông/Bà không thuộc thẩm quyền xử lý của ${c.organizationName}`,
              `và đã được chuyển đến ${c.receivingAgency} (văn bản số ${c.letterNumber}).`
            ),
          },
          {
            subject: `${c.organizationName}: your feedback was transferred`,
            text: lines(
              `Your feedback "${c.subject}" is outside the competence of ${c.organizationName}`,
              `and was transferred to ${c.receivingAgency} (letter ${c.letterNumber}).`
            ),
          }
        ),
      },
    ];
  }
  if (to === 'answered') {
    return [
      {
        audience: 'submitter',
        topic: topic('answered'),
        ...toSubmitter(
          {
            subject: `${c.organizationName}: trả lời phản ánh, kiến nghị`,
            text: lines(
              `${c.organizationName} trả lời phản ánh, kiến nghị "${c.subject}" như sau:`,
              '',
              c.answer
            ),
          },
          {
            subject: `${c.organizationName}: answer to your feedback`,
            text: lines(`${c.organizationName} answers your feedback "${c.subject}":`, '', c.answer),
          }
        ),
      },
    ];
  }
  return [];
}

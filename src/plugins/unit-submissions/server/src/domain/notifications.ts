/**
 * The mails of the submission workflow: who is told about which move, in Vietnamese with an English line.
 * Pure module: the caller supplies the recipients and sends (through the outbox).
 */
import { mailLines as lines, topicsOf, viewLink, type PlannedMail } from '#domain/mail';
import type { SubmissionState } from './workflow';

export interface MailContext {
  documentId: string;
  title: string;
  unitName: string;
  actorName: string;
  comment?: string | null;
  link: string;
}

export type Audience = 'it_center' | 'unit' | 'assignee';

/**
 * The mails a move causes: on submit to the IT Center; on resubmission to the assignee who asked for the changes; on
 * changes requested, approval, rejection to the unit; to whoever is newly assigned.
 */
export function mailsForTransition(
  move: { from: SubmissionState; to: SubmissionState },
  context: MailContext,
  assigned: boolean
): PlannedMail<Audience>[] {
  const { from, to } = move;
  const topic = topicsOf('submission', context.documentId);
  const footer = viewLink(context.link);
  const mails: PlannedMail<Audience>[] = [];
  if (to === 'submitted') {
    mails.push({
      audience: 'it_center',
      topic: topic('submitted'),
      subject: `[Tin bài] ${context.unitName} gửi: ${context.title}`,
      text: lines(
        `${context.unitName} đã gửi tin bài "${context.title}" để biên tập, đăng tải.`,
        `${context.unitName} submitted "${context.title}" for review.`,
        footer
      ),
    });
  }
  if (from === 'changes_requested' && to === 'in_review') {
    mails.push({
      audience: 'assignee',
      topic: topic('resubmitted'),
      subject: `[Tin bài] ${context.unitName} gửi lại: ${context.title}`,
      text: lines(
        `${context.unitName} đã chỉnh sửa và gửi lại tin bài "${context.title}"; tin bài quay về bạn để biên tập tiếp.`,
        `${context.unitName} revised and resubmitted "${context.title}"; it is back with you for review.`,
        footer
      ),
    });
  }
  if (to === 'changes_requested' || to === 'approved' || to === 'rejected') {
    const vi = {
      changes_requested: 'cần chỉnh sửa',
      approved: 'đã được duyệt',
      rejected: 'không được duyệt',
    }[to];
    const en = { changes_requested: 'needs changes', approved: 'was approved', rejected: 'was rejected' }[to];
    mails.push({
      audience: 'unit',
      topic: topic(to),
      subject: `[Tin bài] "${context.title}" ${vi}`,
      text: lines(
        `Tin bài "${context.title}" ${vi} (${context.actorName}).`,
        `"${context.title}" ${en} (${context.actorName}).`,
        context.comment && `\n${context.comment}`,
        footer
      ),
    });
  }
  if (assigned) {
    mails.push({
      audience: 'assignee',
      topic: topic('assigned'),
      subject: `[Tin bài] Bạn được giao biên tập: ${context.title}`,
      text: lines(
        `${context.actorName} giao bạn biên tập tin bài "${context.title}" của ${context.unitName}.`,
        `${context.actorName} assigned you to review "${context.title}" from ${context.unitName}.`,
        footer
      ),
    });
  }
  return mails;
}

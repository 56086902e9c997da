import { CHANNELS, SUBMISSION_KINDS } from '#unit-submissions/domain/submission-input';
import { SUBMISSION_STATES, type SubmissionState } from '#unit-submissions/domain/workflow';
import { msg, type Message } from './i18n';
import {
  isOneOf,
  ARTICLE_CHANNEL_NAMES,
  messages,
  SUBMISSION_KIND_NAMES,
  SUBMISSION_STATE_NAMES,
  SUBMISSION_STATE_VARIANTS,
} from '#admin/shared/vocabulary';

export { CHANNELS, SUBMISSION_KINDS, SUBMISSION_STATES };
export type { SubmissionState };
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export type Channel = (typeof CHANNELS)[number];

export const STATE_LABELS: Record<SubmissionState, Message> = messages('state', SUBMISSION_STATE_NAMES);

export const STATE_VARIANTS = SUBMISSION_STATE_VARIANTS;

export const KIND_LABELS: Record<SubmissionKind, Message> = messages('kind', SUBMISSION_KIND_NAMES);

export const CHANNEL_LABELS: Record<Channel, Message> = messages('channel', ARTICLE_CHANNEL_NAMES);

/**
 * A move as the user sees it: the state it leads to, except resubmitting (changes requested → back in review, with
 * the same reviewer) and discarding (withdrawing a draft that was never sent).
 */
export type Move = SubmissionState | 'resubmit' | 'discard';

export const moveOf = (from: SubmissionState, to: SubmissionState): Move =>
  from === 'changes_requested' && to === 'in_review'
    ? 'resubmit'
    : from === 'draft' && to === 'withdrawn'
      ? 'discard'
      : to;

/** The button of a move. */
export const TRANSITION_LABELS: Record<Move, Message> = messages('transition', {
  draft: 'Chuyển về đang soạn',
  submitted: 'Gửi Trung tâm CNTT',
  resubmit: 'Gửi lại Trung tâm CNTT',
  in_review: 'Nhận biên tập',
  changes_requested: 'Yêu cầu chỉnh sửa',
  approved: 'Duyệt',
  published: 'Đăng',
  rejected: 'Từ chối',
  withdrawn: 'Rút lại',
  discard: 'Hủy bản nháp',
});

/** What the page says once a move is made. */
export const TRANSITION_DONE: Record<Move, Message> = messages('transition.done', {
  draft: 'Đã chuyển tin bài về trạng thái đang soạn.',
  submitted: 'Đã gửi tin bài tới Trung tâm CNTT.',
  resubmit: 'Đã gửi lại tin bài; biên tập viên phụ trách đã được báo.',
  in_review: 'Đã nhận biên tập tin bài.',
  changes_requested: 'Đã gửi yêu cầu chỉnh sửa cho đơn vị.',
  approved: 'Đã duyệt tin bài; bài viết nháp đã được tạo.',
  published: 'Tin bài đã được đăng.',
  rejected: 'Đã từ chối tin bài.',
  withdrawn: 'Đã rút lại tin bài.',
  discard: 'Đã hủy bản nháp.',
});

export type HistoryAction =
  | 'created'
  | 'edited'
  | 'transitioned'
  | 'assigned'
  | 'commented'
  | 'article_created';

export const ACTION_LABELS: Record<HistoryAction, Message> = messages('history.action', {
  created: 'Tạo tin bài',
  edited: 'Chỉnh sửa nội dung',
  transitioned: 'Chuyển trạng thái',
  assigned: 'Phân công biên tập',
  commented: 'Trao đổi',
  article_created: 'Tạo bài viết nháp',
});

export const FIELD_LABELS = {
  title: msg('field.title', 'Tiêu đề'),
  kind: msg('field.kind', 'Thể loại'),
  unit: msg('field.unit', 'Đơn vị'),
  planTask: msg('field.planTask', 'Nhiệm vụ trong kế hoạch'),
  proposedChannel: msg('field.proposedChannel', 'Kênh đăng tải đề xuất'),
  desiredPublicationDate: msg('field.desiredPublicationDate', 'Ngày mong muốn đăng'),
  body: msg('field.body', 'Nội dung'),
  attachments: msg('field.attachments', 'Tệp đính kèm'),
} as const satisfies Record<string, Message>;

export type FormField = keyof typeof FIELD_LABELS;

export const isState = isOneOf(SUBMISSION_STATES);

export const isKind = isOneOf(SUBMISSION_KINDS);

export const isChannel = isOneOf(CHANNELS);

/** A person as the Vietnamese write it: family name first. */
export const personName = (
  person: { firstname?: string | null; lastname?: string | null; email?: string | null } | null | undefined
) => (person ? [person.lastname, person.firstname].filter(Boolean).join(' ') || person.email || '' : '');

import { CHANNELS, SUBMISSION_KINDS } from '#unit-submissions/domain/submission-input';
import { SUBMISSION_STATES, type SubmissionState } from '#unit-submissions/domain/workflow';
import { msg, type Message } from './i18n';

export { CHANNELS, SUBMISSION_KINDS, SUBMISSION_STATES };
export type { SubmissionState };
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export type Channel = (typeof CHANNELS)[number];

export const STATE_LABELS: Record<SubmissionState, Message> = {
  draft: msg('state.draft', 'Đang soạn'),
  submitted: msg('state.submitted', 'Đã gửi'),
  in_review: msg('state.in_review', 'Đang biên tập'),
  changes_requested: msg('state.changes_requested', 'Cần chỉnh sửa'),
  approved: msg('state.approved', 'Đã duyệt'),
  published: msg('state.published', 'Đã đăng'),
  rejected: msg('state.rejected', 'Bị từ chối'),
  withdrawn: msg('state.withdrawn', 'Đã rút lại'),
};

export type BadgeVariant =
  | 'success'
  | 'primary'
  | 'danger'
  | 'warning'
  | 'neutral'
  | 'secondary'
  | 'alternative';

export const STATE_VARIANTS: Record<SubmissionState, BadgeVariant> = {
  draft: 'neutral',
  submitted: 'secondary',
  in_review: 'primary',
  changes_requested: 'warning',
  approved: 'alternative',
  published: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export const KIND_LABELS: Record<SubmissionKind, Message> = {
  news: msg('kind.news', 'Tin'),
  article: msg('kind.article', 'Bài viết'),
  reportage: msg('kind.reportage', 'Phóng sự'),
  video_clip: msg('kind.video_clip', 'Video clip'),
  photos: msg('kind.photos', 'Ảnh'),
  document: msg('kind.document', 'Văn bản, tài liệu'),
};

export const CHANNEL_LABELS: Record<Channel, Message> = {
  website: msg('channel.website', 'Trang thông tin điện tử'),
  press: msg('channel.press', 'Báo chí'),
  television: msg('channel.television', 'Truyền hình'),
  radio: msg('channel.radio', 'Phát thanh'),
  social_media: msg('channel.social_media', 'Mạng xã hội'),
};

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
export const TRANSITION_LABELS: Record<Move, Message> = {
  draft: msg('transition.draft', 'Chuyển về đang soạn'),
  submitted: msg('transition.submitted', 'Gửi Trung tâm CNTT'),
  resubmit: msg('transition.resubmit', 'Gửi lại Trung tâm CNTT'),
  in_review: msg('transition.in_review', 'Nhận biên tập'),
  changes_requested: msg('transition.changes_requested', 'Yêu cầu chỉnh sửa'),
  approved: msg('transition.approved', 'Duyệt'),
  published: msg('transition.published', 'Đăng'),
  rejected: msg('transition.rejected', 'Từ chối'),
  withdrawn: msg('transition.withdrawn', 'Rút lại'),
  discard: msg('transition.discard', 'Hủy bản nháp'),
};

/** What the page says once a move is made. */
export const TRANSITION_DONE: Record<Move, Message> = {
  draft: msg('transition.done.draft', 'Đã chuyển tin bài về trạng thái đang soạn.'),
  submitted: msg('transition.done.submitted', 'Đã gửi tin bài tới Trung tâm CNTT.'),
  resubmit: msg('transition.done.resubmit', 'Đã gửi lại tin bài; biên tập viên phụ trách đã được báo.'),
  in_review: msg('transition.done.in_review', 'Đã nhận biên tập tin bài.'),
  changes_requested: msg('transition.done.changes_requested', 'Đã gửi yêu cầu chỉnh sửa cho đơn vị.'),
  approved: msg('transition.done.approved', 'Đã duyệt tin bài; bài viết nháp đã được tạo.'),
  published: msg('transition.done.published', 'Tin bài đã được đăng.'),
  rejected: msg('transition.done.rejected', 'Đã từ chối tin bài.'),
  withdrawn: msg('transition.done.withdrawn', 'Đã rút lại tin bài.'),
  discard: msg('transition.done.discard', 'Đã hủy bản nháp.'),
};

export type HistoryAction =
  | 'created'
  | 'edited'
  | 'transitioned'
  | 'assigned'
  | 'commented'
  | 'article_created';

export const ACTION_LABELS: Record<HistoryAction, Message> = {
  created: msg('history.action.created', 'Tạo tin bài'),
  edited: msg('history.action.edited', 'Chỉnh sửa nội dung'),
  transitioned: msg('history.action.transitioned', 'Chuyển trạng thái'),
  assigned: msg('history.action.assigned', 'Phân công biên tập'),
  commented: msg('history.action.commented', 'Trao đổi'),
  article_created: msg('history.action.article_created', 'Tạo bài viết nháp'),
};

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

export const isState = (value: unknown): value is SubmissionState =>
  typeof value === 'string' && (SUBMISSION_STATES as readonly string[]).includes(value);

export const isKind = (value: unknown): value is SubmissionKind =>
  typeof value === 'string' && (SUBMISSION_KINDS as readonly string[]).includes(value);

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);

export const isHistoryAction = (value: unknown): value is HistoryAction =>
  typeof value === 'string' && value in ACTION_LABELS;

/** A person as the Vietnamese write it: family name first. */
export const personName = (
  person: { firstname?: string | null; lastname?: string | null; email?: string | null } | null | undefined
) => (person ? [person.lastname, person.firstname].filter(Boolean).join(' ') || person.email || '' : '');

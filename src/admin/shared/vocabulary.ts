/**
 * The coded values several plugins show (states, kinds, channels), named once in Vietnamese, and the colours of
 * their badges. Each plugin keeps its own message ids (its translation files): `messages('state', …)` gives the
 * plugin's messages `state.draft`, `state.submitted`… with these names as their defaults.
 */
import type { FeedbackState } from '#feedback-register/domain/workflow';
import type { SubmissionState } from '#unit-submissions/domain/workflow';
import { msg, type Message } from './i18n';

export { SUBMISSION_STATES, type SubmissionState } from '#unit-submissions/domain/workflow';
/** An article's kinds and channels: named once in src/domain, where the annual report's server reads them too. */
export { ARTICLE_CHANNEL_NAMES, ARTICLE_KIND_NAMES } from '#domain/articles';

export type BadgeVariant =
  | 'success'
  | 'primary'
  | 'danger'
  | 'warning'
  | 'neutral'
  | 'secondary'
  | 'alternative';

/** `{ key: Vietnamese name }` as the plugin's messages `<prefix>.<key>`. */
export const messages = <K extends string>(prefix: string, names: Record<K, string>) =>
  Object.fromEntries(
    (Object.keys(names) as K[]).map((key) => [key, msg(`${prefix}.${key}`, names[key])])
  ) as Record<K, Message>;

/**
 * The states of a badge, one row a state: `{ key: [Vietnamese name, colour] }` as the plugin's messages
 * `<prefix>.<key>` (`labels`) and the badge's colours (`variants`).
 */
export function badges<K extends string>(prefix: string, rows: Record<K, readonly [string, BadgeVariant]>) {
  const keys = Object.keys(rows) as K[];
  return {
    labels: messages(prefix, Object.fromEntries(keys.map((key) => [key, rows[key][0]])) as Record<K, string>),
    variants: Object.fromEntries(keys.map((key) => [key, rows[key][1]])) as Record<K, BadgeVariant>,
  };
}

export const SUBMISSION_STATE_NAMES: Record<SubmissionState, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi',
  in_review: 'Đang biên tập',
  changes_requested: 'Cần chỉnh sửa',
  approved: 'Đã duyệt',
  published: 'Đã đăng',
  rejected: 'Bị từ chối',
  withdrawn: 'Đã rút lại',
};

export const SUBMISSION_STATE_VARIANTS: Record<SubmissionState, BadgeVariant> = {
  draft: 'neutral',
  submitted: 'secondary',
  in_review: 'primary',
  changes_requested: 'warning',
  approved: 'alternative',
  published: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

/** What a unit submits (unit-submissions' SUBMISSION_KINDS). */
export const SUBMISSION_KIND_NAMES = {
  news: 'Tin',
  article: 'Bài viết',
  reportage: 'Phóng sự',
  video_clip: 'Video clip',
  photos: 'Ảnh',
  document: 'Văn bản, tài liệu',
};

export const FEEDBACK_STATE_NAMES: Record<FeedbackState, string> = {
  received: 'Chờ phân loại',
  not_accepted: 'Không tiếp nhận',
  transferred: 'Đã chuyển cơ quan có thẩm quyền',
  accepted: 'Chờ giao đơn vị',
  assigned: 'Đã giao đơn vị',
  answer_drafted: 'Đã có dự thảo trả lời',
  answer_approved: 'Văn phòng đã duyệt',
  answered: 'Đã trả lời',
  published: 'Đã công khai',
};

/** How a feedback reached the department. */
export const FEEDBACK_CHANNEL_NAMES = {
  web: 'Cổng thông tin',
  email: 'Thư điện tử',
  phone: 'Điện thoại',
  paper: 'Văn bản giấy',
};

/** A plan task's progress (oversight's domain/task-status.ts). */
export const TASK_STATUS_NAMES = {
  done: 'Đã hoàn thành',
  in_progress: 'Đang thực hiện',
  overdue: 'Quá hạn',
};

/** A type guard for one of `values`: `isOneOf(FEEDBACK_STATES)(value)`. */
export const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);

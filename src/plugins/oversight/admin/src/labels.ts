import type { TaskStatus } from '#oversight/domain/task-status';
import { msg, tm, type Message, type Translate } from './i18n';

export type { TaskStatus };

export type BadgeVariant =
  | 'success'
  | 'primary'
  | 'danger'
  | 'warning'
  | 'neutral'
  | 'secondary'
  | 'alternative';

export const TASK_STATUSES = ['done', 'in_progress', 'overdue'] as const satisfies readonly TaskStatus[];

export const TASK_STATUS_LABELS: Record<TaskStatus, Message> = {
  done: msg('taskStatus.done', 'Đã hoàn thành'),
  in_progress: msg('taskStatus.in_progress', 'Đang thực hiện'),
  overdue: msg('taskStatus.overdue', 'Quá hạn'),
};

export const TASK_STATUS_VARIANTS: Record<TaskStatus, BadgeVariant> = {
  done: 'success',
  in_progress: 'primary',
  overdue: 'danger',
};

export const SUBMISSION_STATES = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'rejected',
  'withdrawn',
] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const SUBMISSION_STATE_LABELS: Record<SubmissionState, Message> = {
  draft: msg('submissionState.draft', 'Đang soạn'),
  submitted: msg('submissionState.submitted', 'Đã gửi'),
  in_review: msg('submissionState.in_review', 'Đang biên tập'),
  changes_requested: msg('submissionState.changes_requested', 'Cần chỉnh sửa'),
  approved: msg('submissionState.approved', 'Đã duyệt'),
  published: msg('submissionState.published', 'Đã đăng'),
  rejected: msg('submissionState.rejected', 'Bị từ chối'),
  withdrawn: msg('submissionState.withdrawn', 'Đã rút lại'),
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

export const ARTICLE_KINDS = [
  'news',
  'article',
  'reportage',
  'documentary',
  'video_clip',
  'photo_story',
] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ARTICLE_KIND_LABELS: Record<ArticleKind, Message> = {
  news: msg('articleKind.news', 'Tin'),
  article: msg('articleKind.article', 'Bài viết'),
  reportage: msg('articleKind.reportage', 'Phóng sự'),
  documentary: msg('articleKind.documentary', 'Phim tài liệu'),
  video_clip: msg('articleKind.video_clip', 'Video clip'),
  photo_story: msg('articleKind.photo_story', 'Phóng sự ảnh'),
};

export const ARTICLE_CHANNELS = ['website', 'press', 'television', 'radio', 'social_media'] as const;
export type ArticleChannel = (typeof ARTICLE_CHANNELS)[number];

export const ARTICLE_CHANNEL_LABELS: Record<ArticleChannel, Message> = {
  website: msg('channel.website', 'Trang thông tin điện tử'),
  press: msg('channel.press', 'Báo chí'),
  television: msg('channel.television', 'Truyền hình'),
  radio: msg('channel.radio', 'Phát thanh'),
  social_media: msg('channel.social_media', 'Mạng xã hội'),
};

/** The forms of a plan task: the article kinds and the other activities of the plan. */
export const TASK_FORM_LABELS: Record<string, Message> = {
  ...ARTICLE_KIND_LABELS,
  training: msg('taskForm.training', 'Tập huấn'),
  briefing: msg('taskForm.briefing', 'Hội nghị, tọa đàm'),
  posting: msg('taskForm.posting', 'Niêm yết, đăng tải'),
  report: msg('taskForm.report', 'Báo cáo'),
};

export const SUBMISSION_KIND_LABELS: Record<string, Message> = {
  news: msg('submissionKind.news', 'Tin'),
  article: msg('submissionKind.article', 'Bài viết'),
  reportage: msg('submissionKind.reportage', 'Phóng sự'),
  video_clip: msg('submissionKind.video_clip', 'Video clip'),
  photos: msg('submissionKind.photos', 'Ảnh'),
  document: msg('submissionKind.document', 'Văn bản, tài liệu'),
};

export const FEEDBACK_FILTERS = ['assigned', 'answered', 'on_time', 'overdue'] as const;
export type FeedbackFilter = (typeof FEEDBACK_FILTERS)[number];

export const FEEDBACK_FILTER_LABELS: Record<FeedbackFilter, Message> = {
  assigned: msg('feedbackFilter.assigned', 'Được giao'),
  answered: msg('feedbackFilter.answered', 'Đã trả lời'),
  on_time: msg('feedbackFilter.on_time', 'Trả lời đúng hạn'),
  overdue: msg('feedbackFilter.overdue', 'Quá hạn'),
};

export const FEEDBACK_STATE_LABELS: Record<string, Message> = {
  received: msg('feedbackState.received', 'Chờ phân loại'),
  not_accepted: msg('feedbackState.not_accepted', 'Không tiếp nhận'),
  transferred: msg('feedbackState.transferred', 'Đã chuyển cơ quan có thẩm quyền'),
  accepted: msg('feedbackState.accepted', 'Chờ giao đơn vị'),
  assigned: msg('feedbackState.assigned', 'Đã giao đơn vị'),
  answer_drafted: msg('feedbackState.answer_drafted', 'Đã có dự thảo trả lời'),
  answer_approved: msg('feedbackState.answer_approved', 'Văn phòng đã duyệt'),
  answered: msg('feedbackState.answered', 'Đã trả lời'),
  published: msg('feedbackState.published', 'Đã công khai'),
};

export const DIFFICULTY_STATES = ['open', 'resolved', 'escalated', 'answered'] as const;
export type DifficultyState = (typeof DIFFICULTY_STATES)[number];

export const DIFFICULTY_STATE_LABELS: Record<DifficultyState, Message> = {
  open: msg('difficultyState.open', 'Chưa xử lý'),
  resolved: msg('difficultyState.resolved', 'Văn phòng đã giải quyết'),
  escalated: msg('difficultyState.escalated', 'Đã báo cáo Giám đốc'),
  answered: msg('difficultyState.answered', 'Giám đốc đã chỉ đạo'),
};

export const DIFFICULTY_STATE_VARIANTS: Record<DifficultyState, BadgeVariant> = {
  open: 'warning',
  resolved: 'success',
  escalated: 'danger',
  answered: 'success',
};

/** The button of a move, by the state it leads to. */
export const DIFFICULTY_TRANSITION_LABELS: Record<DifficultyState, Message> = {
  open: msg('transition.open', 'Mở lại'),
  resolved: msg('transition.resolved', 'Giải quyết'),
  escalated: msg('transition.escalated', 'Báo cáo Giám đốc'),
  answered: msg('transition.answered', 'Trả lời'),
};

export const DIFFICULTY_TRANSITION_DESCRIPTIONS: Record<DifficultyState, Message> = {
  open: msg('transition.description.open', 'Khó khăn, vướng mắc trở về trạng thái chưa xử lý.'),
  resolved: msg(
    'transition.description.resolved',
    'Văn phòng Sở giải quyết trong phạm vi của mình: ghi rõ cách giải quyết để đơn vị thực hiện.'
  ),
  escalated: msg(
    'transition.description.escalated',
    'Vượt thẩm quyền của Văn phòng Sở: báo cáo Giám đốc Sở cho ý kiến chỉ đạo.'
  ),
  answered: msg(
    'transition.description.answered',
    'Ý kiến chỉ đạo của Giám đốc Sở được gửi tới Văn phòng Sở và đơn vị.'
  ),
};

export const REMINDER_KIND_LABELS: Record<'manual' | 'scheduled', Message> = {
  manual: msg('reminderKind.manual', 'Văn phòng đôn đốc'),
  scheduled: msg('reminderKind.scheduled', 'Nhắc việc tự động'),
};

const label = (t: Translate, labels: Record<string, Message>, value: string | null | undefined) =>
  value ? (labels[value] ? tm(t, labels[value]) : value) : '—';

export const taskStatusLabel = (t: Translate, value: string) => label(t, TASK_STATUS_LABELS, value);
export const submissionStateLabel = (t: Translate, value: string) => label(t, SUBMISSION_STATE_LABELS, value);
export const submissionKindLabel = (t: Translate, value: string) => label(t, SUBMISSION_KIND_LABELS, value);
export const articleKindLabel = (t: Translate, value: string) => label(t, ARTICLE_KIND_LABELS, value);
export const channelLabel = (t: Translate, value: string | null | undefined) =>
  label(t, ARTICLE_CHANNEL_LABELS, value);
export const taskFormLabel = (t: Translate, value: string | null | undefined) =>
  label(t, TASK_FORM_LABELS, value);
export const feedbackStateLabel = (t: Translate, value: string) => label(t, FEEDBACK_STATE_LABELS, value);
export const difficultyStateLabel = (t: Translate, value: string) => label(t, DIFFICULTY_STATE_LABELS, value);

export const isTaskStatus = (value: unknown): value is TaskStatus =>
  typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);
export const isSubmissionState = (value: unknown): value is SubmissionState =>
  typeof value === 'string' && (SUBMISSION_STATES as readonly string[]).includes(value);
export const isDifficultyState = (value: unknown): value is DifficultyState =>
  typeof value === 'string' && (DIFFICULTY_STATES as readonly string[]).includes(value);

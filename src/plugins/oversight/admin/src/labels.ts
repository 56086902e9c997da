import { FEEDBACK_FILTERS } from '#oversight/domain/dashboard';
import { DIFFICULTY_STATES, type DifficultyState } from '#oversight/domain/difficulty-workflow';
import type { TaskStatus } from '#oversight/domain/task-status';
import { msg, tm, type Message, type Translate } from './i18n';
import {
  isOneOf,
  ARTICLE_CHANNEL_NAMES,
  ARTICLE_KIND_NAMES,
  badges,
  FEEDBACK_STATE_NAMES,
  messages,
  SUBMISSION_KIND_NAMES,
  SUBMISSION_STATE_NAMES,
  SUBMISSION_STATES,
  TASK_STATUS_NAMES,
  type BadgeVariant,
  type SubmissionState,
} from '#admin/shared/vocabulary';

// The values are the server's: the admin only names them.
export type { DifficultyState, SubmissionState, TaskStatus };
export { DIFFICULTY_STATES, FEEDBACK_FILTERS, SUBMISSION_STATES };
export { SUBMISSION_STATE_VARIANTS } from '#admin/shared/vocabulary';

export const TASK_STATUSES = ['done', 'in_progress', 'overdue'] as const satisfies readonly TaskStatus[];

export const TASK_STATUS_LABELS: Record<TaskStatus, Message> = messages('taskStatus', TASK_STATUS_NAMES);

export const TASK_STATUS_VARIANTS: Record<TaskStatus, BadgeVariant> = {
  done: 'success',
  in_progress: 'primary',
  overdue: 'danger',
};

export const SUBMISSION_STATE_LABELS = messages('submissionState', SUBMISSION_STATE_NAMES);

export const ARTICLE_KINDS = Object.keys(ARTICLE_KIND_NAMES) as (keyof typeof ARTICLE_KIND_NAMES)[];
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const ARTICLE_KIND_LABELS = messages('articleKind', ARTICLE_KIND_NAMES);

export const ARTICLE_CHANNELS = Object.keys(ARTICLE_CHANNEL_NAMES) as (keyof typeof ARTICLE_CHANNEL_NAMES)[];
export type ArticleChannel = (typeof ARTICLE_CHANNELS)[number];

export const ARTICLE_CHANNEL_LABELS = messages('channel', ARTICLE_CHANNEL_NAMES);

/** The forms of a plan task: the article kinds and the other activities of the plan. */
export const TASK_FORM_LABELS: Record<string, Message> = {
  ...ARTICLE_KIND_LABELS,
  ...messages('taskForm', {
    training: 'Tập huấn',
    briefing: 'Hội nghị, tọa đàm',
    posting: 'Niêm yết, đăng tải',
    report: 'Báo cáo',
  }),
};

export const SUBMISSION_KIND_LABELS: Record<string, Message> = messages(
  'submissionKind',
  SUBMISSION_KIND_NAMES
);

export type FeedbackFilter = (typeof FEEDBACK_FILTERS)[number];

export const FEEDBACK_FILTER_LABELS: Record<FeedbackFilter, Message> = messages('feedbackFilter', {
  assigned: 'Được giao',
  answered: 'Đã trả lời',
  on_time: 'Trả lời đúng hạn',
  overdue: 'Quá hạn',
});

export const FEEDBACK_STATE_LABELS: Record<string, Message> = messages('feedbackState', FEEDBACK_STATE_NAMES);

export const { labels: DIFFICULTY_STATE_LABELS, variants: DIFFICULTY_STATE_VARIANTS } =
  badges<DifficultyState>('difficultyState', {
    open: ['Chưa xử lý', 'warning'],
    resolved: ['Văn phòng đã giải quyết', 'success'],
    escalated: ['Đã báo cáo Giám đốc', 'danger'],
    answered: ['Giám đốc đã chỉ đạo', 'success'],
  });

/** The button of a move, by the state it leads to. */
export const DIFFICULTY_TRANSITION_LABELS: Record<DifficultyState, Message> = messages('transition', {
  open: 'Mở lại',
  resolved: 'Giải quyết',
  escalated: 'Báo cáo Giám đốc',
  answered: 'Trả lời',
});

export const DIFFICULTY_TRANSITION_DESCRIPTIONS: Record<DifficultyState, Message> = messages(
  'transition.description',
  {
    open: 'Khó khăn, vướng mắc trở về trạng thái chưa xử lý.',
    resolved: 'Văn phòng Sở giải quyết trong phạm vi của mình: ghi rõ cách giải quyết để đơn vị thực hiện.',
    escalated: 'Vượt thẩm quyền của Văn phòng Sở: báo cáo Giám đốc Sở cho ý kiến chỉ đạo.',
    answered: 'Ý kiến chỉ đạo của Giám đốc Sở được gửi tới Văn phòng Sở và đơn vị.',
  }
);

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

export const isTaskStatus = isOneOf(TASK_STATUSES);
export const isSubmissionState = isOneOf(SUBMISSION_STATES);
export const isDifficultyState = isOneOf(DIFFICULTY_STATES);

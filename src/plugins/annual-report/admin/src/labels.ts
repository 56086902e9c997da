import { msg, tm, type Message, type Translate } from './i18n';
import {
  ARTICLE_CHANNEL_NAMES,
  ARTICLE_KIND_NAMES,
  badges,
  FEEDBACK_CHANNEL_NAMES,
  FEEDBACK_STATE_NAMES,
  messages,
  SUBMISSION_STATE_NAMES,
  TASK_STATUS_NAMES,
  type BadgeVariant,
} from '#admin/shared/vocabulary';
import type { ExportFormat, ExportList, JobState, ReportState } from './api';

export const REPORT_STATE_LABELS: Record<ReportState, Message> = {
  draft: msg('state.draft', 'Dự thảo'),
  issued: msg('state.issued', 'Đã ban hành'),
};

export const REPORT_STATE_VARIANTS: Record<ReportState, BadgeVariant> = {
  draft: 'secondary',
  issued: 'success',
};

export const { labels: JOB_STATE_LABELS, variants: JOB_STATE_VARIANTS } = badges<JobState>('job.state', {
  queued: ['Đang chờ', 'neutral'],
  running: ['Đang tạo', 'primary'],
  done: ['Hoàn thành', 'success'],
  failed: ['Lỗi', 'danger'],
});

/** What an export produces, by format and list. */
export const exportLabel = (t: Translate, format: ExportFormat, list?: ExportList | null) => {
  if (format === 'docx') return t('export.docx', 'Báo cáo (DOCX)');
  if (format === 'xlsx') return t('export.xlsx', 'Phụ lục số liệu (XLSX)');
  if (list === 'feedback') return t('export.csvFeedback', 'Danh sách PAKN (CSV)');
  return t('export.csvArticles', 'Danh sách tin bài (CSV)');
};

/** Labels of the keys the figures count by; an unknown key shows as it is. */
const KEY_LABELS: Record<string, Record<string, Message>> = {
  articleKind: messages('articleKind', ARTICLE_KIND_NAMES),
  articleChannel: messages('articleChannel', ARTICLE_CHANNEL_NAMES),
  submissionState: messages('submissionState', SUBMISSION_STATE_NAMES),
  procedureLevel: {
    fully_online: msg('procedureLevel.fully_online', 'Dịch vụ công trực tuyến toàn trình'),
    partly_online: msg('procedureLevel.partly_online', 'Dịch vụ công trực tuyến một phần'),
    not_online: msg('procedureLevel.not_online', 'Chưa cung cấp trực tuyến'),
  },
  feedbackChannel: messages('feedbackChannel', FEEDBACK_CHANNEL_NAMES),
  feedbackKind: {
    official_conduct: msg('feedbackKind.official_conduct', 'Hành vi chậm trễ, gây phiền hà của cán bộ'),
    impractical_rule: msg('feedbackKind.impractical_rule', 'Quy định không phù hợp thực tế'),
    inconsistent_rules: msg('feedbackKind.inconsistent_rules', 'Quy định không đồng bộ, thống nhất'),
    unlawful_rule: msg('feedbackKind.unlawful_rule', 'Quy định không hợp pháp'),
    treaty_conflict: msg('feedbackKind.treaty_conflict', 'Quy định trái điều ước quốc tế'),
    other_issue: msg('feedbackKind.other_issue', 'Vấn đề khác'),
    proposed_solution: msg('feedbackKind.proposed_solution', 'Phương án xử lý'),
    new_rule_initiative: msg('feedbackKind.new_rule_initiative', 'Sáng kiến ban hành mới quy định'),
  },
  criterion: {
    timeliness: msg('criterion.timeliness', 'Trả kết quả đúng hoặc sớm hơn hạn'),
    agencyCount: msg('criterion.agencyCount', 'Số cơ quan phải liên hệ'),
    visitCount: msg('criterion.visitCount', 'Số lần phải liên hệ'),
    informationAccuracy: msg(
      'criterion.informationAccuracy',
      'Thông tin thủ tục công khai chính xác, đầy đủ'
    ),
    staffAttitude: msg('criterion.staffAttitude', 'Thái độ của cán bộ, công chức'),
    lawfulness: msg('criterion.lawfulness', 'Kết quả, chi phí đúng quy định'),
    feedbackHandling: msg('criterion.feedbackHandling', 'Giải trình phản ánh, kiến nghị'),
    onlineService: msg('criterion.onlineService', 'Dịch vụ công trực tuyến'),
  },
  feedbackState: messages('feedbackState', FEEDBACK_STATE_NAMES),
  legalStatus: {
    in_force: msg('legalStatus.in_force', 'Còn hiệu lực'),
    amended: msg('legalStatus.amended', 'Được sửa đổi'),
    abolished: msg('legalStatus.abolished', 'Bãi bỏ'),
  },
  taskStatus: messages('taskStatus', TASK_STATUS_NAMES),
};

export type KeyKind = keyof typeof KEY_LABELS;

export const keyLabel = (t: Translate, kind: KeyKind, key: string) => {
  const message = KEY_LABELS[kind]?.[key];
  return message ? tm(t, message) : key;
};

/** The columns of the rows behind a figure (they vary by figure); an unknown field shows its name. */
export const COLUMN_LABELS: Record<string, Message> = messages('column', {
  title: 'Tiêu đề',
  subject: 'Tiêu đề',
  name: 'Tên',
  nationalCode: 'Mã thủ tục',
  kind: 'Loại',
  channel: 'Kênh',
  state: 'Trạng thái',
  unit: 'Đơn vị',
  publishedAt: 'Ngày đăng',
  createdAt: 'Ngày tạo',
  submittedAt: 'Ngày gửi',
  receivedAt: 'Ngày tiếp nhận',
  dueDate: 'Hạn giải quyết',
  closedAt: 'Ngày kết thúc',
  onTime: 'Đúng hạn',
  answerPublishedAt: 'Ngày công khai trả lời',
  legalStatus: 'Hiệu lực',
  effectiveFrom: 'Hiệu lực từ',
  effectiveTo: 'Hết hiệu lực',
});

/** Which labels the coded values of a column take, by the figure's area (articles, submissions, feedback). */
export const valueKind = (area: string, column: string): KeyKind | null => {
  if (column === 'kind') return area === 'feedback' ? 'feedbackKind' : 'articleKind';
  if (column === 'channel') return area === 'feedback' ? 'feedbackChannel' : 'articleChannel';
  if (column === 'state')
    return area === 'feedback' ? 'feedbackState' : area === 'submissions' ? 'submissionState' : null;
  if (column === 'legalStatus') return 'legalStatus';
  return null;
};

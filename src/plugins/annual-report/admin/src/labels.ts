import { msg, tm, type Message, type Translate } from './i18n';
import type { ExportFormat, ExportList, JobState, ReportState } from './api';

export type BadgeVariant =
  | 'success'
  | 'primary'
  | 'danger'
  | 'warning'
  | 'neutral'
  | 'secondary'
  | 'alternative';

export const REPORT_STATE_LABELS: Record<ReportState, Message> = {
  draft: msg('state.draft', 'Dự thảo'),
  issued: msg('state.issued', 'Đã ban hành'),
};

export const REPORT_STATE_VARIANTS: Record<ReportState, BadgeVariant> = {
  draft: 'secondary',
  issued: 'success',
};

export const JOB_STATE_LABELS: Record<JobState, Message> = {
  queued: msg('job.state.queued', 'Đang chờ'),
  running: msg('job.state.running', 'Đang tạo'),
  done: msg('job.state.done', 'Hoàn thành'),
  failed: msg('job.state.failed', 'Lỗi'),
};

export const JOB_STATE_VARIANTS: Record<JobState, BadgeVariant> = {
  queued: 'neutral',
  running: 'primary',
  done: 'success',
  failed: 'danger',
};

/** What an export produces, by format and list. */
export const exportLabel = (t: Translate, format: ExportFormat, list?: ExportList | null) => {
  if (format === 'docx') return t('export.docx', 'Báo cáo (DOCX)');
  if (format === 'xlsx') return t('export.xlsx', 'Phụ lục số liệu (XLSX)');
  if (list === 'feedback') return t('export.csvFeedback', 'Danh sách PAKN (CSV)');
  return t('export.csvArticles', 'Danh sách tin bài (CSV)');
};

/** Labels of the keys the figures count by; an unknown key shows as it is. */
const KEY_LABELS: Record<string, Record<string, Message>> = {
  articleKind: {
    news: msg('articleKind.news', 'Tin'),
    article: msg('articleKind.article', 'Bài viết'),
    reportage: msg('articleKind.reportage', 'Phóng sự'),
    documentary: msg('articleKind.documentary', 'Phim tài liệu'),
    video_clip: msg('articleKind.video_clip', 'Video clip'),
    photo_story: msg('articleKind.photo_story', 'Phóng sự ảnh'),
  },
  articleChannel: {
    website: msg('articleChannel.website', 'Trang thông tin điện tử'),
    press: msg('articleChannel.press', 'Báo chí'),
    television: msg('articleChannel.television', 'Truyền hình'),
    radio: msg('articleChannel.radio', 'Phát thanh'),
    social_media: msg('articleChannel.social_media', 'Mạng xã hội'),
  },
  submissionState: {
    draft: msg('submissionState.draft', 'Đang soạn'),
    submitted: msg('submissionState.submitted', 'Đã gửi'),
    in_review: msg('submissionState.in_review', 'Đang biên tập'),
    changes_requested: msg('submissionState.changes_requested', 'Cần chỉnh sửa'),
    approved: msg('submissionState.approved', 'Đã duyệt'),
    published: msg('submissionState.published', 'Đã đăng'),
    rejected: msg('submissionState.rejected', 'Bị từ chối'),
    withdrawn: msg('submissionState.withdrawn', 'Đã rút lại'),
  },
  procedureLevel: {
    fully_online: msg('procedureLevel.fully_online', 'Dịch vụ công trực tuyến toàn trình'),
    partly_online: msg('procedureLevel.partly_online', 'Dịch vụ công trực tuyến một phần'),
    not_online: msg('procedureLevel.not_online', 'Chưa cung cấp trực tuyến'),
  },
  feedbackChannel: {
    web: msg('feedbackChannel.web', 'Cổng thông tin'),
    email: msg('feedbackChannel.email', 'Thư điện tử'),
    phone: msg('feedbackChannel.phone', 'Điện thoại'),
    paper: msg('feedbackChannel.paper', 'Văn bản giấy'),
  },
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
  feedbackState: {
    received: msg('feedbackState.received', 'Chờ phân loại'),
    not_accepted: msg('feedbackState.not_accepted', 'Không tiếp nhận'),
    transferred: msg('feedbackState.transferred', 'Đã chuyển cơ quan có thẩm quyền'),
    accepted: msg('feedbackState.accepted', 'Chờ giao đơn vị'),
    assigned: msg('feedbackState.assigned', 'Đã giao đơn vị'),
    answer_drafted: msg('feedbackState.answer_drafted', 'Đã có dự thảo trả lời'),
    answer_approved: msg('feedbackState.answer_approved', 'Văn phòng đã duyệt'),
    answered: msg('feedbackState.answered', 'Đã trả lời'),
    published: msg('feedbackState.published', 'Đã công khai'),
  },
  legalStatus: {
    in_force: msg('legalStatus.in_force', 'Còn hiệu lực'),
    amended: msg('legalStatus.amended', 'Được sửa đổi'),
    abolished: msg('legalStatus.abolished', 'Bãi bỏ'),
  },
  taskStatus: {
    in_progress: msg('taskStatus.in_progress', 'Đang thực hiện'),
    done: msg('taskStatus.done', 'Đã hoàn thành'),
  },
};

export type KeyKind = keyof typeof KEY_LABELS;

export const keyLabel = (t: Translate, kind: KeyKind, key: string) => {
  const message = KEY_LABELS[kind]?.[key];
  return message ? tm(t, message) : key;
};

/** The columns of the rows behind a figure (they vary by figure); an unknown field shows its name. */
export const COLUMN_LABELS: Record<string, Message> = {
  title: msg('column.title', 'Tiêu đề'),
  subject: msg('column.subject', 'Tiêu đề'),
  name: msg('column.name', 'Tên'),
  nationalCode: msg('column.nationalCode', 'Mã thủ tục'),
  kind: msg('column.kind', 'Loại'),
  channel: msg('column.channel', 'Kênh'),
  state: msg('column.state', 'Trạng thái'),
  unit: msg('column.unit', 'Đơn vị'),
  publishedAt: msg('column.publishedAt', 'Ngày đăng'),
  createdAt: msg('column.createdAt', 'Ngày tạo'),
  submittedAt: msg('column.submittedAt', 'Ngày gửi'),
  receivedAt: msg('column.receivedAt', 'Ngày tiếp nhận'),
  dueDate: msg('column.dueDate', 'Hạn giải quyết'),
  closedAt: msg('column.closedAt', 'Ngày kết thúc'),
  onTime: msg('column.onTime', 'Đúng hạn'),
  answerPublishedAt: msg('column.answerPublishedAt', 'Ngày công khai trả lời'),
  legalStatus: msg('column.legalStatus', 'Hiệu lực'),
  effectiveFrom: msg('column.effectiveFrom', 'Hiệu lực từ'),
  effectiveTo: msg('column.effectiveTo', 'Hết hiệu lực'),
};

/** Which labels the coded values of a column take, by the figure's area (articles, submissions, feedback). */
export const valueKind = (area: string, column: string): KeyKind | null => {
  if (column === 'kind') return area === 'feedback' ? 'feedbackKind' : 'articleKind';
  if (column === 'channel') return area === 'feedback' ? 'feedbackChannel' : 'articleChannel';
  if (column === 'state')
    return area === 'feedback' ? 'feedbackState' : area === 'submissions' ? 'submissionState' : null;
  if (column === 'legalStatus') return 'legalStatus';
  return null;
};

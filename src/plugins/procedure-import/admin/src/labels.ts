import type { ImportField } from '#domain/procedure-import';
import type { Channel } from '#domain/procedure-fields';
import type { OnlineLevel } from '#domain/catalogue-xlsx';
import { badges, messages } from '#admin/shared/vocabulary';
import type { ChangeMode, ImportState, ImportStatus, ImportSummary, ProcedureLevel, RowOutcome } from './api';
import { msg, tm, type Message, type Translate } from './i18n';

export const { labels: IMPORT_STATE_LABELS, variants: IMPORT_STATE_VARIANTS } = badges<ImportState>('state', {
  previewed: ['Chờ áp dụng', 'secondary'],
  applying: ['Đang áp dụng', 'primary'],
  applied: ['Đã áp dụng', 'success'],
  failed: ['Lỗi', 'danger'],
});

export const { labels: ROW_STATUS_LABELS, variants: ROW_STATUS_VARIANTS } = badges<ImportStatus>('status', {
  new: ['Mới', 'success'],
  changed: ['Thay đổi', 'warning'],
  unchanged: ['Không đổi', 'neutral'],
});

/** The preview's counts, keyed as the rows' statuses. */
export const PREVIEW_COUNT_LABELS = {
  new: msg('preview.created', 'Mới'),
  changed: msg('preview.updated', 'Thay đổi'),
  same: msg('preview.unchanged', 'Không đổi'),
  missing: msg('preview.missing', 'Không có trong tệp'),
  refused: msg('preview.refused', 'Bị từ chối'),
};

/** What applying did, keyed as the import's `applied` counts. */
export const APPLIED_COUNT_LABELS = messages('applied', {
  created: 'Thủ tục mới',
  updated: 'Đã cập nhật',
  unchanged: 'Không đổi',
  notChosen: 'Không chọn',
  keptAsDrafts: 'Giữ bản nháp (thiếu thông tin)',
});

export const LEVEL_LABELS: Record<ProcedureLevel, Message> = messages('level', {
  ministry: 'Cấp bộ',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
});

export const MODE_LABELS: Record<ChangeMode, Message> = messages('mode', {
  correction: 'Đính chính (sửa tại chỗ)',
  amendment: 'Phiên bản mới',
});

export const OUTCOME_LABELS: Record<RowOutcome, Message> = messages('outcome', {
  created: 'Đã tạo (bản nháp)',
  published: 'Đã tạo và công bố',
  corrected: 'Đã đính chính',
  amended: 'Đã tạo phiên bản mới',
  unchanged: 'Không đổi',
  not_chosen: 'Không chọn',
});

/** The procedure's fields as a diff names them. */
export const FIELD_LABELS: Record<ImportField, Message> = messages('field', {
  name: 'Tên thủ tục',
  issuingBody: 'Cơ quan ban hành',
  field: 'Lĩnh vực',
  implementingAgency: 'Cơ quan thực hiện',
  levels: 'Cấp thực hiện',
  subjects: 'Đối tượng thực hiện',
  competentAgency: 'Cơ quan có thẩm quyền',
  receivingAddress: 'Địa chỉ tiếp nhận hồ sơ',
  result: 'Kết quả thực hiện',
  requirements: 'Yêu cầu, điều kiện thực hiện',
  keywords: 'Từ khóa',
  onlineLevel: 'Mức độ trực tuyến',
  announcingDecision: 'Quyết định công bố',
  steps: 'Trình tự thực hiện',
  channels: 'Cách thức thực hiện',
  dossier: 'Thành phần hồ sơ',
  legalBases: 'Căn cứ pháp lý',
});

export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, Message> = messages('onlineLevel', {
  fully_online: 'Trực tuyến toàn trình',
  partly_online: 'Trực tuyến một phần',
  not_online: 'Không trực tuyến',
});

export const CHANNEL_LABELS: Record<Channel, Message> = messages('channel', {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Dịch vụ bưu chính',
});

/** A coded value's label; an unknown code shows as it is. */
export const labelOf = <K extends string>(t: Translate, labels: Record<K, Message>, key: string) =>
  Object.hasOwn(labels, key) ? tm(t, labels[key as K]) : key;

export const levelsText = (t: Translate, levels: readonly string[]) =>
  levels.map((level) => labelOf(t, LEVEL_LABELS, level)).join(', ');

/** The server's bilingual texts (refusal reasons) in the UI's language. */
export const inLanguage = (text: { vi: string; en: string }, locale: string) =>
  locale.startsWith('en') ? text.en : text.vi;

/** What an import found, or what applying it did once applied. */
export const countsText = (t: Translate, item: ImportSummary) =>
  item.applied
    ? t(
        'counts.applied',
        'Đã tạo {created} · đã cập nhật {updated} · không đổi {unchanged} · không chọn {notChosen}',
        { ...item.applied }
      )
    : t(
        'counts.preview',
        'Mới {created} · thay đổi {updated} · không đổi {unchanged} · thiếu {missing} · bị từ chối {refused}',
        { ...item.counts }
      );

export const kindLabel = (t: Translate, kind: ImportSummary['kind']) =>
  kind === 'docx' ? t('kind.docx', 'Tệp một thủ tục (DOCX)') : t('kind.xlsx', 'Danh sách thủ tục (XLSX)');

/**
 * The layout numbers and text rules of an administrative document (Decree 30/2020/NĐ-CP, Phụ lục I, III Mẫu 1.4)
 * that the report writers share: paper, margins, font and sizes, the number line, the place and date line, the
 * summary and the recipients list. Pure module: every name comes from the organization's profile or the report.
 */

/** A4 portrait in twentieths of a point (twips). */
export const PAGE = { width: 11906, height: 16838 } as const;

/** Margins in millimetres: top and bottom 20–25, left 30–35, right 15–20. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

export const FONT = 'Times New Roman';

/** Font sizes in points. */
export const SIZES = {
  superiorBody: 13,
  issuingBody: 13,
  number: 13,
  nationalTitle: 12.5,
  motto: 14,
  date: 14,
  documentType: 14,
  summary: 14,
  body: 14,
  table: 12,
  pageNumber: 13,
  recipientsHeading: 12,
  recipients: 11,
  signer: 14,
} as const;

/** First-line indent of body paragraphs, in centimetres (1 cm or 1.27 cm). */
export const FIRST_LINE_INDENT_CM = 1.27;
/** Space after each body paragraph, in points (at least 6). */
export const PARAGRAPH_SPACING_PT = 6;

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const DOCUMENT_TYPE = 'BÁO CÁO';
/** The type abbreviation of a report in the document symbol. */
export const TYPE_CODE = 'BC';

export const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);
export const cmToTwips = (cm: number) => mmToTwips(cm * 10);
/** docx sizes are half-points. */
export const halfPoints = (pt: number) => pt * 2;

export const marginsTwips = () => ({
  top: mmToTwips(MARGINS_MM.top),
  bottom: mmToTwips(MARGINS_MM.bottom),
  left: mmToTwips(MARGINS_MM.left),
  right: mmToTwips(MARGINS_MM.right),
});

/** Vietnamese upper case ("ủy ban" → "ỦY BAN"). */
export const upper = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi');

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The parts of an ISO day "yyyy-mm-dd"; throws on anything else. */
function dayParts(isoDay: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new TypeError(`expected an ISO day yyyy-mm-dd, got ${JSON.stringify(isoDay)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "Hà Nội, ngày 05 tháng 01 năm 2020": day and month below 10 with a leading zero. */
export function dateLine(placeName: string, isoDay: string): string {
  const { year, month, day } = dayParts(isoDay);
  return `${placeName.trim()}, ngày ${pad2(day)} tháng ${pad2(month)} năm ${year}`;
}

/** The blank left for the number of a draft: the Văn thư writes it when the report is issued. */
export const BLANK_NUMBER = '……';

/**
 * "Số: 05/BC-STNMT": a number below 10 gets a leading zero; without a number (a draft) a blank. The symbol is
 * upper case, "/" between number and symbol, "-" between the groups, no spaces.
 */
export function numberLine(number: string | null | undefined, abbreviation: string): string {
  const raw = (number ?? '').trim();
  const value = /^\d+$/.test(raw) ? pad2(Number(raw)) : raw || BLANK_NUMBER;
  const symbol = `${TYPE_CODE}-${upper(abbreviation.trim()).replace(/\s+/g, '')}`;
  return `Số: ${value}/${symbol}`;
}

/**
 * The summary (trích yếu) under "BÁO CÁO", from the report title: the leading type name is dropped and the first
 * letter capitalised ("Báo cáo kết quả … năm 2031" → "Kết quả … năm 2031").
 */
export function summaryLine(title: string): string {
  const text = title
    .normalize('NFC')
    .trim()
    .replace(/^báo\s+cáo\s*/iu, '')
    .replace(/\s+/g, ' ');
  if (!text) return '';
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/**
 * The "Nơi nhận" list: one recipient per line of the report's recipients text, each "- …;", and last the archive
 * line "- Lưu: VT, <drafting unit>.". A "Lưu: …" line in the text is used as the archive line; otherwise the
 * drafting unit is the `archiveCode` given (the issuing body's abbreviation by default).
 */
export function recipientLines(recipients: string | null | undefined, archiveCode: string): string[] {
  const clean = (line: string) =>
    line
      .trim()
      .replace(/^[-–•+*]\s*/, '')
      .replace(/[;.,]+$/, '')
      .trim();
  const lines = (recipients ?? '').split(/\r?\n/).map(clean).filter(Boolean);
  const archive = lines.find((line) => /^lưu\s*:/iu.test(line));
  const others = lines.filter((line) => line !== archive);
  const last = archive ? archive.replace(/^lưu\s*:\s*/iu, 'Lưu: ') : `Lưu: VT, ${archiveCode.trim()}`;
  return [...others.map((line) => `- ${line};`), `- ${last}.`];
}

/** A percentage with one decimal and a comma, as written in Vietnamese ("87,5%"); "–" for none. */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${value.toFixed(1).replace('.', ',')}%`;
}

/** A whole number with "." as thousands separator ("10.000"). */
export function count(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "dd/mm/yyyy" of an ISO day or instant (its first ten characters). */
export function shortDate(iso: string): string {
  const { year, month, day } = dayParts(iso.slice(0, 10));
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** What a report document shows of the report row. */
export interface ReportMeta {
  title: string;
  year: number;
  periodFrom: string;
  periodTo: string;
  number: string | null;
  recipients: string | null;
  /** The document's date (ISO day): the day it was issued, or today for a draft. */
  date: string;
  state: 'draft' | 'issued';
}

/** The organization's profile in force on the report's date. */
export interface OrganizationProfile {
  superiorBody: string;
  issuingBody: string;
  abbreviation: string;
  placeName: string;
  directorName?: string | null;
  directorTitle?: string | null;
}

/** Vietnamese labels of the enumerations the figures count by; unknown keys show as they are. */
export const LABELS: Record<string, Record<string, string>> = {
  articleKind: {
    news: 'Tin',
    article: 'Bài viết',
    reportage: 'Phóng sự',
    documentary: 'Phim tài liệu',
    video_clip: 'Video clip',
    photo_story: 'Phóng sự ảnh',
  },
  articleChannel: {
    website: 'Trang thông tin điện tử',
    press: 'Báo chí',
    television: 'Truyền hình',
    radio: 'Phát thanh',
    social_media: 'Mạng xã hội',
  },
  submissionState: {
    draft: 'Nháp',
    submitted: 'Đã gửi',
    in_review: 'Đang xem xét',
    changes_requested: 'Yêu cầu chỉnh sửa',
    approved: 'Đã duyệt',
    rejected: 'Từ chối',
    published: 'Đã đăng',
    withdrawn: 'Đã rút',
  },
  feedbackChannel: {
    web: 'Cổng thông tin',
    email: 'Thư điện tử',
    phone: 'Điện thoại',
    paper: 'Văn bản giấy',
  },
  feedbackKind: {
    official_conduct: 'Hành vi của cán bộ, công chức',
    impractical_rule: 'Quy định không phù hợp thực tế',
    inconsistent_rules: 'Quy định không thống nhất',
    unlawful_rule: 'Quy định trái pháp luật',
    treaty_conflict: 'Trái điều ước quốc tế',
    other_issue: 'Vấn đề khác',
    proposed_solution: 'Đề xuất phương án xử lý',
    new_rule_initiative: 'Sáng kiến ban hành quy định mới',
  },
  feedbackState: {
    received: 'Đã tiếp nhận',
    not_accepted: 'Không thụ lý',
    transferred: 'Đã chuyển',
    accepted: 'Đã thụ lý',
    assigned: 'Đã giao xử lý',
    answer_drafted: 'Đã dự thảo trả lời',
    answer_approved: 'Đã duyệt trả lời',
    answered: 'Đã trả lời',
    published: 'Đã công khai',
  },
  taskStatus: { in_progress: 'Đang thực hiện', done: 'Hoàn thành' },
};

export const label = (group: keyof typeof LABELS | string, key: string | null | undefined): string =>
  key === null || key === undefined ? '' : (LABELS[group]?.[key] ?? key);

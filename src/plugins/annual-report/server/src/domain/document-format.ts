/**
 * The layout numbers and text rules of an administrative document (Decree 30/2020/NĐ-CP, Phụ lục I, III Mẫu 1.4)
 * that the report writers share: paper, margins, font and sizes, the number line, the place and date line, the
 * summary and the recipients list. Pure module: every name comes from the organization's profile or the report.
 */

import { ARTICLE_CHANNEL_NAMES, ARTICLE_KIND_NAMES } from '#domain/articles';

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

/**
 * A rough width in twips of a line of Times New Roman at `size` points: capitals about 0.7 em, small letters under
 * half, spaces a quarter (measured on LibreOffice renders of the header). Enough to decide where a header line must break.
 */
export function textWidthTwips(text: string, size: number, bold = false): number {
  let ems = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') ems += 0.25;
    else if (/\p{Lu}/u.test(ch)) ems += bold ? 0.72 : 0.69;
    else if (/\p{Ll}/u.test(ch)) ems += bold ? 0.5 : 0.46;
    else ems += 0.5;
  }
  return Math.round(ems * size * 20);
}

/** A line is taken to fit when its estimated width is at most this share of the room: the estimate is rough. */
export const FIT = 0.95;

/** Words before which a Vietnamese agency or place name breaks naturally ("ỦY BAN NHÂN DÂN / THÀNH PHỐ …"). */
const NATURAL_BREAKS = [/^VÀ$/iu, /^(TỈNH|HUYỆN|QUẬN|XÃ|PHƯỜNG|THỊ)$/iu, /^THÀNH$/iu];

/**
 * The lines of a header name in a column `width` twips wide: one line when it fits; otherwise two, broken between
 * whole words where the longer line is shortest, and on a tie before "VÀ", "TỈNH", "THÀNH PHỐ"… so that a compound
 * such as "THÀNH PHỐ" or "MÔI TRƯỜNG" is never split across lines.
 */
export function headerLines(text: string, width: number, size: number, bold = false): string[] {
  const clean = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!clean || textWidthTwips(clean, size, bold) <= width * FIT) return clean ? [clean] : [];
  const words = clean.split(' ');
  let best: { lines: string[]; score: number } | null = null;
  for (let i = 1; i < words.length; i += 1) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const longest = Math.max(...lines.map((l) => textWidthTwips(l, size, bold)));
    const natural = NATURAL_BREAKS.some((re) => re.test(words[i])) && !/^[-–]$/.test(words[i - 1]);
    // A dash never starts or ends a line.
    const dash = /^[-–]$/.test(words[i]) || /^[-–]$/.test(words[i - 1]);
    const score = longest - (natural ? size * 20 * 2 : 0) + (dash ? size * 20 * 10 : 0);
    if (!best || score < best.score) best = { lines, score };
  }
  return best!.lines;
}

/**
 * The place and date line; when it does not fit in `width` twips it breaks after the place's comma, never inside
 * the place name or the date ("Thành phố Hồ Chí Minh," / "ngày 04 tháng 12 năm 2026").
 */
export function dateLines(placeName: string, isoDay: string, width: number, size: number): string[] {
  const line = dateLine(placeName, isoDay);
  if (textWidthTwips(line, size) <= width * FIT) return [line];
  const cut = line.indexOf(', ngày ');
  return [line.slice(0, cut + 1), line.slice(cut + 2)];
}

/** The blank left for the number of a draft: the Văn thư writes it when the report is issued. */
export const BLANK_NUMBER = '……';

/** What the number field of a report holds: the number only, digits ("125"), at most six. */
export const REPORT_NUMBER = /^\d{1,6}$/;

/**
 * The number of a stored report number. The field takes the number only (the API refuses anything else); a value
 * stored before that rule may still carry the symbol ("125/BC-STNMT", "125/BC-STNMT/BC-SNNMT"): everything from
 * the first "/" on is dropped, so the symbol is never printed twice. Null when nothing is left.
 */
export function numberOnly(number: string | null | undefined): string | null {
  const raw = (number ?? '').normalize('NFC').trim();
  const head = raw.split('/')[0].trim();
  return head || null;
}

/**
 * "Số: 05/BC-STNMT": a number below 10 gets a leading zero; without a number (a draft) a blank. The symbol is
 * built here, once, from the abbreviation of the profile of the report's period: upper case, "/" between number
 * and symbol, "-" between the groups, no spaces. A legacy number that carries a symbol loses it (`numberOnly`).
 */
export function numberLine(number: string | null | undefined, abbreviation: string): string {
  const raw = numberOnly(number) ?? '';
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
 * drafting unit is the `archiveCode` given: the abbreviation (code) of the unit that drafted the report, see
 * `draftingUnitCode`.
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

/** The organization's profile in force at the end of the report's period. */
export interface OrganizationProfile {
  superiorBody: string;
  issuingBody: string;
  /** The name as written inside a sentence ("Sở Tài nguyên và Môi trường"); the header uses `issuingBody`. */
  issuingBodyInText?: string | null;
  abbreviation: string;
  placeName: string;
  directorName?: string | null;
  directorTitle?: string | null;
  /** The default "Nơi nhận" of a report, one recipient a line. */
  reportRecipients?: string | null;
}

/**
 * The day whose organization profile a report carries: the last day of its period. A 2021 report keeps the names,
 * abbreviation, signer and place of 2021 even when it is exported or issued years later.
 */
export const profileDay = (report: Pick<ReportMeta, 'periodTo'>): string => report.periodTo.slice(0, 10);

/**
 * The agency's name inside a sentence. The header prints it in capitals; the body must not. The profile's
 * `issuingBodyInText` is used when set; otherwise a name written all in capitals is lowered with only its first
 * letter kept capital ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" → "Sở tài nguyên và môi trường"), and a name in mixed case is
 * kept as it is.
 */
export function nameInText(profile: Pick<OrganizationProfile, 'issuingBody' | 'issuingBodyInText'>): string {
  const set = (profile.issuingBodyInText ?? '').normalize('NFC').trim();
  if (set) return set;
  const name = profile.issuingBody.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name !== upper(name)) return name;
  const lower = name.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** A unit as the drafting-unit choice sees it. */
export interface DraftingUnitCandidate {
  code: string;
  kind: string;
  active?: boolean | null;
  sortOrder?: number | null;
}

/**
 * The abbreviation of the unit that drafts the annual report for the "Lưu: VT, …" line: the Office (the active unit
 * of kind `office`, the first by sort order when there are several). Null when there is none; the caller then falls
 * back to the agency's abbreviation.
 */
export function draftingUnitCode(units: DraftingUnitCandidate[]): string | null {
  const offices = units
    .filter((u) => u.kind === 'office' && u.active !== false && u.code.trim())
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.code.localeCompare(b.code));
  return offices[0]?.code.trim() ?? null;
}

/** The report's own recipients, or the profile's default list when the report has none. */
export const recipientsOf = (reportRecipients: string | null | undefined, profile: OrganizationProfile) =>
  (reportRecipients ?? '').trim() ? reportRecipients! : (profile.reportRecipients ?? null);

/** Vietnamese labels of the enumerations the figures count by; unknown keys show as they are. */
export const LABELS: Record<string, Record<string, string>> = {
  articleKind: ARTICLE_KIND_NAMES,
  articleChannel: ARTICLE_CHANNEL_NAMES,
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
    received: 'Chờ phân loại',
    not_accepted: 'Không thụ lý',
    transferred: 'Đã chuyển',
    accepted: 'Chờ giao đơn vị',
    assigned: 'Đã giao xử lý',
    answer_drafted: 'Đã dự thảo trả lời',
    answer_approved: 'Đã duyệt trả lời',
    answered: 'Đã trả lời',
    published: 'Đã công khai',
  },
  taskStatus: { in_progress: 'Đang thực hiện', done: 'Hoàn thành' },
  procedureLevel: {
    fully_online: 'Dịch vụ công trực tuyến toàn trình',
    partly_online: 'Dịch vụ công trực tuyến một phần',
    not_online: 'Chưa cung cấp trực tuyến',
  },
};

/** "Có" / "Không" of a yes-no value (true, 1, "1", "true"); "" when unknown (null, undefined, ""). */
export function yesNo(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  return value === true || value === 1 || value === '1' || value === 'true' || value === 't' ? 'Có' : 'Không';
}

export const label = (group: keyof typeof LABELS | string, key: string | null | undefined): string =>
  key === null || key === undefined ? '' : (LABELS[group]?.[key] ?? key);

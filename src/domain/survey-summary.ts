/** Parameters of the public satisfaction summary, and the local-day boundaries its dates mean. */
import { fieldError, type FieldError, type Language } from './errors';
import { DOCUMENT_ID_PATTERN } from './feedback-intake';

export interface SummaryParams {
  procedure?: string;
  field?: string;
  from?: string;
  to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALLOWED = ['procedure', 'field', 'from', 'to'];

const isDate = (value: string) =>
  DATE.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export function parseSummaryParams(
  query: Record<string, unknown>,
  language: Language
): { ok: true; value: SummaryParams } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const value: SummaryParams = {};
  for (const [key, raw] of Object.entries(query)) {
    if (!ALLOWED.includes(key)) {
      errors.push(fieldError([key], 'Tham số không được hỗ trợ.', 'Unsupported parameter.', language));
      continue;
    }
    if (typeof raw !== 'string') {
      errors.push(
        fieldError(
          [key],
          'Tham số chỉ được có một giá trị.',
          'The parameter must have a single value.',
          language
        )
      );
      continue;
    }
    if (raw === '') continue;
    if (key === 'procedure' && !DOCUMENT_ID_PATTERN.test(raw)) {
      errors.push(fieldError([key], 'Mã thủ tục không hợp lệ.', 'Invalid procedure id.', language));
    } else if (key === 'field' && !/^[a-z0-9-]{1,64}$/.test(raw)) {
      errors.push(fieldError([key], 'Mã lĩnh vực không hợp lệ.', 'Invalid field code.', language));
    } else if ((key === 'from' || key === 'to') && !isDate(raw)) {
      errors.push(fieldError([key], 'Ngày phải có dạng YYYY-MM-DD.', 'Dates are YYYY-MM-DD.', language));
    } else {
      value[key as keyof SummaryParams] = raw;
    }
  }
  if (value.from && value.to && value.from > value.to) {
    errors.push(
      fieldError(['to'], 'Ngày kết thúc phải sau ngày bắt đầu.', '"to" must not be before "from".', language)
    );
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/** The UTC instant at which a calendar day starts in a time zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(utcMidnight)
      .map((p) => [p.type, p.value])
  );
  const asLocal = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return new Date(utcMidnight.getTime() - (asLocal - utcMidnight.getTime()));
}

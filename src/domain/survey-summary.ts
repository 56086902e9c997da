/** Parameters of the public satisfaction summary, and the local-day boundaries its dates mean. */
import type { Language } from './errors';
import { QueryReader, type Parsed } from './query-params';
import { DOCUMENT_ID_PATTERN } from './feedback-intake';

export interface SummaryParams {
  procedure?: string;
  field?: string;
  from?: string;
  to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALLOWED = ['procedure', 'field', 'from', 'to'];

// A real calendar day: 2021-02-30 parses (to March) but does not print back the same.
const isDate = (value: string) => {
  const time = Date.parse(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

export function parseSummaryParams(
  query: Record<string, unknown>,
  language: Language
): Parsed<SummaryParams> {
  const read = new QueryReader(query, ALLOWED, language);
  const date = (key: 'from' | 'to') => {
    const value = read.text(key, 10);
    if (value === undefined || isDate(value)) return value;
    read.fail(key, 'Ngày phải có dạng YYYY-MM-DD.', 'Dates are YYYY-MM-DD.');
    return undefined;
  };
  const value: SummaryParams = {
    procedure: read.matching(
      'procedure',
      DOCUMENT_ID_PATTERN,
      'Mã thủ tục không hợp lệ.',
      'Invalid procedure id.'
    ),
    field: read.matching('field', /^[a-z0-9-]{1,64}$/, 'Mã lĩnh vực không hợp lệ.', 'Invalid field code.'),
    from: date('from'),
    to: date('to'),
  };
  if (value.from && value.to && value.from > value.to) {
    read.fail('to', 'Ngày kết thúc phải sau ngày bắt đầu.', '"to" must not be before "from".');
  }
  return read.result(
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as SummaryParams
  );
}

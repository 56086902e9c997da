/** What a unit may write in a submission: checked before anything is stored, every problem at once. */
import { fieldError, type FieldError, type Language } from '#domain/errors';

export const SUBMISSION_KINDS = ['news', 'article', 'reportage', 'video_clip', 'photos', 'document'] as const;
export const CHANNELS = ['website', 'press', 'television', 'radio', 'social_media'] as const;

export interface SubmissionInput {
  title?: string;
  kind?: (typeof SUBMISSION_KINDS)[number];
  body?: string | null;
  unit?: number;
  planTask?: string | null;
  proposedChannel?: (typeof CHANNELS)[number];
  desiredPublicationDate?: string | null;
}

export const DOCUMENT_ID = /^[a-z0-9]{20,32}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `creating` requires title, kind and unit; an edit may send any subset. Unknown keys are refused, so that the
 * workflow's own fields (state, assignee, version…) can never be written through an edit, nor attachments, which
 * have their own routes.
 */
export function validateSubmissionInput(
  raw: unknown,
  { creating, language = 'vi' }: { creating: boolean; language?: Language }
): { ok: true; value: SubmissionInput } | { ok: false; errors: FieldError[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      errors: [fieldError([], 'Dữ liệu phải là một đối tượng.', 'The data must be an object.', language)],
    };
  }
  const data = raw as Record<string, unknown>;
  const errors: FieldError[] = [];
  const value: SubmissionInput = {};
  const fail = (path: string, vi: string, en: string) => errors.push(fieldError([path], vi, en, language));
  const allowed = ['title', 'kind', 'body', 'unit', 'planTask', 'proposedChannel', 'desiredPublicationDate'];
  for (const key of Object.keys(data))
    if (!allowed.includes(key)) fail(key, 'Trường không được phép sửa.', 'This field cannot be written.');

  if ('title' in data || creating) {
    const title = typeof data.title === 'string' ? data.title.normalize('NFC').trim() : '';
    if (!title) fail('title', 'Vui lòng nhập tiêu đề.', 'The title is required.');
    else if (title.length > 255)
      fail('title', 'Tiêu đề tối đa 255 ký tự.', 'The title is limited to 255 characters.');
    else value.title = title;
  }
  if ('kind' in data || creating) {
    if ((SUBMISSION_KINDS as readonly unknown[]).includes(data.kind))
      value.kind = data.kind as SubmissionInput['kind'];
    else
      fail(
        'kind',
        `Thể loại phải là một trong: ${SUBMISSION_KINDS.join(', ')}.`,
        `Kind must be one of: ${SUBMISSION_KINDS.join(', ')}.`
      );
  }
  if ('body' in data) {
    if (data.body === null || data.body === '') value.body = null;
    else if (typeof data.body !== 'string')
      fail('body', 'Nội dung phải là văn bản.', 'The body must be text.');
    else if (data.body.length > 50000)
      fail('body', 'Nội dung tối đa 50.000 ký tự.', 'The body is limited to 50,000 characters.');
    else value.body = data.body.normalize('NFC');
  }
  if ('unit' in data || creating) {
    if (Number.isInteger(data.unit) && (data.unit as number) > 0) value.unit = data.unit as number;
    else fail('unit', 'Vui lòng chọn đơn vị.', 'The unit is required.');
  }
  if ('planTask' in data) {
    if (data.planTask === null || data.planTask === '') value.planTask = null;
    else if (typeof data.planTask === 'string' && DOCUMENT_ID.test(data.planTask))
      value.planTask = data.planTask;
    else fail('planTask', 'Nhiệm vụ kế hoạch không hợp lệ.', 'Invalid plan task.');
  }
  if ('proposedChannel' in data) {
    if ((CHANNELS as readonly unknown[]).includes(data.proposedChannel))
      value.proposedChannel = data.proposedChannel as SubmissionInput['proposedChannel'];
    else fail('proposedChannel', 'Kênh đăng tải không hợp lệ.', 'Invalid channel.');
  }
  if ('desiredPublicationDate' in data) {
    const date = data.desiredPublicationDate;
    if (date === null || date === '') value.desiredPublicationDate = null;
    else if (typeof date === 'string' && DATE.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
      value.desiredPublicationDate = date;
    else fail('desiredPublicationDate', 'Ngày phải có dạng YYYY-MM-DD.', 'Dates are YYYY-MM-DD.');
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

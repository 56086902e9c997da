/** Glue shared by the public forms (feedback and survey): body reading, tokens, error replies. No database. */
import type { Core } from '@strapi/strapi';
import { fieldError, type FieldError, type Language, type Validated } from '#domain/errors';
import { verifyFormToken, type FormTokenProblem } from '#domain/form-token';
import { validateHoneypot, type FeedbackLimits } from '#domain/feedback-intake';

export interface FeedbackConfig {
  formTokenSecret: string;
  minFillSeconds: number;
  formTokenTtlSeconds: number;
  maxFiles: number;
  maxFileMb: number;
  maxUnpackedMb: number;
  limits: FeedbackLimits;
  surveyCommentMax: number;
}

export const feedbackConfig = (strapi: Core.Strapi) => strapi.config.get('feedback') as FeedbackConfig;

export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

interface RequestContext {
  is(type: string): string | false | null;
  request: { body?: unknown; files?: Record<string, UploadedFile | UploadedFile[]> };
}

/**
 * A public form as posted: its JSON and files, from a JSON body or Strapi's multipart convention (`data` holding
 * the JSON, files under `files`). Files are always returned, even when the body is refused, so that the caller
 * removes them.
 */
export function readPublicForm(
  ctx: RequestContext,
  language: Language
):
  | { ok: true; data: Record<string, unknown>; files: UploadedFile[] }
  | { ok: false; errors: FieldError[]; files: UploadedFile[] } {
  const uploaded = ctx.request.files ?? {};
  const files = Object.values(uploaded).flat();
  const body = ctx.request.body;
  const invalid = (path: string[], vi: string, en: string) => ({
    ok: false as const,
    errors: [fieldError(path, vi, en, language)],
    files,
  });

  if (Object.keys(uploaded).some((name) => name !== 'files')) {
    return invalid(
      ['files'],
      'Tệp phải được gửi trong trường "files".',
      'Files must be sent in the "files" field.'
    );
  }
  let data: unknown = body;
  if (ctx.is('multipart')) {
    const raw = (body as { data?: unknown } | undefined)?.data;
    try {
      data = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    } catch {
      data = undefined;
    }
    if (data === undefined) {
      return invalid(
        ['data'],
        'Trường "data" phải chứa JSON hợp lệ.',
        'The "data" field must hold valid JSON.'
      );
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return invalid([], 'Nội dung gửi phải là một đối tượng JSON.', 'The body must be a JSON object.');
  }
  return { ok: true, data: data as Record<string, unknown>, files };
}

const TOKEN_MESSAGES: Record<FormTokenProblem, [string, string]> = {
  malformed: [
    'Mã biểu mẫu không hợp lệ. Vui lòng tải lại biểu mẫu.',
    'Invalid form token. Please reload the form.',
  ],
  bad_signature: [
    'Mã biểu mẫu không hợp lệ. Vui lòng tải lại biểu mẫu.',
    'Invalid form token. Please reload the form.',
  ],
  wrong_purpose: ['Mã biểu mẫu không dùng cho biểu mẫu này.', 'This form token belongs to another form.'],
  too_fast: [
    'Biểu mẫu được gửi quá nhanh. Vui lòng thử lại sau vài giây.',
    'The form was sent too fast. Please try again in a few seconds.',
  ],
  expired: [
    'Mã biểu mẫu đã hết hạn. Vui lòng tải lại biểu mẫu.',
    'The form token has expired. Please reload the form.',
  ],
};

export function checkFormToken(
  token: unknown,
  config: FeedbackConfig,
  purpose: string,
  language: Language
): { ok: true; nonce: string } | { ok: false; error: FieldError } {
  const result = verifyFormToken(token, config.formTokenSecret, purpose, {
    minFillMs: config.minFillSeconds * 1000,
    maxAgeMs: config.formTokenTtlSeconds * 1000,
  });
  if (result.ok) return { ok: true, nonce: result.payload.nonce };
  const [vi, en] = TOKEN_MESSAGES[result.problem];
  return { ok: false, error: fieldError(['formToken'], vi, en, language) };
}

/** An error in Strapi's shape for a status its error classes do not cover (422; a 409 is `sendConflict`). */
export function sendError(
  ctx: { status: number; body: unknown; set(h: string, v: string): void },
  status: number,
  name: string,
  message: string
) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { data: null, error: { status, name, message, details: {} } };
  return ctx.body;
}

/** The checks every public form shares: the empty honeypot and a valid token of that form. */
export function checkFormBasics(
  data: Record<string, unknown>,
  config: FeedbackConfig,
  purpose: string,
  language: Language
): { errors: FieldError[]; nonce: string | null } {
  const errors: FieldError[] = [];
  const honeypot = validateHoneypot(data.website, language);
  if (honeypot) errors.push(honeypot);
  const token = checkFormToken(data.formToken, config, purpose, language);
  if (!token.ok) errors.push(token.error);
  return { errors, nonce: token.ok ? token.nonce : null };
}

/** The procedure service's lookup of a procedure a form names (`procedures(strapi)` of src/api/procedure). */
interface ProcedureLookup {
  publishedProcedure(
    documentId: string,
    language: Language
  ): Promise<{ documentId: string } | { error: FieldError }>;
}

/**
 * A public form's checks, every problem collected (none thrown, so that the caller adds its own and answers them
 * all at once): the basics above, the form's own `checked` fields, and the procedure it names, which must be
 * published. `value` and `nonce` are null where their checks failed.
 */
export async function checkPublicForm<T extends { procedure: string | null }>(
  data: Record<string, unknown>,
  checked: Validated<T>,
  form: { purpose: string; config: FeedbackConfig; language: Language; procedures: ProcedureLookup }
): Promise<{ errors: FieldError[]; value: T | null; nonce: string | null; procedureId: string | null }> {
  const { errors, nonce } = checkFormBasics(data, form.config, form.purpose, form.language);
  if (!checked.ok) return { errors: [...errors, ...checked.errors], value: null, nonce, procedureId: null };
  let procedureId: string | null = null;
  if (checked.value.procedure) {
    const found = await form.procedures.publishedProcedure(checked.value.procedure, form.language);
    if ('error' in found) errors.push(found.error);
    else procedureId = found.documentId;
  }
  return { errors, value: checked.value, nonce, procedureId };
}

export const tokenAlreadyUsed = (language: Language) =>
  fieldError(
    ['formToken'],
    'Mã biểu mẫu đã được dùng. Vui lòng tải lại biểu mẫu.',
    'This form token was already used. Please reload the form.',
    language
  );

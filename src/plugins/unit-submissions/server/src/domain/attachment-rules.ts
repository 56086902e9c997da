/**
 * What a unit may attach to its submission: the staff kinds that `validateAttachment` accepts, judged by their
 * bytes, within a per-file size and a per-submission count. Every problem is reported at once, per file.
 */
import {
  ATTACHMENT_PROBLEM_MESSAGES,
  DEFAULT_ATTACHMENT_LIMITS,
  validateAttachment,
  type AcceptedAttachment,
} from '#domain/attachments';
import { fieldError, type FieldError, type Language } from '#domain/errors';
import { cleanFileName } from '#domain/file-names';

export interface SubmissionAttachmentLimits {
  /** Files one submission may hold (UNIT_SUBMISSION_MAX_FILES, default 10). */
  maxFiles: number;
  /** Bytes per file (UNIT_SUBMISSION_MAX_FILE_MB, default 20). */
  maxFileBytes: number;
}

const MB = 1024 * 1024;

const positiveInt = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};

export function submissionAttachmentLimits(
  env: Record<string, string | undefined>
): SubmissionAttachmentLimits {
  return {
    maxFiles: positiveInt(env.UNIT_SUBMISSION_MAX_FILES, 10),
    maxFileBytes: positiveInt(env.UNIT_SUBMISSION_MAX_FILE_MB, 20) * MB,
  };
}

export interface IncomingFile {
  originalName: unknown;
  size: number;
  /** Called only for a file within the limits, so that nothing oversized or surplus is read. */
  read: () => Promise<Buffer>;
}

export interface AcceptedFile {
  attachment: AcceptedAttachment;
  /** Cleaned for display and downloads; null when nothing printable was left. */
  originalName: string | null;
}

export async function judgeSubmissionFiles(
  files: IncomingFile[],
  existing: number,
  limits: SubmissionAttachmentLimits,
  language: Language
): Promise<{ ok: true; value: AcceptedFile[] } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  if (files.length === 0) {
    errors.push(
      fieldError(
        ['files'],
        'Vui lòng chọn ít nhất một tệp, gửi trong trường "files".',
        'Choose at least one file, sent in the "files" field.',
        language
      )
    );
  } else if (existing + files.length > limits.maxFiles) {
    errors.push(
      fieldError(
        ['files'],
        `Mỗi tin bài có tối đa ${limits.maxFiles} tệp đính kèm (đã có ${existing}).`,
        `A submission holds at most ${limits.maxFiles} attachments (it has ${existing}).`,
        language
      )
    );
  }
  if (errors.length) return { ok: false, errors };
  const mb = Math.floor(limits.maxFileBytes / MB);
  const accepted: AcceptedFile[] = [];
  for (const [index, file] of files.entries()) {
    const result =
      file.size <= limits.maxFileBytes
        ? await validateAttachment(await file.read(), {
            ...DEFAULT_ATTACHMENT_LIMITS,
            maxBytes: limits.maxFileBytes,
            maxUnpackedBytes: Math.max(DEFAULT_ATTACHMENT_LIMITS.maxUnpackedBytes, 3 * limits.maxFileBytes),
          })
        : ({ ok: false, problem: 'too_large' } as const);
    if (result.ok) {
      accepted.push({ attachment: result.value, originalName: cleanFileName(file.originalName) });
    } else if (result.problem === 'too_large') {
      errors.push(
        fieldError(
          ['files', String(index)],
          `Mỗi tệp tối đa ${mb} MB.`,
          `Each file is at most ${mb} MB.`,
          language
        )
      );
    } else {
      const message = ATTACHMENT_PROBLEM_MESSAGES[result.problem];
      errors.push(fieldError(['files', String(index)], message.vi, message.en, language));
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: accepted };
}

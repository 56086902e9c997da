/**
 * The citizen's feedback form, received (`api::feedback.intake`): the Idempotency-Key (src/infra/idempotency.ts),
 * every check of the form at once (honeypot and token, fields, procedure, files by their bytes), then the
 * feedback service stores it. The controller keeps the HTTP: reading the body, the status and headers.
 */
import fs from 'fs/promises';
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { ATTACHMENT_PROBLEM_MESSAGES, validateAttachment } from '#domain/attachments';
import { ConflictError, fieldError, type FieldError, type Language } from '#domain/errors';
import { validateFeedback } from '#domain/feedback-intake';
import { cleanFileName } from '#domain/file-names';
import { TokenAlreadyUsedError } from '#infra/form-tokens';
import { fingerprintOf, idempotency, isValidIdempotencyKey } from '#infra/idempotency';
import { validationError } from '#utils/errors';
import { checkPublicForm, feedbackConfig, tokenAlreadyUsed, type UploadedFile } from '#utils/public-intake';
import { procedures } from '#api/procedure/services/procedure';
import { feedbacks, type Intake, type Receipt } from './feedback';

export interface Submission {
  data: Record<string, unknown>;
  files: UploadedFile[];
  /** The Idempotency-Key header, empty when none was sent. */
  key: string;
  language: Language;
}

/** What became of a submission: stored, the first answer replayed, or the key reused with another request. */
export type IntakeOutcome =
  | { kind: 'created'; receipt: Receipt }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' };

/** Reads an uploaded file only when it is within the size limit; null otherwise. */
const readSmallFile = (maxFileMb: number) => async (file: UploadedFile) =>
  file.size <= maxFileMb * 1024 * 1024 ? fs.readFile(file.filepath) : null;

const intakeService = ({ strapi }: { strapi: Core.Strapi }) => {
  const keys = () => idempotency(strapi, 'feedback');

  /** Validates everything, then stores; every problem is reported at once. */
  async function receiveSubmission(
    { data, files, key, language }: Submission,
    contents: (Buffer | null)[],
    claimedAt: Date | null
  ): Promise<Receipt> {
    const config = feedbackConfig(strapi);
    const errors: FieldError[] = [];

    const checked = validateFeedback(data, { limits: config.limits, language });
    const form = await checkPublicForm(data, checked, {
      purpose: 'feedback',
      config,
      language,
      procedures: procedures(strapi),
    });
    errors.push(...form.errors);

    if (files.length > config.maxFiles) {
      errors.push(
        fieldError(
          ['files'],
          `Chỉ được gửi tối đa ${config.maxFiles} tệp.`,
          `At most ${config.maxFiles} files may be attached.`,
          language
        )
      );
    }
    const accepted: Intake['files'] = [];
    const limits = {
      maxBytes: config.maxFileMb * 1024 * 1024,
      maxUnpackedBytes: config.maxUnpackedMb * 1024 * 1024,
      maxZipEntries: 2000,
      maxImagePixels: 40_000_000,
    };
    for (const [index, content] of contents.entries()) {
      const result = content
        ? await validateAttachment(content, limits)
        : ({ ok: false, problem: 'too_large' } as const);
      if (result.ok) {
        accepted.push({
          attachment: result.value,
          originalName: cleanFileName(files[index].originalFilename),
        });
      } else {
        const message = ATTACHMENT_PROBLEM_MESSAGES[result.problem];
        errors.push(fieldError(['files', String(index)], message.vi, message.en, language));
      }
    }

    if (errors.length > 0 || !form.value || !form.nonce) throw validationError(errors);

    // Looked up on each call (not kept), so that the service as registered is the one that runs.
    const service = feedbacks(strapi);
    try {
      return await service.receive({
        input: form.value,
        procedureId: form.procedureId,
        files: accepted,
        tokenNonce: form.nonce,
        language,
        noticeVersion: (await service.privacyNotice()).version,
        onStored: claimedAt
          ? (receipt, trx) => keys().complete(key, claimedAt, 201, { data: receipt }, trx)
          : undefined,
      });
    } catch (error) {
      if (error instanceof TokenAlreadyUsedError) throw validationError([tokenAlreadyUsed(language)]);
      throw error;
    }
  }

  return {
    /**
     * A submitted form. With an Idempotency-Key: the same key and request replays the first answer, another
     * request is a mismatch, and a duplicate while the first runs is a ConflictError; a refused or failed
     * request gives the key back. The caller removes the uploaded files afterwards.
     */
    async submit(submission: Submission): Promise<IntakeOutcome> {
      const { data, files, key, language } = submission;
      const config = feedbackConfig(strapi);
      const contents = await Promise.all(
        files.slice(0, config.maxFiles).map(readSmallFile(config.maxFileMb))
      );

      let claimedAt: Date | null = null;
      if (key) {
        if (!isValidIdempotencyKey(key)) {
          throw validationError([
            fieldError(
              ['Idempotency-Key'],
              'Khóa Idempotency-Key phải gồm 8 đến 255 ký tự ASCII nhìn thấy được.',
              'Idempotency-Key must be 8 to 255 visible ASCII characters.',
              language
            ),
          ]);
        }
        const fileHashes = contents.map((c) =>
          c ? createHash('sha256').update(c).digest('hex') : 'too-large'
        );
        const claim = await keys().claim(key, fingerprintOf(data, fileHashes));
        if (claim.kind === 'replay') return { kind: 'replay', status: claim.status, body: claim.body };
        if (claim.kind === 'conflict') throw new ConflictError('idempotencyKey');
        if (claim.kind === 'mismatch') return { kind: 'mismatch' };
        claimedAt = claim.claimedAt;
      }

      try {
        return { kind: 'created', receipt: await receiveSubmission(submission, contents, claimedAt) };
      } catch (error) {
        if (claimedAt) await keys().release(key, claimedAt);
        throw error;
      }
    },
  };
};

export default intakeService;

export type IntakeService = ReturnType<typeof intakeService>;

/** The intake service, typed: `feedbackIntake(strapi).submit(submission)`. */
export const feedbackIntake = (strapi: Core.Strapi) =>
  strapi.service('api::feedback.intake') as unknown as IntakeService;

import fs from 'fs/promises';
import { createHash } from 'crypto';
import { factories } from '@strapi/strapi';
import { ATTACHMENT_PROBLEM_MESSAGES, ATTACHMENT_TYPES, validateAttachment } from '#domain/attachments';
import { fieldError, type FieldError } from '#domain/errors';
import {
  answeredView,
  statusView,
  type PublishedFeedback,
  type StoredFeedback,
} from '#domain/feedback-public';
import { FEEDBACK_KINDS, validateFeedback } from '#domain/feedback-intake';
import { cleanFileName } from '#domain/file-names';
import { issueFormToken } from '#domain/form-token';
import { hashTrackingCode, normalizeTrackingCode } from '#domain/tracking-code';
import { TokenAlreadyUsedError } from '#infra/form-tokens';
import { fingerprintOf, idempotency, isValidIdempotencyKey } from '#infra/idempotency';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import { parseAnsweredParams, type AnsweredParams } from '#domain/feedback-public';
import {
  checkFormBasics,
  feedbackConfig,
  publishedProcedure,
  readSubmission,
  sendError,
  tokenAlreadyUsed,
  type UploadedFile,
} from '#utils/public-intake';
import type { Core } from '@strapi/strapi';
import type { Intake, Receipt } from '../services/feedback';

const UID = 'api::feedback.feedback';

type FeedbackService = {
  receive(intake: Intake): Promise<Receipt>;
  privacyNotice(): Promise<{ version: string }>;
  answered(params: AnsweredParams): Promise<{ rows: PublishedFeedback[]; total: number }>;
};

export default factories.createCoreController(UID, ({ strapi }) => {
  const service = () => strapi.service(UID) as unknown as FeedbackService;

  return {
    /** GET /api/feedbacks/form: what the website's form needs, with a fresh single-use token. */
    async form(ctx) {
      const config = feedbackConfig(strapi);
      ctx.set('Cache-Control', 'no-store');
      return {
        data: {
          formToken: issueFormToken(config.formTokenSecret, 'feedback'),
          kinds: FEEDBACK_KINDS,
          notice: await service().privacyNotice(),
          limits: {
            ...config.limits,
            maxFiles: config.maxFiles,
            maxFileBytes: config.maxFileMb * 1024 * 1024,
            acceptedTypes: Object.values(ATTACHMENT_TYPES),
            minFillSeconds: config.minFillSeconds,
            formTokenTtlSeconds: config.formTokenTtlSeconds,
          },
        },
      };
    },

    /** POST /api/feedbacks: JSON, or multipart with a `data` field and `files`. */
    async submit(ctx) {
      const language = requestLanguage(ctx);
      const config = feedbackConfig(strapi);
      const submission = readSubmission(ctx, language);
      try {
        if (!submission.ok) throw validationError(submission.errors);
        const { data, files } = submission;
        const contents = await Promise.all(
          files.slice(0, config.maxFiles).map(readSmallFile(config.maxFileMb))
        );

        const key = ctx.request.get('idempotency-key');
        const keys = idempotency(strapi, 'feedback');
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
          const claim = await keys.claim(key, fingerprintOf(data, fileHashes));
          if (claim.kind === 'replay') {
            ctx.status = claim.status;
            ctx.set('Cache-Control', 'no-store');
            ctx.set('Idempotent-Replayed', 'true');
            return claim.body;
          }
          if (claim.kind === 'conflict') {
            return sendError(
              ctx,
              409,
              'ConflictError',
              'A request with this Idempotency-Key is being processed.'
            );
          }
          if (claim.kind === 'mismatch') {
            return sendError(
              ctx,
              422,
              'UnprocessableEntityError',
              'This Idempotency-Key was used with a different request.'
            );
          }
        }

        try {
          const receipt = await receiveSubmission(strapi, service(), {
            data,
            files,
            contents,
            language,
            key,
          });
          ctx.status = 201;
          ctx.set('Cache-Control', 'no-store');
          return { data: receipt };
        } catch (error) {
          if (key) await keys.release(key);
          throw error;
        }
      } finally {
        await Promise.all(submission.files.map((f) => fs.rm(f.filepath, { force: true })));
      }
    },

    /** GET /api/feedbacks/status/:trackingCode: the same 404 for an unknown or malformed code. */
    async status(ctx) {
      ctx.set('Cache-Control', 'no-store');
      const normalized = normalizeTrackingCode(String(ctx.params.trackingCode ?? ''));
      const found =
        normalized &&
        ((await strapi.db.query(UID).findOne({
          where: { trackingCodeHash: hashTrackingCode(normalized) },
          select: ['documentId', 'state', 'receivedAt', 'dueDate', 'answeredAt', 'answer'],
        })) as StoredFeedback | null);
      if (!found) return ctx.notFound();
      return { data: statusView(found) };
    },

    /** GET /api/feedbacks/answered: published answers, without any personal data. */
    async answered(ctx) {
      const parsed = parseAnsweredParams(ctx.query, requestLanguage(ctx));
      if (!parsed.ok) throw validationError(parsed.errors);
      const { rows, total } = await service().answered(parsed.value);
      const { page, pageSize } = parsed.value;
      return {
        data: rows.map(answeredView),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },
  };
});

/** Reads an uploaded file only when it is within the size limit; null otherwise. */
const readSmallFile = (maxFileMb: number) => async (file: UploadedFile) =>
  file.size <= maxFileMb * 1024 * 1024 ? fs.readFile(file.filepath) : null;

/** Validates everything, then stores; every problem is reported at once. */
async function receiveSubmission(
  strapi: Core.Strapi,
  service: FeedbackService,
  {
    data,
    files,
    contents,
    language,
    key,
  }: {
    data: Record<string, unknown>;
    files: UploadedFile[];
    contents: (Buffer | null)[];
    language: 'vi' | 'en';
    key: string;
  }
): Promise<Receipt> {
  const config = feedbackConfig(strapi);
  const errors: FieldError[] = [];

  const basics = checkFormBasics(data, config, 'feedback', language);
  errors.push(...basics.errors);
  const checked = validateFeedback(data, { limits: config.limits, language });
  if (!checked.ok) errors.push(...checked.errors);

  let procedureId: string | null = null;
  if (checked.ok && checked.value.procedure) {
    const found = await publishedProcedure(strapi, checked.value.procedure, language);
    if ('error' in found) errors.push(found.error);
    else procedureId = found.documentId;
  }

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

  if (errors.length > 0 || !checked.ok || !basics.nonce) throw validationError(errors);

  try {
    return await service.receive({
      input: checked.value,
      procedureId,
      files: accepted,
      tokenNonce: basics.nonce,
      language,
      noticeVersion: (await service.privacyNotice()).version,
      onStored: key
        ? (receipt, trx) => idempotency(strapi, 'feedback').complete(key, 201, { data: receipt }, trx)
        : undefined,
    });
  } catch (error) {
    if (error instanceof TokenAlreadyUsedError) throw validationError([tokenAlreadyUsed(language)]);
    throw error;
  }
}

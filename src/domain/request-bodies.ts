/**
 * What each route may receive as a body, declared as data: a byte cap for every route, and multipart only on the
 * routes that take files, with formidable's limits. The body middleware (src/middlewares/body.ts) applies it.
 */
import { findRoute, type RoutePattern } from './request-path';

export interface FileLimits {
  /** Files one request may carry. */
  maxFiles: number;
  /** Bytes of all the request's files together (formidable 2's `maxFileSize` counts the total). */
  maxTotalFileBytes: number;
  /** Form fields besides files, and their bytes. */
  maxFields: number;
  maxFieldsBytes: number;
}

export interface BodyRule {
  /** Bytes the whole body may have, counted as it streams in (chunked bodies too). */
  maxBytes: number;
  /** Set on the routes that take files; multipart is refused everywhere else. */
  files?: FileLimits;
}

type Env = Record<string, string | undefined>;

const MB = 1024 * 1024;
const KB = 1024;

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** Form fields and multipart framing on top of the files. */
const FIELDS_BYTES = 256 * KB;

function fileRule(maxFiles: number, maxTotalFileBytes: number, maxFields = 20): BodyRule {
  return {
    maxBytes: maxTotalFileBytes + FIELDS_BYTES,
    files: { maxFiles, maxTotalFileBytes, maxFields, maxFieldsBytes: FIELDS_BYTES },
  };
}

/** Every route without a rule of its own: JSON, forms and text up to 1 MB, no files. */
export const DEFAULT_BODY: BodyRule = { maxBytes: MB };

/** The routes with a body rule of their own (the file routes, and the small public survey). */
export function bodyRoutes(env: Env): (RoutePattern & BodyRule)[] {
  const feedbackFiles = positive(env.FEEDBACK_MAX_FILES, 5);
  const feedback = fileRule(feedbackFiles, feedbackFiles * positive(env.FEEDBACK_MAX_FILE_MB, 10) * MB);
  const submissionFiles = positive(env.UNIT_SUBMISSION_MAX_FILES, 10);
  const submission = fileRule(
    submissionFiles,
    submissionFiles * positive(env.UNIT_SUBMISSION_MAX_FILE_MB, 20) * MB
  );
  // The media library: one request per file from the admin, each up to the upload plugin's size limit.
  const media = fileRule(
    positive(env.UPLOAD_MAX_FILES, 20),
    positive(env.UPLOAD_SIZE_LIMIT_MB, 200) * MB,
    100
  );
  // One procedure file: the import refuses a larger one itself, with its reason (PROCEDURE_IMPORT_MAX_MB).
  const procedureImport = fileRule(1, positive(env.PROCEDURE_IMPORT_MAX_MB, 20) * MB + MB, 2);
  return [
    { method: 'POST', path: '/api/feedbacks', ...feedback },
    { method: 'POST', path: '/procedure-import/imports', ...procedureImport },
    { method: 'POST', path: '/api/survey-responses', maxBytes: 64 * KB },
    { method: 'POST', path: '/unit-submissions/submissions/:documentId/attachments', ...submission },
    { method: 'POST', path: '/upload', ...media },
    { method: 'POST', path: '/upload/files', ...media },
    { method: 'POST', path: '/upload/files/:id/replace', ...media },
    { method: 'POST', path: '/api/upload', ...media },
  ];
}

/** The rule of a request among the declared routes, by its method and path (any case, slashes normalised). */
export function bodyRuleFor(
  routes: readonly (RoutePattern & BodyRule)[],
  method: string,
  path: string
): BodyRule {
  return findRoute(routes, method, path) ?? DEFAULT_BODY;
}

/**
 * What the plugins' admin controllers read from a request and answer alike: the body, the query, a checked input
 * (400 naming every problem), one record (404 when there is none) and a write on the record of the path.
 */
import fs from 'fs';
import type { Context } from 'koa';
import type { UploadedFile } from './public-intake';
import { fieldError, type Language, type Validated } from '#domain/errors';
import { QueryReader } from '#domain/query-params';
import { validationError, withConflicts } from './errors';
import { requestLanguage } from './http';

/** The parsed body (JSON, or a multipart request's fields), as Strapi's body parser left it. */
export const bodyOf = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;

/** Every multipart temp file of the request, whatever its field. */
const uploadedFiles = (ctx: Context): UploadedFile[] =>
  Object.values(
    (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {}
  ).flat();

/**
 * A file route's work on the request's files, which are removed once it ends, whatever happens. A request that is
 * not multipart, sends files in another field, or (with `one`) not exactly one file, is the 400 naming the field.
 */
export async function withUploadedFiles<T>(
  ctx: Context,
  { field, one = false }: { field: string; one?: boolean },
  work: (files: UploadedFile[], language: Language) => Promise<T>
): Promise<T> {
  const language = requestLanguage(ctx);
  const files = uploadedFiles(ctx);
  try {
    const fields = Object.keys((ctx.request as { files?: object }).files ?? {});
    if (!ctx.is('multipart') || (one && files.length !== 1) || fields.some((name) => name !== field)) {
      throw validationError([
        fieldError(
          [field],
          one
            ? `Gửi đúng một tệp dạng multipart/form-data, trong trường "${field}".`
            : `Gửi tệp dạng multipart/form-data, trong trường "${field}".`,
          one
            ? `Send exactly one file as multipart/form-data, in the "${field}" field.`
            : `Send the files as multipart/form-data, in the "${field}" field.`,
          language
        ),
      ]);
    }
    return await work(files, language);
  } finally {
    await Promise.all(files.map((file) => fs.promises.rm(file.filepath, { force: true })));
  }
}

/** The query string, as the domain's readers take it. */
export const queryOf = (ctx: Context) => ctx.query as Record<string, unknown>;

/** A checked input's clean value; otherwise Strapi's 400 ValidationError with every problem found. */
export function valid<T>(checked: Validated<T>): T {
  if (!checked.ok) throw validationError(checked.errors);
  return checked.value;
}

/** A 400 for any query parameter, on the GET routes that take none. */
export function noParameters(ctx: Context): void {
  valid(new QueryReader(queryOf(ctx), [], requestLanguage(ctx)).result({}));
}

/** `{ data }`, or a 404 when there is nothing (or nothing this user may see). */
export const dataOr404 = <T>(ctx: Context, found: T | null | undefined) =>
  found ? { data: found } : ctx.notFound();

/** A 201 with the record made. */
export function created(ctx: Context, data: unknown) {
  ctx.status = 201;
  return { data };
}

/** One write on the record the path names, as its controller declares it for `recordWrite`. */
export interface RecordWrite<Input, Done> {
  /** Checks the body before anything is read. */
  check(body: unknown, language: Language): Validated<Input>;
  /** Makes the change; null when the user has no such record (404). A ConflictError is answered as the one 409. */
  write(ctx: Context, documentId: string, input: Input, language: Language): Promise<Done | null>;
  /** The answer once the change is made. */
  reply(ctx: Context, done: Done, documentId: string): unknown;
  /** The record's id from the path, null (404, the body unread) where it cannot be one; by default `:documentId`. */
  documentId?(ctx: Context): string | null;
}

/** The controller action of a write: 404 for no such record, 400 for a bad body, 409 for a stale version. */
export const recordWrite =
  <Input, Done>({ check, write, reply, documentId = pathDocumentId }: RecordWrite<Input, Done>) =>
  async (ctx: Context) => {
    const id = documentId(ctx);
    if (id === null) return ctx.notFound();
    const language = requestLanguage(ctx);
    const input = valid(check(bodyOf(ctx), language));
    return withConflicts(ctx, async () => {
      const done = await write(ctx, id, input, language);
      return done ? reply(ctx, done, id) : ctx.notFound();
    });
  };

const pathDocumentId = (ctx: Context): string => ctx.params.documentId;

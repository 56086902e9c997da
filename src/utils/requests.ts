/**
 * What the plugins' admin controllers read from a request and answer alike: the body, the query, a checked input
 * (400 naming every problem), one record (404 when there is none) and a write on the record of the path.
 */
import type { Context } from 'koa';
import type { UploadedFile } from './public-intake';
import type { Language, Validated } from '#domain/errors';
import { QueryReader } from '#domain/query-params';
import { validationError, withConflicts } from './errors';
import { requestLanguage } from './http';

/** The parsed body (JSON, or a multipart request's fields), as Strapi's body parser left it. */
export const bodyOf = (ctx: Context): unknown => (ctx.request as { body?: unknown }).body;

/** Every multipart temp file of the request, whatever its field, so that the caller removes all of them. */
export const uploadedFiles = (ctx: Context): UploadedFile[] =>
  Object.values(
    (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {}
  ).flat();

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

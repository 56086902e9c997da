import { errors } from '@strapi/utils';
import { ConflictError, type FieldError, type Language } from '#domain/errors';
import { requestLanguage } from './http';

/** Strapi's own 400 shape: `error.details.errors[]` with one entry per field. */
export function validationError(fieldErrors: FieldError[], message?: string) {
  return new errors.ValidationError(
    message ?? (fieldErrors.length === 1 ? fieldErrors[0].message : `${fieldErrors.length} errors occurred`),
    { errors: fieldErrors.map((e) => ({ ...e, name: 'ValidationError' })) }
  );
}

interface ResponseContext {
  status: number;
  body: unknown;
  set(header: string, value: string): void;
}

/** The one 409: Strapi's error shape, the message in the request's language, never cached. */
export function sendConflict(ctx: ResponseContext, error: ConflictError, language: Language) {
  ctx.status = 409;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    data: null,
    error: { status: 409, name: 'ConflictError', message: error.messageIn(language), details: {} },
  };
  return ctx.body;
}

/** Runs a write, answering a ConflictError with the 409 above; other errors go on to Strapi's handler. */
export async function withConflicts(
  ctx: ResponseContext & Parameters<typeof requestLanguage>[0],
  work: () => Promise<unknown>
): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConflictError) return sendConflict(ctx, error, requestLanguage(ctx));
    throw error;
  }
}

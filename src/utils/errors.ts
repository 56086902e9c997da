import { errors } from '@strapi/utils';
import type { FieldError } from '#domain/errors';

/** Strapi's own 400 shape: `error.details.errors[]` with one entry per field. */
export function validationError(fieldErrors: FieldError[], message?: string) {
  return new errors.ValidationError(
    message ?? (fieldErrors.length === 1 ? fieldErrors[0].message : `${fieldErrors.length} errors occurred`),
    { errors: fieldErrors.map((e) => ({ ...e, name: 'ValidationError' })) }
  );
}

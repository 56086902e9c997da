/** What the tests of the intake forms share: reading a validator's answer, and naming its errors by path. */
import type { FieldError, Validated } from '../errors';

/** `ok` is the value of input that must be valid, `errorsOf` the errors of input that must not be. */
export function answersOf<O, T>(validate: (raw: unknown, options?: O) => Validated<T>) {
  return {
    ok(raw: unknown, options?: O): T {
      const result = validate(raw, options);
      if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.errors)}`);
      return result.value;
    },
    errorsOf(raw: unknown, options?: O): FieldError[] {
      const result = validate(raw, options);
      if (result.ok) throw new Error('expected errors');
      return result.errors;
    },
  };
}

export const paths = (errors: FieldError[]) => errors.map((error) => error.path.join('.'));

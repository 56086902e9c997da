/** A field-level problem, as Strapi reports it in `error.details.errors`, with both product languages. */
export interface FieldError {
  path: string[];
  message: string;
  messages?: { vi: string; en: string };
}

export type Language = 'vi' | 'en';

/** A bilingual field error; `message` is in the language asked for (Vietnamese by default). */
export const fieldError = (
  path: string[],
  vi: string,
  en: string,
  language: Language = 'vi'
): FieldError => ({
  path,
  message: language === 'en' ? en : vi,
  messages: { vi, en },
});

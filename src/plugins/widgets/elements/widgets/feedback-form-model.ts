/** What `<tthc-feedback-form>` knows without a DOM: the server's form, the checks it repeats, the request's key. */
import type { FeedbackLimits } from '../../../../domain/feedback-intake';
import type { FieldError } from '../core/api';
import { formatNumber, type Lang, type MessageKey } from '../core/i18n';

export interface Kind {
  value: string;
  label: { vi: string; en: string };
}

export interface NoticeText {
  purpose: string;
  dataKept: string;
  retention: string;
  contact: string;
}

/** The form's limits: the lengths the server checks, and its file rules. */
export interface Limits extends FeedbackLimits {
  maxFiles: number;
  maxFileBytes: number;
  minFillSeconds: number;
  acceptedTypes: { mime: string; extension: string }[];
}

/** GET /api/feedbacks/form. */
export interface FormSpec {
  formToken: string;
  kinds: Kind[];
  notice: { version: string; text: { vi?: NoticeText; en?: NoticeText } };
  limits: Limits;
}

/** The 201 of POST /api/feedbacks. */
export interface Receipt {
  trackingCode: string;
  status: string;
  receivedAt: string;
  dueDate: string | null;
}

export type TextField = keyof FeedbackLimits;
export type Field = TextField | 'kind' | 'files' | 'processing' | 'publishAnswer';

export interface Values extends Record<TextField, string> {
  kind: string;
  processing: boolean;
  publishAnswer: boolean;
}

export const emptyValues = (): Values => ({
  fullName: '',
  address: '',
  phone: '',
  email: '',
  kind: '',
  subject: '',
  content: '',
  processing: false,
  publishAnswer: false,
});

/**
 * One problem to fix: the field it belongs to (null when none can fix it, such as an expired form token), the
 * chosen file it concerns, and its text: the server's bilingual message, or one of ours.
 */
export interface Problem {
  field: Field | null;
  file?: number;
  server?: FieldError;
  key?: MessageKey;
  values?: Record<string, string | number>;
}

const FIELDS: ReadonlySet<string> = new Set([
  'fullName',
  'address',
  'phone',
  'email',
  'kind',
  'subject',
  'content',
  'files',
]);

/** A server error's place in the form, from its path (['fullName'], ['consent', 'processing'], ['files', '0']). */
export function problemOf(error: FieldError): Problem {
  const [head, next] = error.path ?? [];
  if (head === 'consent')
    return { field: next === 'publishAnswer' ? 'publishAnswer' : 'processing', server: error };
  if (head === 'files' && next !== undefined && /^\d+$/.test(next))
    return { field: 'files', file: Number(next), server: error };
  return { field: FIELDS.has(head) ? (head as Field) : null, server: error };
}

export const isTokenProblem = (error: FieldError) => error.path?.[0] === 'formToken';

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
};

/** A first look at a chosen file (name, declared type, size); the server judges it by its bytes. */
export function fileProblem(file: File, limits: Limits): MessageKey | null {
  const extension = extensionOf(file.name);
  const known = limits.acceptedTypes.some(
    (type) => type.extension === extension || (file.type !== '' && type.mime === file.type)
  );
  if (!known) return 'feedback.files.badType';
  if (file.size === 0) return 'feedback.files.empty';
  if (file.size > limits.maxFileBytes) return 'feedback.files.tooBig';
  return null;
}

/** The file input's `accept`: each type by MIME and by extension, since systems label files either way. */
export const acceptOf = (limits: Limits) =>
  limits.acceptedTypes.flatMap((type) => [type.mime, type.extension]).join(',');

/** "PDF, JPG, PNG" */
export const typeNames = (limits: Limits) =>
  limits.acceptedTypes.map((type) => type.extension.replace(/^\./, '').toUpperCase()).join(', ');

export function fileSize(lang: Lang, bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(lang, Math.ceil(bytes / 1024))} KB`;
  return `${formatNumber(lang, bytes / (1024 * 1024), bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
}

/** The same file chosen twice is kept once. */
export const sameFile = (a: File, b: File) =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/** What the citizen can fix before anything is sent, in the form's order. */
export function checkValues(values: Values, files: File[], limits: Limits): Problem[] {
  const problems: Problem[] = [];
  const text = (field: TextField, required: boolean) => {
    const value = values[field].trim();
    if (required && value === '') problems.push({ field, key: `feedback.${field}.required` as MessageKey });
    else if (value.length > limits[field])
      problems.push({
        field,
        key: `feedback.${field}.tooLong` as MessageKey,
        values: { max: limits[field] },
      });
  };
  text('fullName', true);
  text('address', true);
  if (values.phone.trim() === '' && values.email.trim() === '')
    problems.push({ field: 'phone', key: 'feedback.contact.required' });
  text('phone', false);
  text('email', false);
  if (values.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
    problems.push({ field: 'email', key: 'feedback.email.invalid' });
  if (!values.kind) problems.push({ field: 'kind', key: 'feedback.kind.required' });
  text('subject', true);
  text('content', true);
  if (files.length > limits.maxFiles)
    problems.push({
      field: 'files',
      key: 'feedback.files.tooMany',
      values: { max: limits.maxFiles, extra: files.length - limits.maxFiles },
    });
  files.forEach((file, index) => {
    const key = fileProblem(file, limits);
    if (key) problems.push({ field: 'files', file: index, key });
  });
  if (!values.processing) problems.push({ field: 'processing', key: 'feedback.processing.required' });
  return problems;
}

/** The Idempotency-Key of one submission: randomUUID needs a secure context, getRandomValues does not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** What makes two submissions the same request: the JSON and the chosen files. */
export const fingerprintOf = (data: unknown, files: File[]) =>
  JSON.stringify([data, files.map((file) => [file.name, file.size, file.lastModified, file.type])]);

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** mailto: with the address as typed (its `?`, `#`, `%` and `&` would end the address) and the text encoded. */
export const mailtoOf = (email: string, subject: string, body: string) =>
  `mailto:${encodeURIComponent(email.trim()).replace(/%40/g, '@')}?subject=${encodeURIComponent(
    subject
  )}&body=${encodeURIComponent(body)}`;

/**
 * Prints the element alone: for the print only, a document sheet hides every element of the page that neither is
 * nor holds it (browsers without :has() ignore the rule and print the page).
 */
export function printAlone(host: HTMLElement) {
  let sheet: CSSStyleSheet | null = null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '@media print { body *:not([data-tthc-print]):not(:has([data-tthc-print])) { display: none !important; } }'
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    host.setAttribute('data-tthc-print', '');
  } catch {
    sheet = null;
  }
  const restore = () => {
    host.removeAttribute('data-tthc-print');
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
  };
  window.addEventListener('afterprint', restore, { once: true });
  window.print();
}

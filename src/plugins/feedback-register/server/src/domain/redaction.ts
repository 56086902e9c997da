/**
 * Removing the submitter's personal data from what is published or kept after the retention period
 * (Decree 13/2023): their name (also "ông Bình", the given name after a form of address), address, phone, e-mail,
 * identity-card numbers, and any other phone or e-mail in the text. Pure module.
 */
import { maskContacts } from '#domain/search-text';

export interface Submitter {
  fullName?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

export const REDACTED = {
  name: '[người phản ánh]',
  address: '[địa chỉ]',
  idNumber: '[số giấy tờ]',
  phone: '[số điện thoại]',
  email: '[thư điện tử]',
} as const;

// Vietnamese forms of address that precede a given name ("ông Bình", "bà Mai", "chị Dung").
const HONORIFICS = ['ông', 'bà', 'anh', 'chị', 'cô', 'chú', 'bác', 'em', 'cháu'];
// CCCD (12 digits) and CMND (9 digits) standing alone, not inside a longer number such as 1.000.000.000.
const ID_NUMBER = /(?<!\d|\d[.,/])(\d{12}|\d{9})(?!\d|[.,/]\d)/g;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A literal, matched case-insensitively with any run of spaces between its words. */
const literal = (text: string) =>
  new RegExp(text.normalize('NFC').trim().split(/\s+/).map(escape).join('\\s+'), 'giu');

/** Digits of the phone with any separators between them, in its 0… and +84… writings. */
function phonePattern(phone: string): RegExp | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 9) return null;
  const national = digits.startsWith('84') ? digits.slice(2) : digits.replace(/^0/, '');
  const body = national.split('').join('[\\s.\\-]*');
  return new RegExp(`(?:\\(?\\+?84\\)?[\\s.\\-]*|0)${body}(?!\\d)`, 'g');
}

export function redactPersonalData(text: string, submitter: Submitter): string {
  let out = text.normalize('NFC');
  const fullName = submitter.fullName?.normalize('NFC').trim();
  if (fullName) {
    out = out.replace(literal(fullName), REDACTED.name);
    const givenName = fullName.split(/\s+/).pop()!;
    const addressed = new RegExp(
      `(^|[^\\p{L}])(${HONORIFICS.join('|')})\\s+${escape(givenName)}(?![\\p{L}])`,
      'giu'
    );
    out = out.replace(
      addressed,
      (_m, before: string, honorific: string) => `${before}${honorific} ${REDACTED.name}`
    );
  }
  if (submitter.address?.trim()) out = out.replace(literal(submitter.address), REDACTED.address);
  if (submitter.email?.trim()) out = out.replace(literal(submitter.email), REDACTED.email);
  const phone = submitter.phone ? phonePattern(submitter.phone) : null;
  if (phone) out = out.replace(phone, REDACTED.phone);
  out = out.replace(ID_NUMBER, REDACTED.idNumber);
  return maskContacts(out);
}

/** The feedback columns that hold its submitter's data: read only to redact the subject, never shown. */
export const SUBMITTER_FIELDS = ['fullName', 'address', 'phone', 'email'] as const;

/** A stored feedback's subject without its submitter's data (the row read with SUBMITTER_FIELDS). */
export const redactedSubject = (row: Record<string, unknown>): string =>
  redactPersonalData(String(row.subject ?? ''), row as Submitter);

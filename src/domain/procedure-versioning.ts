/**
 * History rules for procedures (TTHC). A procedure is never overwritten by an amendment: the amended text
 * becomes a new version linked to the previous one, which is frozen with the day it stopped applying.
 * Pure module: callers pass in what is stored and get back errors or the effect to apply.
 */
import type { FieldError } from './errors';

export type { FieldError };

export type LegalStatus = 'in_force' | 'amended' | 'abolished';

export interface StoredVersion {
  documentId: string;
  nationalCode: string;
  legalStatus: LegalStatus;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  previousDocumentId?: string | null;
  hasNextVersion?: boolean;
}

export interface CreateInput {
  nationalCode?: string;
  legalStatus?: LegalStatus;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  announcementType?: string | null;
}

export interface CreateDecision {
  errors: FieldError[];
  /** The previous version, frozen as amended from this date on (the new version's first day). */
  freezePrevious?: { documentId: string; effectiveTo: string };
}

const dayBefore = (isoDate: string): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

const error = (field: string, message: string): FieldError => ({ path: [field], message });

/**
 * National codes of the national procedure database: an opaque `d.dddddd` string, never a number, with the
 * provincial suffix of a province's variant where it has one (`1.012753.H19`).
 */
export const NATIONAL_CODE = /^\d\.\d{6}(\.H\d{2})?$/;

/** A code as people type or paste it: spaces dropped, the suffix in upper case (`1.012753.h19` → `1.012753.H19`). */
export const normalizeNationalCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

/**
 * A new procedure document. `previous` is the version it amends or replaces, if any; `otherInForce` lists the
 * documents already in force under the same national code.
 */
export function decideCreate(
  input: CreateInput,
  previous: StoredVersion | null,
  otherInForce: string[],
  today: string
): CreateDecision {
  const errors: FieldError[] = [];
  const status = input.legalStatus ?? 'in_force';

  // Checked on drafts too: Strapi validates `regex` only on publish, and the code is the procedure's identity.
  if (typeof input.nationalCode !== 'string' || !NATIONAL_CODE.test(input.nationalCode)) {
    return { errors: [error('nationalCode', 'The national code must look like 1.234567.')] };
  }

  if (status !== 'in_force' && !input.effectiveTo) {
    errors.push(error('effectiveTo', 'A procedure that is no longer in force needs the date it ended.'));
  }

  if (!previous) {
    if (status === 'in_force' && otherInForce.length > 0) {
      errors.push(
        error(
          'nationalCode',
          `Procedure ${input.nationalCode} is already in force: create the new version with "previousVersion" set, so that the old one is kept.`
        )
      );
    }
    return { errors };
  }

  if (previous.legalStatus !== 'in_force') {
    errors.push(error('previousVersion', 'Only the version in force can be amended or replaced.'));
  }
  if (previous.hasNextVersion) {
    errors.push(error('previousVersion', 'That version already has a newer version.'));
  }
  if (input.nationalCode !== previous.nationalCode && input.announcementType !== 'replaced') {
    errors.push(
      error('nationalCode', 'An amended version keeps the national code; a different code means "replaced".')
    );
  }
  if (status !== 'in_force') {
    errors.push(error('legalStatus', 'A new version is in force when it is created.'));
  }
  const from = input.effectiveFrom ?? today;
  if (previous.effectiveFrom && from <= previous.effectiveFrom) {
    errors.push(error('effectiveFrom', 'A new version must take effect after the version it amends.'));
  }
  if (errors.length > 0) return { errors };
  return { errors, freezePrevious: { documentId: previous.documentId, effectiveTo: dayBefore(from) } };
}

export interface UpdateInput {
  nationalCode?: string;
  legalStatus?: LegalStatus;
  effectiveTo?: string | null;
  /** The documentId the update links as previous version (null clears it, undefined leaves it). */
  previousVersion?: string | null;
}

/** An edit of an existing procedure (any locale). Corrections are allowed only while it is in force. */
export function decideUpdate(stored: StoredVersion, changes: UpdateInput): FieldError[] {
  if (stored.legalStatus !== 'in_force') {
    return [
      error(
        'legalStatus',
        `This version is ${stored.legalStatus} and is kept as history: it cannot be changed. Edit the version in force.`
      ),
    ];
  }
  const errors: FieldError[] = [];
  if (changes.nationalCode !== undefined && changes.nationalCode !== stored.nationalCode) {
    errors.push(error('nationalCode', 'The national code identifies the procedure and cannot change.'));
  }
  if (changes.legalStatus === 'amended') {
    errors.push(
      error(
        'legalStatus',
        'To amend a procedure, create its new version with "previousVersion" pointing here.'
      )
    );
  }
  if (changes.legalStatus === 'abolished' && !(changes.effectiveTo ?? stored.effectiveTo)) {
    errors.push(error('effectiveTo', 'An abolished procedure needs the date it ended.'));
  }
  if (
    changes.previousVersion !== undefined &&
    stored.previousDocumentId &&
    changes.previousVersion !== stored.previousDocumentId
  ) {
    errors.push(error('previousVersion', 'The version history cannot be rewired.'));
  }
  return errors;
}

/** Only a standalone version in force can be deleted (a mistake); history stays. */
export function decideDelete(stored: StoredVersion): FieldError[] {
  if (stored.legalStatus !== 'in_force' || stored.previousDocumentId || stored.hasNextVersion) {
    return [error('legalStatus', 'Procedure versions that are part of the history cannot be deleted.')];
  }
  return [];
}

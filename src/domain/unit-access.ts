/**
 * Unit access: which units an admin user belongs to (its memberships), whether it sees every unit, and whether it
 * may do an action on a given unit. The core service `api::unit.access` (src/api/unit/services/access.ts) reads the
 * memberships and the user's ability; the decisions are here.
 *
 * And which documents a unit-scoped admin user (a unit editor) may touch: those whose every row (each locale, draft
 * and published) belongs to one of the user's units. A write never takes a document out of the user's units, and
 * never leaves one document's rows in different units.
 */
import type { Language } from './errors';

/** An admin user as a request carries it (ctx.state.user, roles populated). */
export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email: string;
  roles?: { code: string }[];
}

/** The RBAC ability of a request (ctx.state.userAbility). */
export interface Ability {
  can(action: string, subject?: unknown): boolean;
}

export const SUPER_ADMIN_ROLE = 'strapi-super-admin';

export const isSuperAdmin = (user: Pick<AdminUser, 'roles'>) =>
  (user.roles ?? []).some((role) => role.code === SUPER_ADMIN_ROLE);

/** How the product names a person: family name then given name (Vietnamese order), else the address. */
export const displayName = (user: Pick<AdminUser, 'firstname' | 'lastname' | 'email'>) =>
  [user.lastname, user.firstname].filter(Boolean).join(' ') || user.email;

/** An action of the ability: its name, or [name, subject] for an action on one content type. */
export type Action = string | readonly [action: string, subject: string];

/** What a caller (a plugin) asks of the unit access of one user. */
export interface AccessSpec<Flag extends string = never> {
  /** The caller's actions that show every unit's data; a super admin sees every unit anyway. */
  readAll?: readonly string[];
  /** The caller's own flags, each true when the user holds its action. */
  can?: Readonly<Record<Flag, Action>>;
}

/** The answer for one admin user, computed once per request. */
export interface UnitAccess {
  user: { id: number; name: string; email: string };
  /** The units the user belongs to. */
  unitIds: number[];
  isSuperAdmin: boolean;
  /** Sees every unit's data, not only its own units'. */
  readAll: boolean;
}

export type AccessOf<Flag extends string> = UnitAccess & Record<Flag, boolean>;

const holds = (ability: Ability, action: Action) =>
  typeof action === 'string' ? ability.can(action) : ability.can(action[0], action[1]);

/** The unit access of a user from its memberships and ability, with the caller's flags. */
export function unitAccessOf<Flag extends string = never>(
  user: AdminUser,
  unitIds: number[],
  ability: Ability,
  spec: AccessSpec<Flag> = {}
): AccessOf<Flag> {
  const superAdmin = isSuperAdmin(user);
  const flags = Object.fromEntries(
    Object.entries<Action>(spec.can ?? ({} as Record<Flag, Action>)).map(([flag, action]) => [
      flag,
      holds(ability, action),
    ])
  ) as Record<Flag, boolean>;
  return {
    user: { id: user.id, name: displayName(user), email: user.email },
    unitIds,
    isSuperAdmin: superAdmin,
    readAll: superAdmin || (spec.readAll ?? []).some((action) => ability.can(action)),
    ...flags,
  };
}

/** The units whose data the user may read: every unit, or its own. */
export const readableUnits = (access: Pick<UnitAccess, 'readAll' | 'unitIds'>): number[] | 'all' =>
  access.readAll ? 'all' : access.unitIds;

/** Whether the user belongs to this unit (none: no). */
export const inUnit = (access: Pick<UnitAccess, 'unitIds'>, unitId: number | null | undefined) =>
  unitId != null && access.unitIds.includes(unitId);

/** Whether the user sees this unit's data. */
export const seesUnit = (
  access: Pick<UnitAccess, 'readAll' | 'unitIds'>,
  unitId: number | null | undefined
) => access.readAll || inUnit(access, unitId);

/**
 * Whether the user may do a unit-scoped action it holds on this unit: on its own units; on every unit when it is a
 * super admin, or when the caller's rule lets the action reach every unit (`everyUnit`).
 */
export const mayActOnUnit = (
  access: Pick<UnitAccess, 'isSuperAdmin' | 'unitIds'>,
  holdsAction: boolean,
  unitId: number | null | undefined,
  everyUnit = false
) => holdsAction && (access.isSuperAdmin || everyUnit || inUnit(access, unitId));

export type UnitAccessRefusal = 'no-unit' | 'not-yours' | 'mixed-units' | 'unit-change';

export interface UnitAccessInput {
  /** The units of the user. */
  mine: readonly number[];
  /** The unit of each stored row of the document (null: none); empty for a new document. */
  stored: readonly (number | null)[];
  /** The unit the write sets: undefined leaves it as it is (or inherits it), null clears it. */
  target?: number | null;
  /** The write makes a new document from this one (a clone): it may go to any of the user's units. */
  clone?: boolean;
  /** The document has rows the write does not set (other locales, the other publication state, a new locale). */
  siblings?: boolean;
}

/** Why the user may not read or write this document, or null when they may. */
export function unitAccessRefusal({
  mine,
  stored,
  target,
  clone = false,
  siblings = false,
}: UnitAccessInput): UnitAccessRefusal | null {
  const units = [...new Set(stored)];
  if (units.length > 1) return 'mixed-units';
  const current = units.length === 1 ? units[0] : undefined;
  if (current === null || (current !== undefined && !mine.includes(current))) return 'not-yours';
  const isNew = current === undefined || clone;
  if (target === undefined) return current === undefined ? 'no-unit' : null;
  if (target === null) return 'no-unit';
  if (!mine.includes(target)) return 'not-yours';
  if (!isNew && siblings && target !== current) return 'unit-change';
  return null;
}

const MESSAGES: Record<UnitAccessRefusal, { vi: string; en: string }> = {
  'no-unit': { vi: 'Hãy chọn một đơn vị của mình.', en: 'Choose one of your units.' },
  'not-yours': {
    vi: 'Chỉ được làm việc trên tài liệu của đơn vị mình.',
    en: 'You can only work on your own units.',
  },
  'mixed-units': {
    vi: 'Tài liệu này thuộc nhiều đơn vị: hãy liên hệ quản trị viên.',
    en: 'This document belongs to several units: ask an administrator.',
  },
  'unit-change': {
    vi: 'Mọi bản ngôn ngữ của một tài liệu thuộc cùng một đơn vị.',
    en: 'Every locale of a document belongs to the same unit.',
  },
};

export const unitAccessMessage = (refusal: UnitAccessRefusal, language: Language = 'vi') =>
  MESSAGES[refusal][language];

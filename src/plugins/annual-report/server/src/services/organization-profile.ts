/**
 * What a report document takes from the organization's data: the profile in force on a day (names, abbreviation,
 * signer, place, default recipients) and the drafting unit's abbreviation for "Lưu: VT, …". Thin reads; the rules
 * are in `domain/document-format`.
 */
import type { Core } from '@strapi/strapi';
import { effectiveProfile } from '#domain/organization';
import {
  draftingUnitCode,
  type DraftingUnitCandidate,
  type OrganizationProfile,
} from '../domain/document-format';

type ProfileRow = OrganizationProfile & { validFrom: string };

/** The Vietnamese profile in force on `day` (ISO day); throws when the organization has none from that day. */
export async function profileOn(strapi: Core.Strapi, day: string): Promise<OrganizationProfile> {
  const rows = (await strapi.db.query('api::organization.organization').findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['locale'],
    populate: { profiles: true },
  })) as { locale: string; profiles: ProfileRow[] }[];
  const row = rows.find((r) => r.locale === 'vi') ?? rows[0];
  const profile = effectiveProfile(row?.profiles ?? [], day);
  if (!profile) throw new Error(`Chưa có thông tin cơ quan áp dụng từ ngày ${day} (Thông tin cơ quan).`);
  return profile;
}

/** The abbreviation of the drafting unit (the Office); null when no unit is of kind office. */
export async function draftingUnitOf(strapi: Core.Strapi): Promise<string | null> {
  const units = (await strapi.db.query('api::unit.unit').findMany({
    where: { kind: 'office' },
    select: ['code', 'kind', 'active', 'sortOrder'],
  })) as DraftingUnitCandidate[];
  return draftingUnitCode(units);
}

/**
 * The organization's working calendar, deadlines and processing notice, read from the database (holidays, the
 * organization single type) and kept for a minute: intake needs them on every submission. Writes to either clear it.
 */
import type { Core } from '@strapi/strapi';
import { effectiveProfile } from '#domain/organization';
import { defaultPrivacyNotice, type PrivacyNotice, type PrivacyNoticeText } from '#domain/privacy-notice';
import { WorkingCalendar, type CalendarEntry } from '#domain/working-days';

export interface FeedbackDeadlines {
  classificationDays: number;
  transferDays: number;
  handlingDays: number;
  publicationDays: number;
}

export interface OrganizationSettings {
  calendar: WorkingCalendar;
  timeZone: string;
  deadlines: FeedbackDeadlines;
  privacyNotice: PrivacyNotice;
  /** Closed feedback keeps its submitter's personal data this long, then is anonymized. */
  retentionMonths: number;
}

// Decree 20/2008 Art. 9 (transfer within 5 working days); the others are common provincial defaults.
const DEFAULT_DEADLINES: FeedbackDeadlines = {
  classificationDays: 3,
  transferDays: 5,
  handlingDays: 15,
  publicationDays: 5,
};
// The records rules keep feedback files 5 years (see the demo privacy notice).
const DEFAULT_RETENTION_MONTHS = 60;
const CACHE_MS = 60_000;
let cached: { value: OrganizationSettings; until: number } | undefined;

export function clearOrganizationSettings() {
  cached = undefined;
}

interface Profile {
  validFrom: string;
  feedbackAddress?: string;
  feedbackHotline?: string;
  feedbackEmail?: string;
}

interface OrganizationRow {
  locale: string;
  timeZone: string | null;
  feedbackRetentionMonths: number | null;
  feedbackDeadlines: (Partial<FeedbackDeadlines> & { id?: number }) | null;
  privacyNotice: (PrivacyNoticeText & { version: string; id?: number }) | null;
  profiles: Profile[];
}

function noticeOf(vi: OrganizationRow | undefined, en: OrganizationRow | undefined): PrivacyNotice {
  if (vi?.privacyNotice && en?.privacyNotice) {
    const text = ({ version: _v, id: _i, ...rest }: PrivacyNoticeText & { version: string; id?: number }) =>
      rest;
    return {
      version: vi.privacyNotice.version,
      text: { vi: text(vi.privacyNotice), en: text(en.privacyNotice) },
    };
  }
  const today = new Date().toISOString().slice(0, 10);
  const contact = (row?: OrganizationRow) => {
    const profile = effectiveProfile(row?.profiles ?? [], today);
    return [profile?.feedbackAddress, profile?.feedbackHotline, profile?.feedbackEmail]
      .filter(Boolean)
      .join(' – ');
  };
  return defaultPrivacyNotice({ vi: contact(vi), en: contact(en ?? vi) });
}

export async function organizationSettings(strapi: Core.Strapi): Promise<OrganizationSettings> {
  if (cached && cached.until > Date.now()) return cached.value;
  const [holidays, rows] = await Promise.all([
    strapi.db.query('api::holiday.holiday').findMany({ select: ['date', 'kind'] }),
    strapi.db.query('api::organization.organization').findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['locale', 'timeZone', 'feedbackRetentionMonths'],
      populate: { feedbackDeadlines: true, privacyNotice: true, profiles: true },
    }) as Promise<OrganizationRow[]>,
  ]);
  const vi = rows.find((r) => r.locale === 'vi') ?? rows[0];
  const en = rows.find((r) => r.locale === 'en') ?? vi;
  const { id: _id, ...deadlines } = vi?.feedbackDeadlines ?? {};
  const value: OrganizationSettings = {
    calendar: new WorkingCalendar(holidays as CalendarEntry[]),
    timeZone: vi?.timeZone || 'Asia/Ho_Chi_Minh',
    deadlines: { ...DEFAULT_DEADLINES, ...deadlines },
    privacyNotice: noticeOf(vi, en),
    retentionMonths: vi?.feedbackRetentionMonths || DEFAULT_RETENTION_MONTHS,
  };
  cached = { value, until: Date.now() + CACHE_MS };
  return value;
}

/**
 * The organization's working calendar and deadlines, read from the database (holidays, organization single type)
 * and kept for a minute: intake computes a due date on every submission. Writes to either clear it.
 */
import type { Core } from '@strapi/strapi';
import { WorkingCalendar, type CalendarEntry } from '../domain/working-days';

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
}

// Decree 20/2008 Art. 9 (transfer within 5 working days); the others are common provincial defaults.
const DEFAULT_DEADLINES: FeedbackDeadlines = {
  classificationDays: 3,
  transferDays: 5,
  handlingDays: 15,
  publicationDays: 5,
};
const CACHE_MS = 60_000;
let cached: { value: OrganizationSettings; until: number } | undefined;

export function clearOrganizationSettings() {
  cached = undefined;
}

export async function organizationSettings(strapi: Core.Strapi): Promise<OrganizationSettings> {
  if (cached && cached.until > Date.now()) return cached.value;
  const [holidays, organization] = await Promise.all([
    strapi.db.query('api::holiday.holiday').findMany({ select: ['date', 'kind'] }),
    strapi.db.query('api::organization.organization').findOne({
      select: ['timeZone'],
      populate: { feedbackDeadlines: true },
    }),
  ]);
  const { id: _id, ...deadlines } = (organization?.feedbackDeadlines ?? {}) as Partial<FeedbackDeadlines> & {
    id?: number;
  };
  const value: OrganizationSettings = {
    calendar: new WorkingCalendar(holidays as CalendarEntry[]),
    timeZone: organization?.timeZone || 'Asia/Ho_Chi_Minh',
    deadlines: { ...DEFAULT_DEADLINES, ...deadlines },
  };
  cached = { value, until: Date.now() + CACHE_MS };
  return value;
}

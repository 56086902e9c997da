import type { Core } from '@strapi/strapi';
import { effectiveProfile } from '#domain/organization';

interface ProfileRow {
  validFrom: string;
  issuingBody?: string | null;
  abbreviation?: string | null;
}

/** What the demo page shows of the department's own data: its name today and a procedure of its catalogue. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async demoData(lang: 'vi' | 'en') {
    const [organizations, procedure] = await Promise.all([
      strapi.db.query('api::organization.organization').findMany({
        where: { publishedAt: { $notNull: true } },
        select: ['locale'],
        populate: { profiles: true },
      }) as Promise<{ locale: string; profiles: ProfileRow[] }[]>,
      strapi.db.query('api::procedure.procedure').findOne({
        where: { publishedAt: { $notNull: true }, locale: 'vi', legalStatus: 'in_force' },
        select: ['nationalCode', 'documentId'],
        orderBy: { nationalCode: 'asc' },
      }) as Promise<{ nationalCode: string; documentId: string } | null>,
    ]);
    const row = organizations.find((o) => o.locale === lang) ?? organizations.find((o) => o.locale === 'vi');
    const profile = effectiveProfile(row?.profiles ?? [], new Date().toISOString().slice(0, 10));
    return {
      department: profile?.issuingBody || profile?.abbreviation || '',
      procedure: procedure ? { code: procedure.nationalCode, documentId: procedure.documentId } : null,
    };
  },
});

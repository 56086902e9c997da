/**
 * The department's catalogue as import files speak it: the current version of each national code (the one in
 * force, else the newest), in the default locale, with its parts; and the catalogue workbook that exports it in the
 * list layout plus the detail sheets (catalogue-xlsx.ts), which imports back unchanged.
 */
import type { Core } from '@strapi/strapi';
import { writeCatalogue, type OnlineLevel } from '#domain/catalogue-xlsx';
import { TEXT_FIELDS, type ChannelRow, type DossierItem } from '#domain/procedure-fields';
import type { StoredProcedure } from '#domain/procedure-import';
import type { ProcedureLevel } from '#domain/procedure-levels';
import { localeCodes } from '#infra/locales';
import { day } from '#infra/stored-values';

const UID = 'api::procedure.procedure';
const PAGE = 500;

const POPULATE = {
  field: { fields: ['name'] },
  levels: true,
  steps: true,
  channels: true,
  dossier: { fields: ['caseGroup', 'name', 'originals', 'copies', 'formTemplateName'] },
  legalBases: { fields: ['symbol', 'title', 'issueDate', 'issuer'] },
  announcingDecision: { fields: ['symbol'] },
};

type Stored = Record<string, unknown> & {
  documentId: string;
  nationalCode: string;
  legalStatus: string;
  onlineLevel: OnlineLevel | null;
  field?: { name: string } | null;
  levels?: { level: ProcedureLevel }[];
  steps?: { description: string }[];
  channels?: (Omit<ChannelRow, 'feeAmount'> & { feeAmount: number | string | null })[];
  dossier?: (Omit<DossierItem, 'originals' | 'copies'> & {
    originals: number | null;
    copies: number | null;
  })[];
  legalBases?: { symbol: string; title: string | null; issueDate: string | null; issuer: string | null }[];
  announcingDecision?: { symbol: string } | null;
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A stored procedure in the shape the readers give (empty text where nothing is stored). */
function asCatalogue(row: Stored, published: boolean): StoredProcedure {
  return {
    documentId: row.documentId,
    nationalCode: row.nationalCode,
    ...(Object.fromEntries(TEXT_FIELDS.map((key) => [key, text(row[key])])) as Record<
      (typeof TEXT_FIELDS)[number],
      string
    >),
    field: row.field?.name ?? '',
    levels: (row.levels ?? []).map((l) => l.level),
    onlineLevel: row.onlineLevel ?? null,
    announcingDecision: row.announcingDecision?.symbol ?? '',
    steps: (row.steps ?? []).map((s) => s.description),
    channels: (row.channels ?? []).map((c) => ({
      channel: c.channel,
      processingTime: text(c.processingTime),
      processingDays: c.processingDays ?? null,
      fee: text(c.fee),
      feeAmount: c.feeAmount === null || c.feeAmount === undefined ? null : Number(c.feeAmount),
      description: text(c.description),
    })),
    dossier: (row.dossier ?? []).map((d) => ({
      caseGroup: text(d.caseGroup),
      name: text(d.name),
      originals: d.originals ?? 0,
      copies: d.copies ?? 0,
      formTemplateName: text(d.formTemplateName),
    })),
    legalBases: (row.legalBases ?? []).map((l) => ({
      symbol: l.symbol,
      title: text(l.title),
      issuedOn: day(l.issueDate) ?? '',
      issuer: text(l.issuer),
    })),
    published,
  };
}

const catalogue = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The locale imports read and write: the default one, where the national database's Vietnamese texts belong. */
  async locale(): Promise<string> {
    return (await localeCodes(strapi))[0];
  },

  /** The current version of every national code, oldest first, in the default locale. */
  async current(): Promise<StoredProcedure[]> {
    const documents = strapi.documents(UID);
    const locale = await this.locale();
    const drafts: Stored[] = [];
    for (let start = 0; ; start += PAGE) {
      const page = (await documents.findMany({
        locale,
        status: 'draft',
        fields: ['documentId', 'nationalCode', 'legalStatus', 'onlineLevel', ...TEXT_FIELDS],
        populate: POPULATE,
        sort: 'id:asc',
        start,
        limit: PAGE,
      } as never)) as unknown as Stored[];
      drafts.push(...page);
      if (page.length < PAGE) break;
    }
    const published = new Set(
      (
        (await documents.findMany({ locale, status: 'published', fields: ['documentId'] })) as {
          documentId: string;
        }[]
      ).map((d) => d.documentId)
    );
    const byCode = new Map<string, Stored>();
    for (const row of drafts) {
      const kept = byCode.get(row.nationalCode);
      // Rows come oldest first: a later one replaces an earlier one unless only the earlier is in force.
      if (!kept || row.legalStatus === 'in_force' || kept.legalStatus !== 'in_force')
        byCode.set(row.nationalCode, row);
    }
    return [...byCode.values()].map((row) => asCatalogue(row, published.has(row.documentId)));
  },

  /** The catalogue workbook: every current procedure, by national code. */
  async workbook(title: string): Promise<Buffer> {
    const procedures = (await this.current()).sort((a, b) => a.nationalCode.localeCompare(b.nationalCode));
    return writeCatalogue(
      procedures.map(({ documentId: _d, published: _p, ...procedure }) => procedure),
      title
    );
  },
});

export default catalogue;
export type CatalogueService = ReturnType<typeof catalogue>;

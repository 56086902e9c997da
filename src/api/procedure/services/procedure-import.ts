import type { Core } from '@strapi/strapi';
import { readImportFile, type ImportLimits } from '#domain/import-file';
import {
  previewImport,
  type ImportedFields,
  type ImportPreview,
  type StoredProcedure,
} from '#domain/procedure-import';
import type { ProcedureLevel } from '#domain/procedure-levels';
import type { Bilingual } from '#domain/national-list';
import { localeCodes } from '#infra/locales';

const UID = 'api::procedure.procedure';
const PAGE = 500;

interface StoredRow {
  documentId: string;
  nationalCode: string;
  name: string;
  implementingAgency: string | null;
  legalStatus: string;
  field?: { name: string } | null;
  levels?: { level: ProcedureLevel }[];
  announcingDecision?: { symbol: string } | null;
}

export type PreviewResult =
  | { ok: true; kind: 'xlsx' | 'docx'; sha256: string; preview: ImportPreview }
  | { ok: false; problem: string; message: Bilingual };

/** What a file brings, compared with the catalogue: the import's preview (nothing is written). */
const procedureImport = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The catalogue's current version of each code (the one in force, else the newest), in the default locale. */
  async function current(): Promise<StoredProcedure[]> {
    const documents = strapi.documents(UID);
    const [locale] = await localeCodes(strapi);
    const drafts: StoredRow[] = [];
    for (let start = 0; ; start += PAGE) {
      const page = (await documents.findMany({
        locale,
        status: 'draft',
        fields: ['documentId', 'nationalCode', 'name', 'implementingAgency', 'legalStatus'],
        populate: { field: { fields: ['name'] }, levels: true, announcingDecision: { fields: ['symbol'] } },
        sort: 'id:asc',
        start,
        limit: PAGE,
      })) as unknown as StoredRow[];
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
    const byCode = new Map<string, StoredRow>();
    for (const row of drafts) {
      const kept = byCode.get(row.nationalCode);
      // Rows come oldest first: a later one replaces an earlier one unless only the earlier is in force.
      if (!kept || row.legalStatus === 'in_force' || kept.legalStatus !== 'in_force')
        byCode.set(row.nationalCode, row);
    }
    return [...byCode.values()].map((row) => ({
      documentId: row.documentId,
      nationalCode: row.nationalCode,
      name: row.name,
      field: row.field?.name ?? '',
      implementingAgency: row.implementingAgency ?? '',
      levels: (row.levels ?? []).map((l) => l.level),
      published: published.has(row.documentId),
      announcingDecision: row.announcingDecision?.symbol ?? '',
    }));
  }

  return {
    async preview(bytes: Buffer, limits?: ImportLimits): Promise<PreviewResult> {
      const file = await readImportFile(bytes, limits);
      if (!file.ok) return file;
      // A Word file and the catalogue carry every field; the portal's list has no level column but its agencies.
      const present = new Set<keyof ImportedFields>(['name', 'field', 'implementingAgency', 'levels']);
      const preview = previewImport(file.procedures, file.refused, await current(), present);
      return { ok: true, kind: file.kind, sha256: file.sha256, preview };
    },
  };
};

export default procedureImport;
export type ProcedureImportService = ReturnType<typeof procedureImport>;

/**
 * What imported procedures point to: their field (Lĩnh vực), legal bases and announcing decision. Each is found by
 * its folded name or symbol in the default locale, and created (published, so that published procedures link it)
 * when the department's register lacks it. A document cited without its issuer takes the issuer's abbreviation
 * that its symbol ends with ("379/QĐ-BNNMT" → "BNNMT"); one whose symbol has none stays a draft to complete.
 */
import type { Core } from '@strapi/strapi';
import { legalDocumentType, symbolIssuer } from '#domain/legal-document-types';
import type { LegalBasis } from '#domain/procedure-fields';
import { fold } from '#domain/search-text';

const FIELD = 'api::procedure-field.procedure-field';
const LEGAL_DOCUMENT = 'api::legal-document.legal-document';

/** documentIds by folded name (fields) or folded symbol (legal documents). */
export type ReferenceIds = Map<string, string>;

const slug = (name: string) => fold(name).replace(/ /g, '-').slice(0, 60) || 'linh-vuc';

const references = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The field of each name, created when missing. */
  async fields(names: string[], locale: string): Promise<ReferenceIds> {
    const documents = strapi.documents(FIELD);
    const stored = (await documents.findMany({ locale, status: 'draft', fields: ['name', 'code'] })) as {
      documentId: string;
      name: string;
      code: string;
    }[];
    const ids: ReferenceIds = new Map(stored.map((f) => [fold(f.name), f.documentId]));
    const codes = new Set(stored.map((f) => f.code));
    for (const name of names) {
      const key = fold(name);
      if (!key || ids.has(key)) continue;
      let code = slug(name);
      for (let n = 2; codes.has(code); n++) code = `${slug(name)}-${n}`;
      codes.add(code);
      const created = await documents.create({ locale, data: { name, code }, status: 'published' } as never);
      ids.set(key, created.documentId);
    }
    return ids;
  },

  /** The legal document of each symbol, created when missing (an announcing decision has only its symbol). */
  async legalDocuments(bases: LegalBasis[], locale: string): Promise<ReferenceIds> {
    const documents = strapi.documents(LEGAL_DOCUMENT);
    const symbols = [...new Set(bases.map((b) => b.symbol))];
    const ids: ReferenceIds = new Map();
    for (let start = 0; start < symbols.length; start += 500) {
      const found = (await documents.findMany({
        locale,
        status: 'draft',
        fields: ['symbol'],
        filters: { symbol: { $in: symbols.slice(start, start + 500) } },
      } as never)) as { documentId: string; symbol: string }[];
      for (const document of found) ids.set(fold(document.symbol), document.documentId);
    }
    for (const basis of bases) {
      const key = fold(basis.symbol);
      if (!key || ids.has(key)) continue;
      const issuer = basis.issuer || symbolIssuer(basis.symbol);
      const created = await documents.create({
        locale,
        data: {
          symbol: basis.symbol,
          documentType: legalDocumentType(basis.symbol),
          title: basis.title || basis.symbol,
          issuer: issuer || null,
          issueDate: basis.issuedOn || null,
        },
        ...(issuer ? { status: 'published' } : {}),
      } as never);
      ids.set(key, created.documentId);
    }
    return ids;
  },
});

export default references;

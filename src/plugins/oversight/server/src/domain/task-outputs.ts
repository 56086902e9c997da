/**
 * The outputs a unit reports for a plan task: the articles and submissions of the CMS that it links, plus a typed
 * count of outputs that are not in the CMS (a training, a briefing). A linked item must be the unit's and linked
 * to the task itself; the output count is derived, never typed next to links. Pure module.
 */
import { fieldError, type FieldError, type Language } from '#domain/errors';

export const OUTPUT_TYPES = ['article', 'submission'] as const;
export type OutputType = (typeof OUTPUT_TYPES)[number];
/** The body's list of each type: `articles`, `submissions`. */
export const OUTPUT_FIELDS: Record<OutputType, 'articles' | 'submissions'> = {
  article: 'articles',
  submission: 'submissions',
};
/** How many items of each type a report may link. */
export const MAX_LINKED_OUTPUTS = 50;
/** How many linked items a task row lists (the latest), next to their total. */
export const LINKED_PREVIEW = 5;

export interface OutputLinks {
  articles: string[];
  submissions: string[];
}

/** What the CMS holds about a linked item, over all its rows (locales, draft and published). */
export interface OutputFacts {
  documentId: string;
  title: string;
  unitIds: number[];
  taskDocumentIds: string[];
  /** A submission's article (approval creates it): one output, not two, when both are linked. */
  articleDocumentId?: string | null;
}

/** A linked output as the report keeps it: a snapshot, so the report reads the same later. */
export interface ReportedOutput {
  type: OutputType;
  documentId: string;
  title: string;
}

/**
 * Each link checked against the unit and the task it is reported for: one field error per item refused
 * (`articles.0`, `submissions.2`), all reported together.
 */
export function checkOutputLinks(
  links: OutputLinks,
  facts: { articles: Map<string, OutputFacts>; submissions: Map<string, OutputFacts> },
  target: { unitId: number; taskDocumentId: string },
  language: Language
): { ok: true; outputs: ReportedOutput[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const outputs: ReportedOutput[] = [];
  for (const type of OUTPUT_TYPES) {
    const field = OUTPUT_FIELDS[type];
    const what =
      type === 'article' ? { vi: 'Bài viết', en: 'The article' } : { vi: 'Tin bài', en: 'The submission' };
    links[field].forEach((documentId, index) => {
      const item = facts[field].get(documentId);
      const path = [field, String(index)];
      if (!item || !item.unitIds.includes(target.unitId)) {
        errors.push(
          fieldError(
            path,
            `${what.vi} không tồn tại hoặc không thuộc đơn vị thực hiện nhiệm vụ.`,
            `${what.en} does not exist or is not of the unit of this task.`,
            language
          )
        );
      } else if (!item.taskDocumentIds.includes(target.taskDocumentId)) {
        errors.push(
          fieldError(
            path,
            `${what.vi} không gắn với nhiệm vụ này.`,
            `${what.en} is not linked to this plan task.`,
            language
          )
        );
      } else {
        outputs.push({ type, documentId, title: item.title });
      }
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, outputs };
}

/**
 * The output count of a report: the linked articles, the linked submissions whose article is not linked too,
 * and the outputs outside the CMS.
 */
export function derivedOutputCount(
  links: OutputLinks,
  submissions: Map<string, Pick<OutputFacts, 'articleDocumentId'>>,
  extra: number
): number {
  const articles = new Set(links.articles);
  const separate = links.submissions.filter((documentId) => {
    const article = submissions.get(documentId)?.articleDocumentId;
    return !(article && articles.has(article));
  });
  return articles.size + separate.length + extra;
}

/**
 * Imports as records, in two steps. `preview` reads a file (import-file.ts), compares it with the catalogue and
 * records what it would do, changing no procedure. `apply` claims a previewed import, compares again (the catalogue
 * may have moved since), writes the user's chosen rows through the Document Service, so that the history rules of
 * procedure-versioning.ts hold, and records what it did: all in one transaction, so a refused write or a dead process
 * leaves the catalogue as it was. Each written procedure points to its import (`lastImport`).
 *
 * The rows live in their own table (`import-row`), one database row each, not in the record: a page of the preview
 * is read in SQL, and each written procedure's events, which load its `lastImport`, do not parse thousands of rows.
 *
 * Progress (rows written of rows to write) is kept in this process: the transaction holds SQLite's one connection,
 * so it cannot be written to the database as it goes. Another node shows an import as applying without the count.
 */
import type { Core } from '@strapi/strapi';
import { ConflictError } from '#domain/errors';
import { readImportFile, type ImportLimits } from '#domain/import-file';
import type { Bilingual } from '#domain/national-list';
import {
  amendedVersion,
  countPreview,
  fieldsWritten,
  previewImport,
  procedureData,
  planApply,
  selectRows,
  levelKey,
  selectionKeys,
  type ApplyAction,
  type ApplyChoices,
  type ImportField,
  type ImportSelection,
  type ImportStatus,
  type PreviewRow,
  type StoredProcedure,
} from '#domain/procedure-import';
import type { AppliedCounts, ImportView, RowOutcome, RowView, StoredRow } from '#domain/import-views';
import { fold } from '#domain/search-text';
import { UIDS } from '../permissions';
import { importRowTable } from '../tables';
import { getService } from '../utils';

const PROCEDURE = 'api::procedure.procedure';

/** The stored record: the view's fields (but the computed ones) with its ids and the fields present. */
interface ImportRecord extends Omit<ImportView, 'id' | 'progress' | 'fields'> {
  id: number;
  documentId: string;
  present: ImportField[];
}

export interface RowQuery extends Omit<ImportSelection, 'codes'> {
  status?: ImportStatus;
  page: number;
  pageSize: number;
}

export type PreviewResult =
  | { ok: true; import: ImportView }
  | { ok: false; problem: string; message: Bilingual };

/** The list columns of a record: everything but its missing procedures and refused rows. */
const SUMMARY_FIELDS = [
  'documentId',
  'fileName',
  'sha256',
  'kind',
  'state',
  'counts',
  'applied',
  'choices',
  'error',
  'createdByName',
  'appliedByName',
  'appliedAt',
  'createdAt',
];

const progress = new Map<string, { done: number; total: number }>();

const view = (record: ImportRecord, fields: ImportView['fields'] = []): ImportView => ({
  id: record.documentId,
  fileName: record.fileName,
  sha256: record.sha256,
  kind: record.kind,
  state: record.state,
  counts: record.counts,
  applied: record.applied ?? null,
  choices: record.choices ?? null,
  progress: record.state === 'applying' ? (progress.get(record.documentId) ?? null) : null,
  error: record.error ?? null,
  createdByName: record.createdByName ?? null,
  appliedByName: record.appliedByName ?? null,
  createdAt: new Date(record.createdAt).toISOString(),
  appliedAt: record.appliedAt ? new Date(record.appliedAt).toISOString() : null,
  fields,
  missing: record.missing ?? [],
  refused: record.refused ?? [],
});

const rowView = (row: StoredRow): RowView => ({
  row: row.row,
  nationalCode: row.nationalCode,
  name: row.name,
  field: row.field,
  levels: row.levels,
  implementingAgency: row.implementingAgency,
  status: row.status,
  changes: row.changes,
  documentId: row.documentId,
  published: row.published,
  defaultMode: row.defaultMode,
  outcome: row.outcome,
  writtenDocumentId: row.writtenDocumentId,
});

/** The file's procedure again, from its stored preview row. */
const incomingOf = ({
  status: _s,
  changes: _c,
  documentId: _d,
  published: _p,
  defaultMode: _m,
  outcome: _o,
  writtenDocumentId: _w,
  ...procedure
}: StoredRow) => procedure;

/** A write the Document Service refused, named by its row so that the user can find it in the file. */
class RowFailure extends Error {
  constructor(row: PreviewRow, cause: unknown) {
    const details = (cause as { details?: { errors?: { path: string[]; message: string }[] } }).details
      ?.errors;
    const reason = details?.length
      ? details.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')
      : cause instanceof Error
        ? cause.message
        : String(cause);
    super(`Dòng ${row.row} (${row.nationalCode}): ${reason}`);
  }
}

const imports = ({ strapi }: { strapi: Core.Strapi }) => {
  const records = () => strapi.db.query(UIDS.import);
  const rowRecords = () => strapi.db.query(UIDS.importRow);
  const find = async (documentId: string) =>
    (await records().findOne({ where: { documentId } })) as ImportRecord | null;

  async function storeRows(importId: number, rows: StoredRow[]) {
    if (rows.length === 0) return;
    await rowRecords().createMany({
      data: rows.map((row) => ({
        importId,
        row: row.row,
        status: row.status,
        field: row.field,
        ...selectionKeys(row),
        data: row,
      })),
    });
  }

  async function storedRows(importId: number): Promise<StoredRow[]> {
    const found = await rowRecords().findMany({
      where: { importId },
      select: ['data'],
      orderBy: { row: 'asc' },
    });
    return found.map((stored) => stored.data as StoredRow);
  }

  /** The fields the rows fall in, with their counts: one GROUP BY. */
  async function fieldsOf(importId: number): Promise<ImportView['fields']> {
    const { table, column } = importRowTable(strapi);
    const counts: { name: string; count: number | string }[] = await strapi.db
      .connection(table)
      .min({ name: column.field })
      .count({ count: '*' })
      .where(column.importId, importId)
      .groupBy(column.fieldKey);
    return counts
      .map(({ name, count }) => ({ name, count: Number(count) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  const viewWithFields = async (record: ImportRecord) => view(record, await fieldsOf(record.id));

  /** Writes one action; returns what became of the row. */
  async function write(
    action: ApplyAction,
    stored: Map<string, StoredProcedure>,
    lookup: Parameters<typeof procedureData>[2],
    base: { locale: string; lastImport: string }
  ): Promise<{ outcome: RowOutcome; writtenDocumentId?: string }> {
    const documents = strapi.documents(PROCEDURE);
    const { row } = action;
    const { locale, lastImport } = base;
    if (action.kind === 'create') {
      const data = { ...procedureData(row, fieldsWritten(action), lookup), nationalCode: row.nationalCode };
      const created = await documents.create({
        locale,
        data: { ...data, lastImport },
        ...(action.publish ? { status: 'published' } : {}),
      } as never);
      return { outcome: action.publish ? 'published' : 'created', writtenDocumentId: created.documentId };
    }
    if (action.kind === 'skip') return { outcome: 'unchanged' };
    const documentId = row.documentId!;
    if (action.mode === 'correction') {
      const data = procedureData(row, fieldsWritten(action), lookup);
      await documents.update({ documentId, locale, data: { ...data, lastImport } } as never);
      // The user chose to correct the published text in place: the correction goes public with it.
      if (row.published) await documents.publish({ documentId, locale } as never);
      return { outcome: 'corrected', writtenDocumentId: documentId };
    }
    const version = amendedVersion(stored.get(row.nationalCode)!, row);
    const created = await documents.create({
      locale,
      data: {
        ...procedureData(version, fieldsWritten(action), lookup),
        nationalCode: row.nationalCode,
        previousVersion: documentId,
        announcementType: 'amended',
        lastImport,
      },
      ...(row.published ? { status: 'published' } : {}),
    } as never);
    return { outcome: 'amended', writtenDocumentId: created.documentId };
  }

  /** The chosen rows written, and the record closed, in one transaction. */
  async function run(record: ImportRecord, choices: ApplyChoices): Promise<void> {
    const id = record.documentId;
    const catalogue = getService(strapi, 'catalogue');
    const references = getService(strapi, 'references');
    await strapi.db.transaction(async ({ trx }) => {
      // Two imports applied at once would both find a code new and create it twice: on PostgreSQL they take turns
      // (SQLite's one connection already serialises them).
      if (strapi.db.dialect.client === 'postgres')
        await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['procedure-import']);
      const locale = await catalogue.locale();
      const current = await catalogue.current();
      const preview = previewImport(
        (await storedRows(record.id)).map(incomingOf),
        record.refused,
        current,
        new Set(record.present)
      );
      const chosen = new Set(selectRows(preview.rows, choices));
      const plan = planApply([...chosen], choices);
      const writes = plan.filter((action) => action.kind !== 'skip');
      progress.set(id, { done: 0, total: writes.length });

      const fields = await references.fields(
        writes.map((action) => action.row.field),
        locale
      );
      const legal = await references.legalDocuments(
        writes.flatMap(({ row }) => [
          ...row.legalBases,
          ...(row.announcingDecision
            ? [{ symbol: row.announcingDecision, title: '', issuedOn: '', issuer: '' }]
            : []),
        ]),
        locale
      );
      const lookup = {
        field: (name: string) => fields.get(fold(name)) ?? null,
        legalDocument: (symbol: string) => legal.get(fold(symbol)) ?? null,
      };
      const byCode = new Map(current.map((procedure) => [procedure.nationalCode, procedure]));
      const outcomes = new Map<PreviewRow, { outcome: RowOutcome; writtenDocumentId?: string }>();
      let done = 0;
      for (const action of plan) {
        try {
          outcomes.set(action.row, await write(action, byCode, lookup, { locale, lastImport: id }));
        } catch (error) {
          throw new RowFailure(action.row, error);
        }
        if (action.kind !== 'skip') progress.set(id, { done: ++done, total: writes.length });
      }

      const counts = countPreview(preview, [...chosen]);
      const applied: AppliedCounts = {
        ...counts,
        notChosen: preview.rows.length - chosen.size,
        keptAsDrafts: choices.publish ? plan.filter((a) => a.kind === 'create' && !a.publish).length : 0,
      };
      await records().update({
        where: { id: record.id },
        data: { state: 'applied', applied, appliedAt: new Date(), missing: preview.missing },
      });
      // The rows as applied: compared again, with what became of each.
      await rowRecords().deleteMany({ where: { importId: record.id } });
      await storeRows(
        record.id,
        preview.rows.map(
          (row): StoredRow => ({ ...row, ...(outcomes.get(row) ?? { outcome: 'not_chosen' }) })
        )
      );
    });
  }

  return {
    /** Reads the file and records what importing it would do; no procedure changes. */
    async preview(
      bytes: Buffer,
      meta: { fileName: string; userName: string | null },
      limits?: ImportLimits
    ): Promise<PreviewResult> {
      const file = await readImportFile(bytes, limits);
      if (!file.ok) return file;
      const present = new Set<ImportField>(file.present);
      const preview = previewImport(
        file.procedures,
        file.refused,
        await getService(strapi, 'catalogue').current(),
        present
      );
      const record = await strapi.db.transaction(async () => {
        const created = (await records().create({
          data: {
            fileName: meta.fileName.slice(0, 255),
            sha256: file.sha256,
            kind: file.kind,
            state: 'previewed',
            counts: countPreview(preview),
            present: [...present],
            missing: preview.missing,
            refused: preview.refused,
            createdByName: meta.userName,
          },
        })) as ImportRecord;
        await storeRows(created.id, preview.rows);
        return created;
      });
      return { ok: true, import: await viewWithFields(record) };
    },

    /**
     * Claims a previewed import (a second claim gets a ConflictError) and applies it; `wait` false returns at once
     * and the work goes on in the background (the admin page polls). Null when there is no such import.
     */
    async apply(
      documentId: string,
      choices: ApplyChoices,
      userName: string | null,
      { wait }: { wait: boolean }
    ): Promise<ImportView | null> {
      const record = await find(documentId);
      if (!record) return null;
      const claimed = await records().updateMany({
        where: { documentId, state: 'previewed' },
        data: { state: 'applying', choices, appliedByName: userName, heartbeatAt: new Date() },
      });
      if (claimed.count === 0) throw new ConflictError('procedureImport');
      const work = run(record, choices).catch(async (error: unknown) => {
        strapi.log.warn(`[procedure-import] import ${documentId} failed: ${(error as Error).message}`);
        await records().update({
          where: { id: record.id },
          data: { state: 'failed', error: String((error as Error).message ?? error).slice(0, 2000) },
        });
      });
      const finished = work.finally(() => progress.delete(documentId));
      if (wait) {
        await finished;
        return viewWithFields((await find(documentId))!);
      }
      // Not read back: on SQLite the work's transaction holds the one connection until it ends.
      return view({ ...record, state: 'applying', choices, appliedByName: userName });
    },

    async findOne(documentId: string): Promise<ImportView | null> {
      const record = await find(documentId);
      return record ? viewWithFields(record) : null;
    },

    /** The history, newest first, without the rows. */
    async list(page: number, pageSize: number) {
      const [rows, total] = await Promise.all([
        records().findMany({
          select: SUMMARY_FIELDS,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
        records().count(),
      ]);
      return {
        data: (rows as ImportRecord[]).map((record) => ({
          ...view({ ...record, missing: [], refused: [] }),
          fields: undefined,
          missing: undefined,
          refused: undefined,
        })),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    /** One page of an import's rows, filtered as the preview table asks (as `selectRows` would), in SQL. */
    async rows(documentId: string, query: RowQuery) {
      const record = await records().findOne({ select: ['id'], where: { documentId } });
      if (!record) return null;
      const { status, fields = [], levels = [], agency, page, pageSize } = query;
      const where = {
        importId: record.id,
        ...(status ? { status } : {}),
        ...(fields.length ? { fieldKey: { $in: fields.map(fold) } } : {}),
        ...(levels.length
          ? { $or: levels.map((level) => ({ levelKeys: { $contains: levelKey(level) } })) }
          : {}),
        ...(agency ? { agencyKey: { $contains: fold(agency) } } : {}),
      };
      const [found, total] = await Promise.all([
        rowRecords().findMany({
          select: ['data'],
          where,
          orderBy: { row: 'asc' },
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
        rowRecords().count({ where }),
      ]);
      return {
        data: found.map((stored) => rowView(stored.data as StoredRow)),
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    /** Imports left applying by a process that died: the transaction rolled back, so nothing was changed. */
    async sweep(olderThanMs: number) {
      await records().updateMany({
        where: { state: 'applying', heartbeatAt: { $lt: new Date(Date.now() - olderThanMs) } },
        data: {
          state: 'failed',
          error:
            'Quá trình áp dụng bị gián đoạn (máy chủ đã dừng); không thủ tục nào bị thay đổi. Hãy tải tệp lên lại.',
        },
      });
    },
  };
};

export default imports;

import type { ChangeMode, ImportStatus } from '#domain/procedure-import';
import type {
  AppliedCounts,
  ImportState,
  ImportSummary,
  ImportView,
  RowOutcome,
  RowView,
} from '#domain/import-views';
import type { ProcedureLevel } from '#domain/procedure-levels';
import { PLUGIN_ID } from '#procedure-import/permissions';
import { usePluginApi } from '#admin/shared/api-client';
import type { Pagination } from '#admin/shared/common';
import { fileNameOf, type Download } from '#admin/shared/files';

export type {
  AppliedCounts,
  ChangeMode,
  ImportState,
  ImportStatus,
  ImportSummary,
  ImportView,
  ProcedureLevel,
  RowOutcome,
  RowView,
};
export { problemOf } from '#admin/shared/api-problem';
export { saveFile } from '#admin/shared/files';

/** The preview table's filters, as the rows route takes them. */
export interface RowFilters {
  status?: ImportStatus;
  field?: string;
  level?: ProcedureLevel;
  agency?: string;
}

/** What the user chose to apply: the narrowing (filters, ticked rows), publishing, and each row's mode. */
export interface ApplyRequest {
  fields: string[];
  levels: ProcedureLevel[];
  agency?: string;
  codes?: string[];
  publish: boolean;
  modes: Record<string, ChangeMode>;
}

interface Page<T> {
  data: T[];
  meta: { pagination: Pagination };
}

/**
 * The query string, encoded here: the fetch client writes `params` objects unencoded, and a field name or an
 * agency may hold "&" or "#".
 */
const queryOf = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)])
  ).toString();

const BASE = `/${PLUGIN_ID}`;

/** The plugin's admin API, with the admin session and the UI language (for the server's messages). */
export function useApi() {
  return usePluginApi(({ get, post }, headers) => {
    const path = (id: string) => `${BASE}/imports/${encodeURIComponent(id)}`;

    return {
      listImports: async (page: number, pageSize: number) =>
        (await get<Page<ImportSummary>>(`${BASE}/imports`, { params: queryOf({ page, pageSize }), headers }))
          .data,

      /** Reads the file and previews it: 201 the import, or 400 with the file's refusal. */
      upload: async (file: File) => {
        const form = new FormData();
        form.append('file', file, file.name);
        return (await post<{ data: ImportView }>(`${BASE}/imports`, form, { headers })).data.data;
      },

      getImport: async (id: string) => (await get<{ data: ImportView }>(path(id), { headers })).data.data,

      listRows: async (id: string, filters: RowFilters, page: number, pageSize: number) =>
        (
          await get<Page<RowView>>(`${path(id)}/rows`, {
            params: queryOf({ ...filters, page, pageSize }),
            headers,
          })
        ).data,

      /** How many rows the filters match (one row fetched, its total read). */
      countRows: async (id: string, filters: RowFilters) =>
        (
          await get<Page<RowView>>(`${path(id)}/rows`, {
            params: queryOf({ ...filters, page: 1, pageSize: 1 }),
            headers,
          })
        ).data.meta.pagination.total,

      /** 202: the import is applying, in the background. */
      apply: async (id: string, request: ApplyRequest) =>
        (await post<{ data: ImportView }>(`${path(id)}/apply`, request, { headers })).data.data,

      downloadCatalogue: async (): Promise<Download> => {
        const response = await get<Blob>(`${BASE}/catalogue`, { headers, responseType: 'blob' });
        return { blob: response.data, fileName: fileNameOf(response.headers?.get('content-disposition')) };
      },
    };
  });
}

export type Api = ReturnType<typeof useApi>;

import type { Figures, Narrative, ReportHeading, ReportState } from '#annual-report/domain/figures';
import { PLUGIN_ID } from '#annual-report/permissions';
import { fileNameOf, type Download } from '#admin/shared/files';
import { usePluginApi } from '#admin/shared/api-client';

export type { Figures, Narrative, ReportState };

/* -------------------------------------------------------------------------------------------------
 * What the plugin's admin API returns
 * -----------------------------------------------------------------------------------------------*/

/** One line of the list of reports. */
export interface ReportRow extends ReportHeading {
  computedAt: string | null;
  issuedAt: string | null;
}

export interface Report extends ReportRow {
  snapshot: Figures | null;
  narrative: Narrative | null;
  number: string | null;
  /** One recipient a line. */
  recipients: string | null;
  issuedByName: string | null;
  createdByName?: string | null;
  version: number;
  /** What this user may do with the report (the server's answer). */
  actions?: { canEdit: boolean; canRecompute: boolean; canIssue: boolean; canExport: boolean };
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** A figure that changed on recomputation. */
export interface Change {
  path: string;
  before: unknown;
  after: unknown;
}

export type ExportFormat = 'docx' | 'xlsx' | 'csv';
export type ExportList = 'articles' | 'feedback';
export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id?: number | string;
  documentId?: string;
  format: ExportFormat;
  list?: ExportList | null;
  state: JobState;
  progress: number | null;
  fileName: string | null;
  size: number | string | null;
  error: string | null;
  requestedByName: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt?: string | null;
}

/** The id the job routes take. */
export const jobId = (job: Job) => String(job.documentId ?? job.id ?? '');

/** A row behind a figure: its fields vary by figure. */
export type FigureRow = Record<string, unknown>;

/* -------------------------------------------------------------------------------------------------
 * What it accepts
 * -----------------------------------------------------------------------------------------------*/

export interface NewDraft {
  year?: number;
  /** YYYY-MM-DD. */
  from?: string;
  to?: string;
  title?: string;
}

export interface NarrativeInput {
  narrative: Narrative;
  number?: string;
  recipients?: string;
  version: number;
}

export interface ExportRequest {
  format: ExportFormat;
  list?: ExportList;
}

/* -------------------------------------------------------------------------------------------------
 * Errors
 * -----------------------------------------------------------------------------------------------*/

export { isConflict, problemOf, type ApiProblem } from '#admin/shared/api-problem';

/* -------------------------------------------------------------------------------------------------
 * Calls
 * -----------------------------------------------------------------------------------------------*/

const BASE = `/${PLUGIN_ID}`;

export { saveFile, type Download } from '#admin/shared/files';

/** The plugin's admin API, with the admin session and the UI language (for the server's messages). */
export function useApi() {
  return usePluginApi(({ get, post, put }, headers) => {
    const path = (documentId: string) => `${BASE}/reports/${encodeURIComponent(documentId)}`;

    return {
      listReports: async (params: { page?: number; pageSize?: number }) =>
        (
          await get<{ results: ReportRow[]; pagination: Pagination }>(`${BASE}/reports`, {
            params: Object.fromEntries(
              Object.entries(params)
                .filter(([, value]) => value !== undefined)
                .map(([key, value]) => [key, String(value)])
            ),
            headers,
          })
        ).data,

      createDraft: async (data: NewDraft) =>
        (await post<{ data: Report }>(`${BASE}/reports`, { data }, { headers })).data.data,

      getReport: async (documentId: string) =>
        (await get<{ data: Report }>(path(documentId), { headers })).data.data,

      saveNarrative: async (documentId: string, input: NarrativeInput) =>
        (await put<{ data: Report }>(`${path(documentId)}/narrative`, input, { headers })).data.data,

      recompute: async (documentId: string, version: number) =>
        (
          await post<{ data: { report: Report; changes: Change[] } }>(
            `${path(documentId)}/recompute`,
            { version },
            { headers }
          )
        ).data.data,

      /**
       * The latest year that has data: the latest year of the plans (the oversight plugin's options, when this
       * user may read them); null otherwise.
       */
      latestDataYear: async (): Promise<number | null> => {
        try {
          const years = (await get<{ data: { years?: unknown } }>('/oversight/options', { headers })).data
            .data?.years;
          const numbers = Array.isArray(years)
            ? years.filter((year): year is number => Number.isInteger(year))
            : [];
          return numbers.length ? Math.max(...numbers) : null;
        } catch {
          return null;
        }
      },

      issue: async (documentId: string, input: { version: number; number: string }) =>
        (await post<{ data: Report }>(`${path(documentId)}/issue`, input, { headers })).data.data,

      listRows: async (documentId: string, params: { figure: string; key?: string; page?: number }) =>
        (
          await get<{ results: FigureRow[]; pagination: Pagination }>(`${path(documentId)}/rows`, {
            params: Object.fromEntries(
              Object.entries(params)
                .filter(([, value]) => value !== undefined && value !== '')
                .map(([key, value]) => [key, String(value)])
            ),
            headers,
          })
        ).data,

      listJobs: async (documentId: string) =>
        (await get<{ data: Job[] }>(`${path(documentId)}/exports`, { headers })).data.data,

      startExport: async (documentId: string, request: ExportRequest) =>
        (await post<{ data: Job }>(`${path(documentId)}/exports`, request, { headers })).data.data,

      getJob: async (id: string) =>
        (await get<{ data: Job }>(`${BASE}/exports/${encodeURIComponent(id)}`, { headers })).data.data,

      downloadJob: async (id: string): Promise<Download> => {
        const response = await get<Blob>(`${BASE}/exports/${encodeURIComponent(id)}/download`, {
          headers,
          responseType: 'blob',
        });
        return {
          blob: response.data,
          fileName: fileNameOf(response.headers?.get('content-disposition')),
        };
      },
    };
  });
}

export type Api = ReturnType<typeof useApi>;

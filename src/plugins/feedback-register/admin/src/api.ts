import { PLUGIN_ID } from '#feedback-register/permissions';
import type { FeedbackState, HistoryAction, RegisteredChannel, Requirement } from './labels';
import { fileNameOf, type Download } from '#admin/shared/files';
import { usePluginApi } from '#admin/shared/api-client';

/* -------------------------------------------------------------------------------------------------
 * What the plugin's admin API returns
 * -----------------------------------------------------------------------------------------------*/

export interface Unit {
  id: number;
  documentId: string;
  code: string;
  name: string;
}

export interface Kind {
  value: string;
  label: { vi: string; en: string };
}

export interface Options {
  access: { canHandle: boolean; canAnswer: boolean; readAll: boolean };
  units: Unit[];
  kinds: Kind[];
  states: string[];
  channels: string[];
}

/** One line of the register. */
export interface FeedbackRow {
  documentId: string;
  subject: string;
  kind: string;
  channel: string;
  state: FeedbackState;
  /** ISO date-time. */
  receivedAt: string;
  handlingUnit: { id: number; code: string; name: string } | null;
  procedure: { documentId: string; nationalCode: string; name: string } | null;
  /** YYYY-MM-DD: the due date of the step the feedback waits for now. */
  currentDueDate: string | null;
  /** Working days left until currentDueDate; negative when overdue. */
  daysLeft: number | null;
  overdue: boolean;
  onTime: boolean | null;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface AllowedTransition {
  to: FeedbackState;
  needs: Requirement[];
  /** What the move may also correct (classification: kind, procedure, channel). */
  corrects: ('kind' | 'procedure' | 'channel')[];
}

/** A procedure as the public search returns it (what the classification dialog offers). */
export interface ProcedureRef {
  documentId: string;
  nationalCode: string;
  name: string;
}

export interface Attachment {
  documentId: string;
  originalName: string;
  mime: string;
  size: number;
}

export interface Submitter {
  fullName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface Feedback extends FeedbackRow {
  content: string;
  language: string | null;
  answer: string | null;
  answeredAt: string | null;
  notAcceptedReason: string | null;
  receivingAgency: string | null;
  transferLetterNumber: string | null;
  classificationDueDate: string | null;
  transferDueDate: string | null;
  dueDate: string | null;
  unitDueDate: string | null;
  publicationDueDate: string | null;
  publicSubject: string | null;
  publicContent: string | null;
  publicAnswer: string | null;
  answerPublished: boolean;
  publicationOnTime: boolean | null;
  closedAt: string | null;
  version: number;
  consent: { publishAnswer: boolean } | null;
  /** Null when the user's role may not see personal data. */
  submitter: Submitter | null;
  attachments: Attachment[];
  allowedTransitions: AllowedTransition[];
  canEditAnswer: boolean;
}

export interface PublicationPreview {
  publicSubject: string;
  publicContent: string;
  publicAnswer: string;
}

export interface HistoryEntry {
  id?: number;
  action: HistoryAction;
  fromState: FeedbackState | null;
  toState: FeedbackState | null;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

/* -------------------------------------------------------------------------------------------------
 * What it accepts
 * -----------------------------------------------------------------------------------------------*/

export interface ListFilters {
  state?: string;
  kind?: string;
  /** A unit's id. */
  unit?: string;
  /** A procedure's documentId. */
  procedure?: string;
  /** YYYY-MM-DD. */
  receivedFrom?: string;
  receivedTo?: string;
  overdue?: boolean;
  q?: string;
}

/** A page of the register: its filters, `sort` (`dueDate:asc`, server-side whitelist), page and size. */
export type ListQuery = ListFilters & { sort?: string; page?: number; pageSize?: number };

export interface Registration {
  channel: RegisteredChannel;
  /** ISO date-time. */
  receivedAt: string;
  fullName: string;
  address: string;
  phone?: string;
  email?: string;
  kind: string;
  subject: string;
  content: string;
  procedure?: string;
  consent: { publishAnswer: boolean };
}

export interface TransitionInput {
  reason?: string;
  receivingAgency?: string;
  letterNumber?: string;
  unit?: number;
  unitDueDate?: string;
  answer?: string;
  comment?: string;
  publicSubject?: string;
  publicContent?: string;
  publicAnswer?: string;
  /** Corrections when classifying: only those that change; a procedure of null unlinks it. */
  kind?: string;
  channel?: string;
  procedure?: string | null;
}

export interface TransitionRequest extends TransitionInput {
  to: FeedbackState;
  version: number;
}

/* -------------------------------------------------------------------------------------------------
 * Errors
 * -----------------------------------------------------------------------------------------------*/

export { isConflict, problemOf, type ApiProblem } from '#admin/shared/api-problem';

/* -------------------------------------------------------------------------------------------------
 * Calls
 * -----------------------------------------------------------------------------------------------*/

const BASE = `/${PLUGIN_ID}`;

/** The filters as query parameters: only those set (the server refuses unknown and empty ones). */
export const filterParams = (filters: ListQuery) =>
  Object.fromEntries(
    Object.entries({ ...filters, overdue: filters.overdue ? 'true' : undefined })
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)])
  );

export { saveFile, type Download } from '#admin/shared/files';

/** The plugin's admin API, with the admin session and the UI language (for the server's messages). */
export function useApi() {
  return usePluginApi(({ get, post, put }, headers) => {
    const path = (documentId: string) => `${BASE}/feedbacks/${encodeURIComponent(documentId)}`;

    const download = async (url: string, params?: Record<string, string>): Promise<Download> => {
      const response = await get<Blob>(url, { params, headers, responseType: 'blob' });
      return { blob: response.data, fileName: fileNameOf(response.headers?.get('content-disposition')) };
    };

    return {
      getOptions: async () => (await get<{ data: Options }>(`${BASE}/options`, { headers })).data.data,

      listFeedbacks: async (filters: ListQuery) =>
        (
          await get<{ results: FeedbackRow[]; pagination: Pagination }>(`${BASE}/feedbacks`, {
            params: filterParams(filters),
            headers,
          })
        ).data,

      exportCsv: (filters: ListFilters) => download(`${BASE}/feedbacks/export.csv`, filterParams(filters)),

      register: async (data: Registration) =>
        (
          await post<{ data: { documentId: string; trackingCode: string } }>(
            `${BASE}/feedbacks`,
            { data },
            { headers }
          )
        ).data.data,

      getFeedback: async (documentId: string) =>
        (await get<{ data: Feedback }>(path(documentId), { headers })).data.data,

      saveAnswer: async (documentId: string, answer: string, version: number) =>
        (await put<{ data: Feedback }>(`${path(documentId)}/answer`, { answer, version }, { headers })).data
          .data,

      transition: async (documentId: string, request: TransitionRequest) =>
        (await post<{ data: Feedback }>(`${path(documentId)}/transitions`, request, { headers })).data.data,

      getPublicationPreview: async (documentId: string) =>
        (await get<{ data: PublicationPreview }>(`${path(documentId)}/publication-preview`, { headers })).data
          .data,

      getHistory: async (documentId: string) =>
        (await get<{ data: HistoryEntry[] }>(`${path(documentId)}/history`, { headers })).data.data,

      /** Published procedures matching the words (the public search, accent-insensitive): at most 20. */
      // A public route: asked without the admin token, which the Content API would take for a bad user token.
      searchProcedures: async (q: string, signal?: AbortSignal): Promise<ProcedureRef[]> => {
        // No words: the first procedures (an empty `q` would be refused).
        const params = new URLSearchParams({ ...(q ? { q } : {}), pageSize: '20', locale: 'vi' });
        const backend = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
        const response = await fetch(`${backend}/api/procedures/search?${params}`, { headers, signal });
        if (!response.ok) throw new Error(`procedure search: ${response.status}`);
        const { data } = (await response.json()) as { data: ProcedureRef[] };
        return data.map(({ documentId, nationalCode, name }) => ({ documentId, nationalCode, name }));
      },

      downloadAttachment: (documentId: string) =>
        download(`${BASE}/attachments/${encodeURIComponent(documentId)}/download`),
    };
  });
}

export type Api = ReturnType<typeof useApi>;

/** Dates without a time (YYYY-MM-DD) are calendar days: format them in UTC so they never shift. */

/** The label of a kind in the UI's language. */
export const kindLabel = (kinds: Kind[], value: string, locale: string) => {
  const kind = kinds.find((k) => k.value === value);
  if (!kind) return value;
  return locale.startsWith('en') ? kind.label.en || kind.label.vi : kind.label.vi || kind.label.en;
};

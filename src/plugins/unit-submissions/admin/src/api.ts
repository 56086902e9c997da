import { FetchError, useAuth } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '#unit-submissions/permissions';
import { fileNameOf, type Download } from '#admin/shared/files';
import type { Channel, HistoryAction, SubmissionKind, SubmissionState } from './labels';
import { usePluginApi } from '#admin/shared/api-client';

/* -------------------------------------------------------------------------------------------------
 * What the plugin's admin API returns
 * -----------------------------------------------------------------------------------------------*/

export interface Person {
  id?: number;
  firstname: string | null;
  lastname: string | null;
  email: string;
}

export interface SubmissionSummary {
  id: number;
  documentId: string;
  title: string;
  kind: SubmissionKind;
  state: SubmissionState;
  dueDate: string | null;
  updatedAt: string;
  unit: { id: number; name: string } | null;
  planTask: { documentId?: string; code: string; content: string } | null;
  assignee: Person | null;
  /** What a move sends back (bulk approval passes it, so a row changed meanwhile is refused). */
  version: number;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/** A private file of the submission; `mediaFileId` once the published article carries a library copy. */
export interface Attachment {
  id: number;
  documentId: string;
  originalName: string | null;
  kind: string;
  mime: string;
  size: number;
  mediaFileId: number | null;
  createdAt: string;
}

export interface AllowedTransition {
  to: SubmissionState;
  needsComment: boolean;
  needsAssignee: boolean;
}

export interface Submission extends SubmissionSummary {
  body: string | null;
  proposedChannel: Channel | null;
  desiredPublicationDate: string | null;
  submittedAt: string | null;
  createdAt: string;
  publicUrl: string | null;
  version: number;
  unit: { id: number; documentId?: string; name: string } | null;
  attachments: Attachment[];
  article: { documentId: string; title: string; publishedAt: string | null } | null;
  allowedTransitions: AllowedTransition[];
  canEdit: boolean;
  canComment: boolean;
  /** Approved, with an article this user may publish from here. */
  canPublishArticle: boolean;
}

export interface Comment {
  id: number;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface HistoryEntry {
  id?: number;
  action: HistoryAction;
  fromState: SubmissionState | null;
  toState: SubmissionState | null;
  actorName: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

export interface Options {
  units: { id: number; documentId: string; name: string; code: string }[];
  planTasks: { documentId: string; code: string; content: string; plan: { year: number } | null }[];
  reviewers: (Person & { id: number })[];
  attachmentLimits: {
    maxFiles: number;
    maxFileBytes: number;
    acceptedTypes: { mime: string; extension: string }[];
  };
  access: { canSubmit: boolean; canReview: boolean; readAll: boolean };
}

export interface ArticleSubmission {
  documentId: string;
  title: string;
  state: SubmissionState;
  unit: { name: string } | null;
}

export interface MemberUser extends Person {
  id: number;
  isActive: boolean;
  roles: { name: string; code: string }[];
  unitIds: number[];
}

export interface Memberships {
  users: MemberUser[];
  units: { id: number; name: string; code: string }[];
}

/* -------------------------------------------------------------------------------------------------
 * What it accepts
 * -----------------------------------------------------------------------------------------------*/

export interface ListFilters {
  unit?: string;
  state?: string;
  planTask?: string;
  assignee?: string;
  queue?: boolean;
  /** Words that must start words of the title or body. */
  q?: string;
  /** `title:asc`, … (domain/list-query.ts SORT_KEYS). */
  sort?: string;
  page?: number;
  pageSize?: number;
}

export type BulkMove = 'claim' | 'approve';

/** One item of a bulk move: moved, or why not (Strapi's error). */
export type BulkResult =
  | { documentId: string; ok: true; state: SubmissionState }
  | { documentId: string; ok: false; error: { status: number; name: string; message: string } };

export interface SubmissionData {
  title?: string;
  kind?: SubmissionKind;
  body?: string | null;
  unit?: number;
  planTask?: string | null;
  proposedChannel?: Channel;
  desiredPublicationDate?: string | null;
}

export interface TransitionRequest {
  to: SubmissionState;
  version: number;
  comment?: string;
  assignee?: number;
}

/* -------------------------------------------------------------------------------------------------
 * Errors
 * -----------------------------------------------------------------------------------------------*/

export { isConflict, problemOf, type ApiProblem } from '#admin/shared/api-problem';
export { saveFile, type Download } from '#admin/shared/files';

/* -------------------------------------------------------------------------------------------------
 * Calls
 * -----------------------------------------------------------------------------------------------*/

const BASE = `/${PLUGIN_ID}`;

const definedParams = (filters: ListFilters) =>
  Object.fromEntries(
    Object.entries({ ...filters, queue: filters.queue ? 'true' : undefined }).filter(
      ([, value]) => value !== undefined && value !== ''
    )
  );

/** The plugin's admin API, with the admin session and the UI language (for the server's messages). */
export function useApi() {
  const token = useAuth('UnitSubmissionsApi', (auth) => auth.token);

  return usePluginApi(({ get, post, put, del }, headers) => {
    const path = (documentId: string) => `${BASE}/submissions/${encodeURIComponent(documentId)}`;

    return {
      listSubmissions: async (filters: ListFilters) =>
        (
          await get<{ results: SubmissionSummary[]; pagination: Pagination }>(`${BASE}/submissions`, {
            params: definedParams(filters),
            headers,
          })
        ).data,

      getSubmission: async (documentId: string) =>
        (await get<{ data: Submission }>(path(documentId), { headers })).data.data,

      createSubmission: async (data: SubmissionData) =>
        (await post<{ data: Submission }>(`${BASE}/submissions`, { data }, { headers })).data.data,

      updateSubmission: async (documentId: string, version: number, data: SubmissionData) =>
        (await put<{ data: Submission }>(path(documentId), { version, data }, { headers })).data.data,

      transition: async (documentId: string, request: TransitionRequest) =>
        (await post<{ data: Submission }>(`${path(documentId)}/transitions`, request, { headers })).data.data,

      bulkTransition: async (move: BulkMove, ids: string[], versions: Record<string, number>) =>
        (
          await post<{ data: BulkResult[] }>(
            `${BASE}/submissions/bulk-transitions`,
            { move, ids, versions },
            { headers }
          )
        ).data.data,

      publishArticle: async (documentId: string) =>
        (await post<{ data: Submission }>(`${path(documentId)}/publish-article`, {}, { headers })).data.data,

      getComments: async (documentId: string) =>
        (await get<{ data: Comment[] }>(`${path(documentId)}/comments`, { headers })).data.data,

      addComment: async (documentId: string, body: string) =>
        (await post<{ data: Comment[] }>(`${path(documentId)}/comments`, { body }, { headers })).data.data,

      getHistory: async (documentId: string) =>
        (await get<{ data: HistoryEntry[] }>(`${path(documentId)}/history`, { headers })).data.data,

      getOptions: async () => (await get<{ data: Options }>(`${BASE}/options`, { headers })).data.data,

      getArticleSubmission: async (articleDocumentId: string) =>
        (
          await get<{ data: ArticleSubmission | null }>(
            `${BASE}/articles/${encodeURIComponent(articleDocumentId)}/submission`,
            { headers }
          )
        ).data.data,

      getMemberships: async () =>
        (await get<{ data: Memberships }>(`${BASE}/memberships`, { headers })).data.data,

      setMemberships: async (userId: number, unitIds: number[]) =>
        (
          await put<{ data: { userId: number; unitIds: number[] } }>(
            `${BASE}/memberships/${userId}`,
            { unitIds },
            { headers }
          )
        ).data.data,

      /**
       * Uploads files to the submission's private attachments, reporting progress (0–100). The fetch client
       * cannot report upload progress, hence XMLHttpRequest; errors come back as the fetch client's FetchError.
       */
      uploadAttachments: (documentId: string, files: File[], onProgress: (percent: number) => void) =>
        new Promise<Attachment[]>((resolve, reject) => {
          const form = new FormData();
          files.forEach((file) => form.append('files', file));
          const xhr = new XMLHttpRequest();
          xhr.open('POST', fileUrl(`${path(documentId)}/attachments`));
          if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
          xhr.setRequestHeader('Accept-Language', headers['Accept-Language']);
          xhr.upload.onprogress = (event) => {
            if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
          };
          xhr.onerror = () => reject(new Error(xhr.statusText || 'Network error'));
          xhr.onload = () => {
            let body: { data?: Attachment[]; error?: { message?: string; status?: number } } = {};
            try {
              body = JSON.parse(xhr.responseText);
            } catch {
              // Not JSON (a proxy's error page): the status says enough.
            }
            if (xhr.status === 201 && body.data) return resolve(body.data);
            const error = { status: xhr.status, message: xhr.statusText, ...body.error };
            reject(new FetchError(error.message || `HTTP ${xhr.status}`, { data: { error } as never }));
          };
          xhr.send(form);
        }),

      downloadAttachment: async (documentId: string, attachmentId: string): Promise<Download> => {
        const response = await get<Blob>(
          `${path(documentId)}/attachments/${encodeURIComponent(attachmentId)}`,
          { headers, responseType: 'blob' }
        );
        return { blob: response.data, fileName: fileNameOf(response.headers?.get('content-disposition')) };
      },

      deleteAttachment: async (documentId: string, attachmentId: string) =>
        (
          await del<{ data: Attachment[] }>(
            `${path(documentId)}/attachments/${encodeURIComponent(attachmentId)}`,
            { headers }
          )
        ).data.data,
    };
  }, token);
}

export type Api = ReturnType<typeof useApi>;

/** Uploaded files (and the public URL the server records) are served by Strapi; relative URLs are relative to it. */
export const fileUrl = (url: string) => {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  const backend = (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  return `${backend}${url}`;
};

/** Dates without a time (YYYY-MM-DD) are calendar days: format them in UTC so they never shift. */

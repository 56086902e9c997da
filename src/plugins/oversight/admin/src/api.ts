import { PLUGIN_ID } from '#oversight/permissions';
import type { TaskLinks } from '#oversight/services/tasks';
import type { ArticleChannel, ArticleKind, DifficultyState, SubmissionState, TaskStatus } from './labels';
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

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface Access {
  canDashboard: boolean;
  canManage: boolean;
  canUnit: boolean;
  canEscalations: boolean;
}

export interface Options {
  access: Access;
  units: Unit[];
  years: number[];
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface Paginated<T> {
  results: T[];
  pagination: Pagination;
}

export interface DashboardFigures {
  tasks: { total: number; done: number; inProgress: number; overdue: number };
  submissions: { total: number; byState: Partial<Record<SubmissionState, number>> };
  articles: {
    published: number;
    target: number;
    byKind: Partial<Record<ArticleKind, number>>;
    byChannel: Partial<Record<ArticleChannel, number>>;
  };
  feedback: { assigned: number; answered: number; answeredOnTime: number; overdue: number };
  /** ISO date-time. */
  lastReminderAt: string | null;
  openDifficulties: number;
}

export interface DashboardRow extends DashboardFigures {
  unit: UnitRef;
}

export interface Dashboard {
  year: number;
  today: string;
  plan: { documentId: string; title: string; number?: string | null; symbol?: string | null } | null;
  units: DashboardRow[];
  totals: Partial<DashboardFigures> | null;
  charts: {
    progressByUnit: {
      unitId: number;
      code: string;
      name: string;
      published: number;
      target: number;
      percent: number | null;
    }[];
    publicationsByMonth: { month: string; count: number }[];
    feedbackOnTime: {
      unitId: number;
      code: string;
      name: string;
      answered: number;
      onTime: number;
      rate: number | null;
    }[];
  };
}

export interface LastReport {
  status: 'in_progress' | 'done';
  reportedAt: string;
  results: string;
  reportedByName: string;
}

/** What is linked to a task (the total, and the latest few of each), as the server lists it. */
export type { LinkedArticle, LinkedSubmission, TaskLinks } from '#oversight/services/tasks';

export interface TaskRow {
  documentId: string;
  code: string | null;
  content: string;
  form?: string | null;
  channel?: string | null;
  targetCount: number | null;
  dueDate: string | null;
  status: TaskStatus;
  publishedArticles?: number;
  submissions?: number;
  lastReport: LastReport | null;
  openDifficulties?: number;
  unit?: UnitRef | null;
  linked?: TaskLinks;
}

export interface TaskRef {
  documentId: string;
  code?: string | null;
  content?: string | null;
}

export interface SubmissionRow {
  documentId: string;
  title: string;
  kind: string;
  state: SubmissionState;
  submittedAt: string | null;
  dueDate: string | null;
  planTask: TaskRef | null;
}

export interface ArticleRow {
  documentId: string;
  title: string;
  kind: ArticleKind;
  channel: ArticleChannel;
  publishedAt: string | null;
  planTask: TaskRef | null;
}

export interface FeedbackRow {
  documentId: string;
  subject: string;
  kind: string;
  state: string;
  receivedAt: string | null;
  dueDate: string | null;
  answeredAt: string | null;
  onTime: boolean | null;
  overdue?: boolean;
}

export interface ReminderItem {
  type: 'task' | 'feedback';
  documentId: string;
  code?: string | null;
  title?: string | null;
  dueDate?: string | null;
}

/** A unit's overdue item, which the Office's reminder preselects. */
export interface OverdueItem {
  type: 'task' | 'feedback';
  documentId: string;
  code?: string | null;
  title: string;
  dueDate: string | null;
  lateDays: number;
  lateDaysKind: 'calendar' | 'working';
  /** Already in a reminder today: it cannot be reminded again until tomorrow. */
  remindedToday: boolean;
}

export interface Overdue {
  unit: UnitRef;
  today: string;
  items: OverdueItem[];
}

export interface Reminder {
  documentId: string;
  unit: UnitRef | null;
  kind: 'manual' | 'scheduled';
  message: string | null;
  items: ReminderItem[] | null;
  sentByName: string;
  sentAt: string;
  recipientCount: number | null;
}

export interface Check {
  documentId: string;
  unit: UnitRef | null;
  date: string;
  findings: string;
  followUps: string | null;
  inspectorName?: string | null;
  createdAt?: string;
}

export interface DifficultyTransition {
  to: DifficultyState;
  needs: string[];
}

export interface Difficulty {
  documentId: string;
  unit: UnitRef | null;
  planTask?: TaskRef | string | null;
  what: string;
  impact: string | null;
  proposal: string | null;
  state: DifficultyState;
  resolution: string | null;
  directorAnswer: string | null;
  reportedByName: string | null;
  reportedAt: string | null;
  resolvedAt: string | null;
  escalatedAt: string | null;
  answeredAt: string | null;
  version: number;
  /** The moves this user may make now, from the server (domain/difficulty-workflow.ts). */
  allowedTransitions: DifficultyTransition[];
  note?: string | null;
  escalationNote?: string | null;
}

export interface TaskReport {
  documentId: string;
  planTask?: TaskRef | string | null;
  status: 'in_progress' | 'done';
  results: string;
  outputCount?: number | null;
  reportedByName: string;
  reportedAt: string;
}

export interface MyData {
  units: UnitRef[];
  tasks: TaskRow[];
  reminders: Reminder[];
  difficulties: Difficulty[];
}

/* -------------------------------------------------------------------------------------------------
 * What it accepts
 * -----------------------------------------------------------------------------------------------*/

export interface ReminderInput {
  unit: number;
  message: string;
  items: { type: 'task' | 'feedback'; documentId: string }[];
}

export interface CheckInput {
  unit: number;
  date: string;
  findings: string;
  followUps?: string;
}

export interface DifficultyInput {
  unit: number;
  planTask?: string;
  what: string;
  impact?: string;
  proposal?: string;
}

export interface TaskReportInput {
  planTask: string;
  status: 'in_progress' | 'done';
  results: string;
  /** Without links: the count typed. With links, it is derived by the server and must not be sent. */
  outputCount?: number;
  articles?: string[];
  submissions?: string[];
  extraOutputCount?: number;
}

export interface DifficultyTransitionRequest {
  to: DifficultyState;
  version: number;
  resolution?: string;
  answer?: string;
  note?: string;
}

export type DrillTab = 'tasks' | 'submissions' | 'articles' | 'feedback';

/* -------------------------------------------------------------------------------------------------
 * Errors
 * -----------------------------------------------------------------------------------------------*/

export { isConflict, problemOf, type ApiProblem } from '#admin/shared/api-problem';

/* -------------------------------------------------------------------------------------------------
 * Calls
 * -----------------------------------------------------------------------------------------------*/

const BASE = `/${PLUGIN_ID}`;

type Params = Record<string, string | number | boolean | undefined | null>;

/** Only the parameters set (the server refuses empty ones). */
export const paramsOf = (params: Params) =>
  Object.fromEntries(
    Object.entries(params)
      .filter(([, value]) => value !== undefined && value !== null && value !== '')
      .map(([key, value]) => [key, String(value)])
  );

/** The plugin's admin API, with the admin session and the UI language (for the server's messages). */
export function useApi() {
  return usePluginApi(({ get, post }, headers) => {
    const read = async <T>(url: string, params?: Params) =>
      (await get<T>(url, { params: params ? paramsOf(params) : undefined, headers })).data;
    const data = async <T>(url: string, params?: Params) => (await read<{ data: T }>(url, params)).data;
    const send = async <T>(url: string, body: unknown) =>
      (await post<{ data: T }>(url, body, { headers })).data.data;
    const unitPath = (unitId: number | string, what: string) =>
      `${BASE}/units/${encodeURIComponent(String(unitId))}/${what}`;

    return {
      getOptions: () => data<Options>(`${BASE}/options`),
      getDashboard: (year?: number) => data<Dashboard>(`${BASE}/dashboard`, { year }),

      listTasks: (unitId: number | string, params: Params) =>
        read<Paginated<TaskRow>>(unitPath(unitId, 'tasks'), params),
      listSubmissions: (unitId: number | string, params: Params) =>
        read<Paginated<SubmissionRow>>(unitPath(unitId, 'submissions'), params),
      listArticles: (unitId: number | string, params: Params) =>
        read<Paginated<ArticleRow>>(unitPath(unitId, 'articles'), params),
      listFeedback: (unitId: number | string, params: Params) =>
        read<Paginated<FeedbackRow>>(unitPath(unitId, 'feedback'), params),

      getOverdue: (unitId: number | string) => data<Overdue>(unitPath(unitId, 'overdue')),
      listReminders: (params: Params) => read<Paginated<Reminder>>(`${BASE}/reminders`, params),
      sendReminder: (input: ReminderInput) => send<Reminder>(`${BASE}/reminders`, { data: input }),

      listChecks: (params: Params) => read<Paginated<Check>>(`${BASE}/checks`, params),
      recordCheck: (input: CheckInput) => send<Check>(`${BASE}/checks`, { data: input }),

      listDifficulties: (params: Params) => read<Paginated<Difficulty>>(`${BASE}/difficulties`, params),
      getDifficulty: (documentId: string) =>
        data<Difficulty>(`${BASE}/difficulties/${encodeURIComponent(documentId)}`),
      reportDifficulty: (input: DifficultyInput) => send<Difficulty>(`${BASE}/difficulties`, { data: input }),
      transitionDifficulty: (documentId: string, request: DifficultyTransitionRequest) =>
        send<Difficulty>(`${BASE}/difficulties/${encodeURIComponent(documentId)}/transitions`, request),

      listTaskReports: (params: Params) => read<Paginated<TaskReport>>(`${BASE}/task-reports`, params),
      reportTask: (input: TaskReportInput) => send<TaskReport>(`${BASE}/task-reports`, { data: input }),

      getMy: () => data<MyData>(`${BASE}/my`),
    };
  });
}

export type Api = ReturnType<typeof useApi>;

/* -------------------------------------------------------------------------------------------------
 * Dates and links
 * -----------------------------------------------------------------------------------------------*/

export { dayOf } from '#admin/shared/common';

export const PLUGIN_PATH = `/plugins/${PLUGIN_ID}`;

/** The drill-down page of a unit, with a tab and its filter preselected. */
export const unitPath = (unitId: number | string, params: Params = {}) => {
  const query = new URLSearchParams(paramsOf(params)).toString();
  return `${PLUGIN_PATH}/units/${unitId}${query ? `?${query}` : ''}`;
};

export const submissionPath = (documentId: string) => `/plugins/unit-submissions/submissions/${documentId}`;
export const feedbackPath = (documentId: string) => `/plugins/feedback-register/feedbacks/${documentId}`;
/** The Content Manager's edit view of an article (Vietnamese is the source locale). */
export const articlePath = (documentId: string) =>
  `/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=vi`;

/** A plan task's reference, whatever shape the server gave it. */
export const taskRefOf = (task: TaskRef | string | null | undefined): TaskRef | null =>
  !task ? null : typeof task === 'string' ? { documentId: task } : task;

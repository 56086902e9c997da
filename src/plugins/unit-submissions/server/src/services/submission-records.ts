/**
 * What the submission services share (not a service): a stored submission as they read it, and who may see it
 * and act on it. The decisions are the core unit access's (src/domain/unit-access.ts) and the plugin's actions.
 */
import { mayActOnUnit, readableUnits, seesUnit, type AccessSpec, type UnitAccess } from '#domain/unit-access';
import { workflowRecords } from '#infra/workflow-records';
import type { Actor, SubmissionState } from '../domain/workflow';
import { ACTIONS, SUBMISSION_UID } from '../permissions';
import { ATTACHMENT_FIELDS } from './attachments';

/** Who is asking, and what they may do: their unit access and the plugin's rights, computed once per request. */
export interface Access extends UnitAccess {
  canSubmit: boolean;
  canReview: boolean;
  /** May publish articles (the Content Manager's permission), so publish one from its submission. */
  canPublishArticles: boolean;
}

export interface StoredSubmission {
  id: number;
  documentId: string;
  title: string;
  kind: string;
  body: string | null;
  state: SubmissionState;
  version: number;
  proposedChannel: string | null;
  desiredPublicationDate: string | null;
  dueDate: string | null;
  submittedAt: string | null;
  publicUrl: string | null;
  unit: { id: number; documentId: string; name: string; email: string | null } | null;
  planTask: { id: number; documentId: string; code: string; content: string } | null;
  assignee: { id: number; firstname: string | null; lastname: string | null; email: string } | null;
  article: { id: number; documentId: string; title: string; publishedAt: string | null } | null;
  attachments: {
    id: number;
    documentId: string;
    originalName: string | null;
    mime: string;
    size: number;
    mediaFileId: number | null;
  }[];
  createdAt: string;
  updatedAt: string;
}

export const ARTICLE_UID = 'api::article.article';
const CM_PUBLISH = 'plugin::content-manager.explorer.publish';

export const ACCESS: AccessSpec<'canSubmit' | 'canReview' | 'canPublishArticles'> = {
  readAll: [ACTIONS.readAll],
  can: {
    canSubmit: ACTIONS.submit,
    canReview: ACTIONS.review,
    canPublishArticles: [CM_PUBLISH, ARTICLE_UID],
  },
};

export const POPULATE = {
  unit: { select: ['id', 'documentId', 'name', 'email'] },
  planTask: { select: ['id', 'documentId', 'code', 'content'] },
  assignee: { select: ['id', 'firstname', 'lastname', 'email'] },
  article: { select: ['id', 'documentId', 'title', 'publishedAt'] },
  attachments: { select: ATTACHMENT_FIELDS, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
};

/** Submissions as the services read and write them: `submissionRecords(strapi).atVersion(access, …)`. */
export const submissionRecords = workflowRecords<StoredSubmission, Access>({
  uid: SUBMISSION_UID,
  populate: POPULATE,
  visible: (access, submission) => seesUnit(access, submission.unit?.id),
  subject: 'submission',
});

/** The submissions this user may see, as a where-clause: every unit's, or their own units'. */
export const visibleWhere = (access: Access): Record<string, unknown>[] => {
  const units = readableUnits(access);
  return units === 'all' ? [] : [{ unit: { id: { $in: units } } }];
};

/** The roles this user plays on this submission. */
export const actorsFor = (access: Access, submission: Pick<StoredSubmission, 'unit'>): Actor[] => [
  ...(mayActOnUnit(access, access.canSubmit, submission.unit?.id) ? (['unit'] as const) : []),
  ...(access.canReview ? (['it_center'] as const) : []),
];

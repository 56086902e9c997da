/**
 * What the register's services share (not a service): a stored feedback as they read it, and who may see it and
 * act on it. The decisions are the core unit access's (src/domain/unit-access.ts) and the plugin's actions.
 */
import type { Core } from '@strapi/strapi';
import type { DatedFeedback } from '#domain/feedback-deadlines';
import { localDate } from '#domain/working-days';
import { mayActOnUnit, seesUnit, type AccessSpec, type UnitAccess } from '#domain/unit-access';
import { organizationSettings } from '#infra/organization-settings';
import { workflowRecords } from '#infra/workflow-records';
import type { Submitter } from '../domain/redaction';
import type { Actor } from '../domain/workflow';
import { ACTIONS, FEEDBACK_UID } from '../permissions';

/** Who is asking, and what they may do: their unit access and the plugin's rights, computed once per request. */
export interface Access extends UnitAccess {
  canHandle: boolean;
  canAnswer: boolean;
}

export const ACCESS: AccessSpec<'canHandle' | 'canAnswer'> = {
  readAll: [ACTIONS.readAll],
  can: { canHandle: ACTIONS.handle, canAnswer: ACTIONS.answer },
};

export interface UnitRef {
  id: number;
  documentId: string;
  code: string;
  name: string;
  email?: string | null;
}

export interface StoredFeedback extends Omit<DatedFeedback, 'publishAnswer'>, Submitter {
  id: number;
  trackingCodeHash: string;
  documentId: string;
  subject: string;
  content: string;
  kind: string;
  channel: string;
  language: 'vi' | 'en';
  receivedAt: string;
  answer: string | null;
  answeredAt: string | null;
  notAcceptedReason: string | null;
  receivingAgency: string | null;
  transferLetterNumber: string | null;
  publicSubject: string | null;
  publicContent: string | null;
  publicAnswer: string | null;
  answerPublished: boolean;
  answerPublishedAt: string | null;
  onTime: boolean | null;
  publicationOnTime: boolean | null;
  closedAt: string | null;
  anonymizedAt: string | null;
  version: number;
  consent: { publishAnswer: boolean } | null;
  handlingUnit: UnitRef | null;
  procedure: { documentId: string; nationalCode: string; name: string } | null;
  attachments: { documentId: string; originalName: string | null; mime: string; size: number }[];
}

export const UNIT_FIELDS = ['id', 'documentId', 'code', 'name', 'email'];
export const POPULATE = {
  handlingUnit: { select: UNIT_FIELDS },
  procedure: { select: ['documentId', 'nationalCode', 'name'] },
  attachments: { select: ['documentId', 'originalName', 'mime', 'size'] },
  consent: { select: ['publishAnswer'] },
};

/** The feedback as the register's services read and write it: `feedbackRecords(strapi).seen(access, …)`. */
export const feedbackRecords = workflowRecords<StoredFeedback, Access>({
  uid: FEEDBACK_UID,
  populate: POPULATE,
  visible: (access, feedback) => seesUnit(access, feedback.handlingUnit?.id),
  subject: 'feedback',
});

/** Whether the user answers for the feedback's handling unit. */
export const answersFor = (access: Access, feedback: Pick<StoredFeedback, 'handlingUnit'>) =>
  mayActOnUnit(access, access.canAnswer, feedback.handlingUnit?.id);

/** Decree 13/2023: the submitter's data is for the Office and the unit handling the feedback. */
export const seesPersonalData = (access: Access, feedback: Pick<StoredFeedback, 'handlingUnit'>) =>
  access.canHandle || answersFor(access, feedback);

/** The roles this user plays on this feedback. */
export const actorsFor = (access: Access, feedback: Pick<StoredFeedback, 'handlingUnit'>): Actor[] => [
  ...(access.canHandle ? (['office'] as const) : []),
  ...(answersFor(access, feedback) ? (['unit'] as const) : []),
];

/** Today in the organization's time zone. */
export const today = async (strapi: Core.Strapi) => {
  const { timeZone } = await organizationSettings(strapi);
  return localDate(new Date(), timeZone);
};

/** A stored date as YYYY-MM-DD (drivers return strings or Date objects). */
export function isoDay(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

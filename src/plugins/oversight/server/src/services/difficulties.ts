/**
 * Difficulties (khó khăn, vướng mắc) and their workflow (domain/difficulty-workflow.ts): reported by a unit, or
 * recorded by the Office for it; resolved by the Office or escalated to the Director. A unit editor sees its
 * units' difficulties only; one of another unit answers as if it did not exist.
 */
import type { Core } from '@strapi/strapi';
import { fieldError, type Language } from '#domain/errors';
import { inUnit, mayActOnUnit } from '#domain/unit-access';
import { type WaitingItem } from '#domain/waiting';
import { enqueueMail } from '#infra/outbox';
import { versionedUpdate } from '#infra/versioned-update';
import { workflowRecords } from '#infra/workflow-records';
import { validationError } from '#utils/errors';
import {
  allowedDifficultyTransitions,
  decideDifficultyTransition,
  difficultyAudience,
  difficultyProblemMessage,
  type DifficultyActor,
  type DifficultyState,
} from '../domain/difficulty-workflow';
import { type DifficultyInput, type DifficultyTransitionBody, type ListQuery } from '../domain/records-input';
import { difficultyMail } from '../domain/reminders';
import { difficultyWaitingLines } from '../domain/waiting';
import { UIDS } from '../permissions';
import type { Access } from './access';
import { byTask, recordSupport, taskRef, UNIT_POPULATE, type Page } from './record-support';
import { isoInstant, unitView, type UnitRef } from './reminders';

export interface StoredDifficulty {
  id: number;
  documentId: string;
  unit: UnitRef | null;
  planTaskDocumentId: string | null;
  what: string;
  impact: string | null;
  proposal: string | null;
  state: DifficultyState;
  resolution: string | null;
  escalationNote: string | null;
  directorAnswer: string | null;
  reportedByName: string;
  reportedAt: string;
  resolvedAt: string | null;
  escalatedAt: string | null;
  answeredAt: string | null;
  version: number;
}

const actorsFor = (access: Access): DifficultyActor[] => [
  ...(access.canManage ? (['office'] as const) : []),
  ...(access.canEscalations ? (['director'] as const) : []),
];

/** Those who oversee see every difficulty; the Director by `escalations` alone, those that reached them. */
const seesAllDifficulties = (access: Access) =>
  access.isSuperAdmin || access.canDashboard || access.canManage;

const difficultyVisible = (access: Access, row: StoredDifficulty) =>
  seesAllDifficulties(access) ||
  (access.canEscalations && row.escalatedAt !== null) ||
  inUnit(access, row.unit?.id);

function difficultyWhere(access: Access, query: Pick<ListQuery, 'unit' | 'state'>) {
  const and: object[] = [];
  if (!seesAllDifficulties(access)) {
    const mine = { unit: { id: { $in: access.unitIds.length ? access.unitIds : [-1] } } };
    and.push(access.canEscalations ? { $or: [mine, { escalatedAt: { $notNull: true } }] } : mine);
  }
  if (query.unit) and.push({ unit: { id: query.unit } });
  if (query.state) and.push({ state: query.state });
  return and.length ? { $and: and } : {};
}

const difficultyRecords = workflowRecords<StoredDifficulty, Access>({
  uid: UIDS.difficulty,
  populate: UNIT_POPULATE,
  visible: difficultyVisible,
  subject: 'difficulty',
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const support = recordSupport(strapi);
  const records = difficultyRecords(strapi);

  /** Difficulties as the admin shows them, each with the moves this user may make now (the buttons). */
  async function views(access: Access, rows: StoredDifficulty[]) {
    const tasks = byTask(
      await support.taskRows([...new Set(rows.map((r) => r.planTaskDocumentId).filter(Boolean))] as string[])
    );
    return rows.map((row) => ({
      documentId: row.documentId,
      unit: unitView(row.unit),
      planTask: row.planTaskDocumentId ? taskRef(tasks.get(row.planTaskDocumentId)) : null,
      what: row.what,
      impact: row.impact,
      proposal: row.proposal,
      state: row.state,
      resolution: row.resolution,
      escalationNote: row.escalationNote,
      directorAnswer: row.directorAnswer,
      reportedByName: row.reportedByName,
      reportedAt: isoInstant(row.reportedAt),
      escalatedAt: isoInstant(row.escalatedAt),
      answeredAt: isoInstant(row.answeredAt),
      resolvedAt: isoInstant(row.resolvedAt),
      version: row.version,
      allowedTransitions: allowedDifficultyTransitions(row.state, actorsFor(access)).map((t) => ({
        to: t.to,
        needs: t.needs,
      })),
    }));
  }

  /** A task of the unit, or a field error: any locale row naming the unit makes it the unit's task. */
  async function taskOfUnit(documentId: string, unitId: number, language: Language) {
    const rows = await support.taskRows([documentId]);
    if (!rows.some((r) => r.unit?.id === unitId)) {
      throw validationError([
        fieldError(
          ['planTask'],
          'Nhiệm vụ không tồn tại hoặc không được giao cho đơn vị này.',
          'No such plan task of this unit.',
          language
        ),
      ]);
    }
    return byTask(rows).get(documentId)!;
  }

  /** The unit a difficulty is reported for: it must exist and be the reporter's (the Office's: any unit). */
  async function writableUnit(access: Access, unitId: number, language: Language) {
    const unit = await support.loadUnit(unitId);
    const mine = mayActOnUnit(access, access.canUnit || access.canManage, unitId, access.canManage);
    if (!unit || !mine) {
      throw validationError([
        fieldError(
          ['unit'],
          unit ? 'Bạn chỉ được báo cáo cho đơn vị của mình.' : 'Đơn vị không tồn tại.',
          unit ? 'You may only report for your own units.' : 'No such unit.',
          language
        ),
      ]);
    }
    return unit;
  }

  const service = {
    views,

    async create(access: Access, input: DifficultyInput, language: Language) {
      const unit = await writableUnit(access, input.unit, language);
      if (input.planTask) await taskOfUnit(input.planTask, unit.id, language);
      const office = await support.emails({ roles: { code: 'office' } });
      const documentId = await strapi.db.transaction(async ({ trx }) => {
        const row = (await strapi.db.query(UIDS.difficulty).create({
          data: {
            unit: unit.id,
            planTaskDocumentId: input.planTask,
            what: input.what,
            impact: input.impact,
            proposal: input.proposal,
            state: 'open',
            reportedById: access.user.id,
            reportedByName: access.user.name,
            reportedAt: new Date(),
            version: 0,
          },
        })) as { documentId: string };
        const mail = difficultyMail({
          event: 'reported',
          unitName: unit.name,
          what: input.what,
          actorName: access.user.name,
          text: [input.impact, input.proposal].filter(Boolean).join('\n\n') || null,
          link: support.link(`/difficulties/${row.documentId}`),
        });
        await enqueueMail(
          strapi,
          office.map((to) => ({ to, ...mail, topic: `oversight.difficulty:${row.documentId}` })),
          trx
        );
        return row.documentId;
      });
      return (await service.find(access, documentId))!;
    },

    /**
     * "Waiting for me": how many difficulties wait for this user's next move (domain/waiting.ts), among those the
     * difficulties list shows them; counted in SQL.
     */
    async waiting(access: Access): Promise<WaitingItem[]> {
      const lines = difficultyWaitingLines({
        canManage: access.canManage,
        canEscalations: access.canEscalations,
      });
      return Promise.all(
        lines.map(async (line) => ({
          key: line.key,
          count: await strapi.db
            .query(UIDS.difficulty)
            .count({ where: difficultyWhere(access, { state: line.state }) }),
        }))
      );
    },

    async list(access: Access, query: ListQuery) {
      const page = (await strapi.db.query(UIDS.difficulty).findPage({
        where: difficultyWhere(access, query),
        populate: UNIT_POPULATE,
        orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
      })) as Page<StoredDifficulty>;
      return { results: await views(access, page.results), pagination: page.pagination };
    },

    async find(access: Access, documentId: string) {
      const row = await records.seen(access, documentId);
      if (!row) return null;
      const [detail] = await views(access, [row]);
      return detail;
    },

    /**
     * One move of a difficulty. The state and version change in one conditional UPDATE, so of two people acting
     * at once exactly one succeeds and the other gets a ConflictError (409).
     */
    async transition(access: Access, documentId: string, body: DifficultyTransitionBody, language: Language) {
      const row = await records.atVersion(access, documentId, body.version);
      if (!row) return null;
      const decision = decideDifficultyTransition({
        from: row.state,
        to: body.to,
        actors: actorsFor(access),
        input: { resolution: body.resolution, answer: body.answer },
      });
      if (!decision.ok) {
        const message = difficultyProblemMessage(decision.problem);
        throw validationError([fieldError([decision.problem.field], message.vi, message.en, language)]);
      }
      const to = decision.transition.to;
      const now = new Date();
      const changes: Record<string, unknown> = {};
      if (to === 'resolved') Object.assign(changes, { resolution: body.resolution, resolvedAt: now });
      if (to === 'escalated') Object.assign(changes, { escalationNote: body.note, escalatedAt: now });
      if (to === 'answered') Object.assign(changes, { directorAnswer: body.answer, answeredAt: now });

      const audience = difficultyAudience(to);
      const recipients =
        audience === 'director'
          ? await support.emails({ roles: { code: 'director' } })
          : audience === 'unit' && row.unit
            ? await support.unitRecipients(row.unit)
            : [];
      await strapi.db.transaction(async ({ trx }) => {
        await versionedUpdate(strapi, UIDS.difficulty, {
          where: { documentId, state: row.state },
          version: body.version,
          data: { ...changes, state: to },
          subject: 'difficulty',
        });
        if (audience) {
          const mail = difficultyMail({
            event: to as 'escalated' | 'answered' | 'resolved',
            unitName: row.unit?.name ?? '',
            what: row.what,
            actorName: access.user.name,
            text: (to === 'resolved' ? body.resolution : to === 'answered' ? body.answer : body.note) ?? null,
            link: support.link(audience === 'unit' ? '/my' : `/difficulties/${documentId}`),
          });
          await enqueueMail(
            strapi,
            recipients.map((address) => ({
              to: address,
              ...mail,
              topic: `oversight.difficulty.${to}:${documentId}`,
            })),
            trx
          );
        }
      });
      return service.find(access, documentId);
    },
  };
  return service;
};

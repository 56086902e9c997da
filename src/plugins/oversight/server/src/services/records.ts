/**
 * The Office's records of its oversight and the units' own: checks (inspections), difficulties with their workflow
 * (domain/difficulty-workflow.ts), and task reports. Unit editors see and write only their units' records; a record
 * of another unit answers as if it did not exist.
 */
import type { Core } from '@strapi/strapi';
import { fieldError, type Language } from '#domain/errors';
import { type WaitingItem } from '#domain/waiting';
import { localDate } from '#domain/working-days';
import { enqueueMail } from '#infra/outbox';
import { organizationSettings } from '#infra/organization-settings';
import { validationError } from '#utils/errors';
import {
  allowedDifficultyTransitions,
  decideDifficultyTransition,
  difficultyAudience,
  difficultyProblemMessage,
  PENDING_STATES,
  type DifficultyActor,
  type DifficultyState,
} from '../domain/difficulty-workflow';
import {
  visibleUnitIds,
  type DifficultyInput,
  type DifficultyTransitionBody,
  type InspectionInput,
  type ListQuery,
  type TaskReportInput,
} from '../domain/records-input';
import { difficultyMail } from '../domain/reminders';
import { difficultyWaitingLines } from '../domain/waiting';
import { checkOutputLinks, derivedOutputCount, type ReportedOutput } from '../domain/task-outputs';
import { taskStatus } from '../domain/task-status';
import { PLUGIN_ID, UIDS } from '../permissions';
import type { Access } from './access';
import { isoDay, isoInstant, unitView, type UnitRef } from './reminders';
type TasksService = ReturnType<typeof import('./tasks').default>;

const UNIT = 'api::unit.unit';
const TASK = 'api::plan-task.plan-task';
const UNIT_POPULATE = { unit: { select: ['id', 'code', 'name', 'email'] } };

export class ConflictError extends Error {
  constructor() {
    super('The difficulty was changed by someone else: reload it and try again.');
    this.name = 'ConflictError';
  }
}

interface TaskRow {
  documentId: string;
  code: string;
  content: string;
  dueDate: string | null;
  targetCount: number | null;
  locale: string;
  unit: { id: number } | null;
}

interface StoredDifficulty {
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

type Page<T> = { results: T[]; pagination: object };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const accessService = () => strapi.plugin(PLUGIN_ID).service('access');
  const memberships = () => strapi.plugin('unit-submissions').service('memberships');
  const tasksService = () => strapi.plugin(PLUGIN_ID).service('tasks') as TasksService;
  const readable = (access: Access): number[] | 'all' => accessService().readableUnits(access);
  const canSeeUnit = (access: Access, unitId: number | undefined | null) => {
    const units = readable(access);
    return units === 'all' || (unitId != null && units.includes(unitId));
  };
  const unitWhere = (ids: number[] | 'all') =>
    ids === 'all' ? {} : { unit: { id: { $in: ids.length ? ids : [-1] } } };

  const link = (path: string) => `${strapi.config.get('admin.absoluteUrl', '')}/plugins/${PLUGIN_ID}${path}`;

  const today = async () => {
    const { timeZone } = await organizationSettings(strapi);
    return localDate(new Date(), timeZone);
  };

  const loadUnit = async (id: number) =>
    (await strapi.db.query(UNIT).findOne({
      where: { id },
      select: ['id', 'code', 'name', 'email', 'active'],
    })) as UnitRef | null;

  /** Every locale row of these tasks (relations are per locale). */
  const taskRows = async (documentIds: string[]) =>
    documentIds.length
      ? ((await strapi.db.query(TASK).findMany({
          where: { documentId: { $in: documentIds } },
          select: ['documentId', 'code', 'content', 'dueDate', 'targetCount', 'locale'],
          populate: { unit: { select: ['id'] } },
        })) as TaskRow[])
      : [];

  /** The Vietnamese row of each task (another when it has none), by documentId. */
  const byTask = (rows: TaskRow[]) => {
    const map = new Map<string, TaskRow>();
    for (const row of rows) if (!map.has(row.documentId) || row.locale === 'vi') map.set(row.documentId, row);
    return map;
  };

  const taskRef = (row: TaskRow | undefined) =>
    row ? { documentId: row.documentId, code: row.code, content: row.content } : null;

  async function emails(where: object): Promise<string[]> {
    const users = (await strapi.db.query('admin::user').findMany({
      where: { isActive: true, ...where },
      select: ['email'],
    })) as { email: string }[];
    return [...new Set(users.map((u) => u.email))];
  }

  async function unitRecipients(unit: UnitRef): Promise<string[]> {
    const ids: number[] = await memberships().userIdsOf(unit.id);
    const members = ids.length ? await emails({ id: { $in: ids } }) : [];
    return [...new Set([...members, unit.email].filter(Boolean))] as string[];
  }

  // Difficulties

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
    (row.unit !== null && access.unitIds.includes(row.unit.id));

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

  async function difficultyViews(rows: StoredDifficulty[]) {
    const tasks = byTask(
      await taskRows([...new Set(rows.map((r) => r.planTaskDocumentId).filter(Boolean))] as string[])
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
    }));
  }

  const loadDifficulty = async (documentId: string) =>
    (await strapi.db.query(UIDS.difficulty).findOne({
      where: { documentId },
      populate: UNIT_POPULATE,
    })) as StoredDifficulty | null;

  /** A task of the unit, or a field error: any locale row naming the unit makes it the unit's task. */
  async function taskOfUnit(documentId: string, unitId: number, language: Language) {
    const rows = await taskRows([documentId]);
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

  /** The unit a unit editor (or the Office) writes for: it must exist and, for a unit editor, be theirs. */
  async function writableUnit(access: Access, unitId: number, language: Language) {
    const unit = await loadUnit(unitId);
    const mine = access.isSuperAdmin || access.canManage || access.unitIds.includes(unitId);
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

  /**
   * The outputs a report links, checked against the unit and the task (domain/task-outputs.ts), and the count they
   * make; null when the report links nothing and gives no extra count (the unit typed its count, if any).
   */
  async function linkedOutputs(input: TaskReportInput, unitId: number, language: Language) {
    const { links, extraOutputCount } = input;
    if (!links.articles.length && !links.submissions.length && extraOutputCount === null) return null;
    const facts = await tasksService().outputFacts(links);
    const checked = checkOutputLinks(links, facts, { unitId, taskDocumentId: input.planTask }, language);
    if (!checked.ok) throw validationError(checked.errors);
    return {
      items: checked.outputs,
      count: derivedOutputCount(links, facts.submissions, extraOutputCount ?? 0),
    };
  }

  const service = {
    // Inspections

    async createInspection(access: Access, input: InspectionInput, language: Language) {
      const unit = await loadUnit(input.unit);
      if (!unit) {
        throw validationError([fieldError(['unit'], 'Đơn vị không tồn tại.', 'No such unit.', language)]);
      }
      const row = await strapi.db.query(UIDS.inspection).create({
        data: {
          unit: unit.id,
          date: input.date,
          findings: input.findings,
          followUps: input.followUps,
          inspectorId: access.user.id,
          inspectorName: access.user.name,
        },
        populate: UNIT_POPULATE,
      });
      return inspectionView(row);
    },

    async listInspections(access: Access, query: ListQuery) {
      const page = (await strapi.db.query(UIDS.inspection).findPage({
        where: unitWhere(visibleUnitIds(readable(access), query.unit)),
        populate: UNIT_POPULATE,
        orderBy: [{ date: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
      })) as Page<Record<string, unknown>>;
      return { results: page.results.map(inspectionView), pagination: page.pagination };
    },

    // Difficulties

    async createDifficulty(access: Access, input: DifficultyInput, language: Language) {
      const unit = await writableUnit(access, input.unit, language);
      if (input.planTask) await taskOfUnit(input.planTask, unit.id, language);
      const office = await emails({ roles: { code: 'office' } });
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
          link: link(`/difficulties/${row.documentId}`),
        });
        await enqueueMail(
          strapi,
          office.map((to) => ({ to, ...mail, topic: `oversight.difficulty:${row.documentId}` })),
          trx
        );
        return row.documentId;
      });
      return (await service.findDifficulty(access, documentId))!;
    },

    /**
     * "Waiting for me": how many difficulties wait for this user's next move (domain/waiting.ts), among those the
     * difficulties list shows them; counted in SQL.
     */
    async waitingDifficulties(access: Access): Promise<WaitingItem[]> {
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

    async listDifficulties(access: Access, query: ListQuery) {
      const page = (await strapi.db.query(UIDS.difficulty).findPage({
        where: difficultyWhere(access, query),
        populate: UNIT_POPULATE,
        orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
      })) as Page<StoredDifficulty>;
      return { results: await difficultyViews(page.results), pagination: page.pagination };
    },

    async findDifficulty(access: Access, documentId: string) {
      const row = await loadDifficulty(documentId);
      if (!row || !difficultyVisible(access, row)) return null;
      const [detail] = await difficultyViews([row]);
      return {
        ...detail,
        allowedTransitions: allowedDifficultyTransitions(row.state, actorsFor(access)).map((t) => ({
          to: t.to,
          needs: t.needs,
        })),
      };
    },

    /**
     * One move of a difficulty. The state and version change in one conditional UPDATE, so of two people acting
     * at once exactly one succeeds and the other gets a ConflictError (409).
     */
    async transitionDifficulty(
      access: Access,
      documentId: string,
      body: DifficultyTransitionBody,
      language: Language
    ) {
      const row = await loadDifficulty(documentId);
      if (!row || !difficultyVisible(access, row)) return null;
      if (row.version !== body.version) throw new ConflictError();
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
          ? await emails({ roles: { code: 'director' } })
          : audience === 'unit' && row.unit
            ? await unitRecipients(row.unit)
            : [];
      await strapi.db.transaction(async ({ trx }) => {
        const { count } = await strapi.db.query(UIDS.difficulty).updateMany({
          where: { documentId, version: body.version, state: row.state },
          data: { ...changes, state: to, version: body.version + 1 },
        });
        if (count === 0) throw new ConflictError();
        if (audience) {
          const mail = difficultyMail({
            event: to as 'escalated' | 'answered' | 'resolved',
            unitName: row.unit?.name ?? '',
            what: row.what,
            actorName: access.user.name,
            text: (to === 'resolved' ? body.resolution : to === 'answered' ? body.answer : body.note) ?? null,
            link: link(audience === 'unit' ? '/my' : `/difficulties/${documentId}`),
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
      return service.findDifficulty(access, documentId);
    },

    // Task reports

    async createTaskReport(access: Access, input: TaskReportInput, language: Language) {
      const rows = await taskRows([input.planTask]);
      const units = [...new Set(rows.map((r) => r.unit?.id).filter((id): id is number => Boolean(id)))];
      const unitId =
        access.isSuperAdmin || access.canManage
          ? (byTask(rows).get(input.planTask)?.unit?.id ?? units[0])
          : units.find((id) => access.unitIds.includes(id));
      if (!unitId) {
        throw validationError([
          fieldError(
            ['planTask'],
            'Nhiệm vụ không tồn tại hoặc không được giao cho đơn vị của bạn.',
            'No such plan task of your units.',
            language
          ),
        ]);
      }
      const outputs = await linkedOutputs(input, unitId, language);
      const row = await strapi.db.query(UIDS.taskReport).create({
        data: {
          unit: unitId,
          planTaskDocumentId: input.planTask,
          status: input.status,
          results: input.results,
          outputCount: outputs ? outputs.count : input.outputCount,
          outputs: outputs?.items ?? null,
          extraOutputCount: input.extraOutputCount,
          reportedById: access.user.id,
          reportedByName: access.user.name,
          reportedAt: new Date(),
        },
        populate: UNIT_POPULATE,
      });
      return (await taskReportViews([row]))[0];
    },

    async listTaskReports(access: Access, query: ListQuery) {
      const where = {
        ...unitWhere(visibleUnitIds(readable(access), query.unit)),
        ...(query.task ? { planTaskDocumentId: query.task } : {}),
      };
      const page = (await strapi.db.query(UIDS.taskReport).findPage({
        where,
        populate: UNIT_POPULATE,
        orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
      })) as Page<Record<string, unknown>>;
      return { results: await taskReportViews(page.results), pagination: page.pagination };
    },

    // The unit's page

    /** GET /my: the unit editor's units, their tasks of the published plans (this year and the last), etc. */
    async my(access: Access) {
      const unitIds = access.unitIds;
      const units = unitIds.length
        ? ((await strapi.db.query(UNIT).findMany({
            where: { id: { $in: unitIds } },
            select: ['id', 'code', 'name'],
            orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
          })) as UnitRef[])
        : [];
      const now = await today();
      const year = Number(now.slice(0, 4));
      const rows = unitIds.length
        ? ((await strapi.db.query(TASK).findMany({
            where: {
              unit: { id: { $in: unitIds } },
              plan: { publishedAt: { $notNull: true }, year: { $gte: year - 1, $lte: year } },
            },
            select: ['documentId', 'code', 'content', 'dueDate', 'targetCount', 'locale'],
            populate: { unit: { select: ['id'] }, plan: { select: ['year'] } },
          })) as (TaskRow & { plan: { year: number } | null })[])
        : [];
      const tasks = [...byTask(rows).values()].sort(
        (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.code.localeCompare(b.code)
      );
      const taskIds = tasks.map((t) => t.documentId);
      const [reports, links] = await Promise.all([
        tasksService().latestReports(taskIds),
        tasksService().linkedOutputs(taskIds),
      ]);
      const difficulties = unitIds.length
        ? ((await strapi.db.query(UIDS.difficulty).findMany({
            where: { unit: { id: { $in: unitIds } }, state: { $in: [...PENDING_STATES] } },
            populate: UNIT_POPULATE,
            orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
          })) as StoredDifficulty[])
        : [];
      return {
        units: units.map(unitView),
        tasks: tasks.map((task) => {
          const report = reports.get(task.documentId);
          const dueDate = isoDay(task.dueDate);
          return {
            documentId: task.documentId,
            code: task.code,
            content: task.content,
            dueDate,
            targetCount: task.targetCount,
            unit: units.find((u) => u.id === task.unit?.id)
              ? unitView(units.find((u) => u.id === task.unit?.id))
              : null,
            status: taskStatus({ dueDate }, report, now),
            lastReport: report
              ? {
                  status: report.status,
                  results: report.results,
                  reportedByName: report.reportedByName,
                  reportedAt: isoInstant(report.reportedAt),
                  outputCount: report.outputCount ?? null,
                }
              : null,
            linked: links.get(task.documentId)!,
          };
        }),
        reminders: await strapi.plugin(PLUGIN_ID).service('reminders').recent(unitIds, 20),
        difficulties: await difficultyViews(difficulties),
      };
    },

    canSeeUnit,
  };

  function inspectionView(row: Record<string, unknown>) {
    return {
      documentId: row.documentId as string,
      unit: unitView(row.unit as UnitRef | null),
      date: isoDay(row.date),
      findings: row.findings as string,
      followUps: (row.followUps as string | null) ?? null,
      inspectorName: row.inspectorName as string,
      createdAt: isoInstant(row.createdAt),
    };
  }

  async function taskReportViews(rows: Record<string, unknown>[]) {
    const tasks = byTask(await taskRows([...new Set(rows.map((r) => r.planTaskDocumentId as string))]));
    return rows.map((row) => ({
      documentId: row.documentId as string,
      unit: unitView(row.unit as UnitRef | null),
      planTask: taskRef(tasks.get(row.planTaskDocumentId as string)),
      status: row.status as string,
      results: row.results as string,
      outputCount: (row.outputCount as number | null) ?? null,
      outputs: (row.outputs as ReportedOutput[] | null) ?? [],
      extraOutputCount: (row.extraOutputCount as number | null) ?? null,
      reportedByName: row.reportedByName as string,
      reportedAt: isoInstant(row.reportedAt),
    }));
  }

  return service;
};

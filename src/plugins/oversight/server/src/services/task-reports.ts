/**
 * Task reports (báo cáo kết quả thực hiện nhiệm vụ): a unit reports on its plan task during the year, linking the
 * articles and submissions that are its outputs; the Office may report for any unit.
 */
import type { Core } from '@strapi/strapi';
import { fieldError, type Language } from '#domain/errors';
import { inUnit, readableUnits } from '#domain/unit-access';
import { validationError } from '#utils/errors';
import { visibleUnitIds, type ListQuery, type TaskReportInput } from '../domain/records-input';
import { checkOutputLinks, derivedOutputCount, type ReportedOutput } from '../domain/task-outputs';
import { PLUGIN_ID, UIDS } from '../permissions';
import type { Access } from './access';
import { byTask, recordSupport, taskRef, UNIT_POPULATE, unitWhere, type Page } from './record-support';
import { isoInstant, unitView, type UnitRef } from './reminders';
type TasksService = ReturnType<typeof import('./tasks').default>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const support = recordSupport(strapi);
  const tasksService = () => strapi.plugin(PLUGIN_ID).service('tasks') as TasksService;

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

  async function views(rows: Record<string, unknown>[]) {
    const tasks = byTask(
      await support.taskRows([...new Set(rows.map((r) => r.planTaskDocumentId as string))])
    );
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

  return {
    async create(access: Access, input: TaskReportInput, language: Language) {
      const rows = await support.taskRows([input.planTask]);
      const units = [...new Set(rows.map((r) => r.unit?.id).filter((id): id is number => Boolean(id)))];
      // The Office reports for the task's unit; a unit editor for the task's unit that is one of its own.
      const unitId =
        access.isSuperAdmin || access.canManage
          ? (byTask(rows).get(input.planTask)?.unit?.id ?? units[0])
          : units.find((id) => inUnit(access, id));
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
      return (await views([row]))[0];
    },

    async list(access: Access, query: ListQuery) {
      const where = {
        ...unitWhere(visibleUnitIds(readableUnits(access), query.unit)),
        ...(query.task ? { planTaskDocumentId: query.task } : {}),
      };
      const page = (await strapi.db.query(UIDS.taskReport).findPage({
        where,
        populate: UNIT_POPULATE,
        orderBy: [{ reportedAt: 'desc' }, { id: 'desc' }],
        page: query.page,
        pageSize: query.pageSize,
      })) as Page<Record<string, unknown>>;
      return { results: await views(page.results), pagination: page.pagination };
    },
  };
};

/** The unit editor's page (GET /my): its units' tasks with their latest report, its reminders and difficulties. */
import type { Core } from '@strapi/strapi';
import { PENDING_STATES } from '../domain/difficulty-workflow';
import { taskStatus } from '../domain/task-status';
import { PLUGIN_ID, UIDS } from '../permissions';
import { getService } from '../utils';
import type { Access } from './access';
import type { StoredDifficulty } from './difficulties';
import { byTask, recordSupport, TASK, UNIT, UNIT_POPULATE, type TaskRow } from './record-support';
import { isoDay, isoInstant, unitView, type UnitRef } from './reminders';
type TasksService = ReturnType<typeof import('./tasks').default>;
type DifficultiesService = ReturnType<typeof import('./difficulties').default>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const support = recordSupport(strapi);
  const tasksService = () => strapi.plugin(PLUGIN_ID).service('tasks') as TasksService;
  const difficulties = () => strapi.plugin(PLUGIN_ID).service('difficulties') as DifficultiesService;

  return {
    /** The unit editor's units, their tasks of the published plans (this year and the last), etc. */
    async my(access: Access) {
      const unitIds = access.unitIds;
      const units = unitIds.length
        ? ((await strapi.db.query(UNIT).findMany({
            where: { id: { $in: unitIds } },
            select: ['id', 'code', 'name'],
            orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
          })) as UnitRef[])
        : [];
      const now = await support.today();
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
      const pending = unitIds.length
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
        reminders: await getService(strapi, 'reminders').recent(unitIds, 20),
        difficulties: await difficulties().views(access, pending),
      };
    },
  };
};

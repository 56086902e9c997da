/**
 * Every table and column name an owner declares for the SQL aggregates (src/infra/table-names.ts) exists in the
 * database the app created, on SQLite and PostgreSQL alike.
 */
import { articleTable } from '#api/article/tables';
import { campaignTable } from '#api/campaign/tables';
import { feedbackTable } from '#api/feedback/tables';
import { planTable } from '#api/plan/tables';
import { planTaskTable } from '#api/plan-task/tables';
import { procedureFieldTable, procedureLevelTable, procedureTable } from '#api/procedure/tables';
import { surveyResponseTable } from '#api/survey-response/tables';
import { unitTable } from '#api/unit/tables';
import type { TableNames } from '#infra/table-names';
import { difficultyTable, checkTable, reminderTable, taskReportTable } from '#oversight/tables';
import { submissionTable } from '#unit-submissions/tables';
import { useStrapi } from '../setup/strapi';

const app = useStrapi();

const OWNERS = {
  unitTable,
  planTable,
  planTaskTable,
  articleTable,
  campaignTable,
  feedbackTable,
  procedureTable,
  procedureFieldTable,
  procedureLevelTable,
  surveyResponseTable,
  submissionTable,
  reminderTable,
  checkTable,
  difficultyTable,
  taskReportTable,
} as Record<string, (strapi: never) => TableNames<string, string>>;

const columnsOf = async (table: string) => Object.keys(await app.strapi().db.connection(table).columnInfo());

describe('table names', () => {
  it.each(Object.keys(OWNERS))('%s names columns and link tables that exist', async (name) => {
    const names = OWNERS[name](app.strapi() as never);
    const columns = await columnsOf(names.table);
    expect(columns.length).toBeGreaterThan(0);
    for (const column of Object.values(names.column)) expect(columns).toContain(column);
    for (const link of Object.values(names.link)) {
      const linkColumns = await columnsOf(link.name);
      expect(linkColumns).toContain(link.from);
      expect(linkColumns).toContain(link.to);
    }
  });
});

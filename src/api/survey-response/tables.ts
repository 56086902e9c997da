/**
 * The survey response table's names that other modules' SQL aggregates may use (src/infra/table-names.ts): a
 * column per criterion of domain/survey-intake.ts.
 */
import { SURVEY_CRITERIA } from '#domain/survey-intake';
import { tableNames } from '#infra/table-names';

export const surveyResponseTable = tableNames('api::survey-response.survey-response', {
  // Read from the criteria themselves, so a criterion added there is a column here too.
  columns: ['submittedAt', ...SURVEY_CRITERIA.map((criterion) => criterion.key)],
});

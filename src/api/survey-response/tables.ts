/**
 * The survey response table's names that other modules' SQL aggregates may use (src/infra/table-names.ts): a
 * column per criterion of domain/survey-intake.ts.
 */
import { tableNames } from '#infra/table-names';

export const surveyResponseTable = tableNames('api::survey-response.survey-response', {
  columns: [
    'submittedAt',
    'timeliness',
    'agencyCount',
    'visitCount',
    'informationAccuracy',
    'staffAttitude',
    'lawfulness',
    'feedbackHandling',
    'onlineService',
  ],
});

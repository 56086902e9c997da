/** The output count the task report shows: as the server derives it (domain/task-outputs.ts). */
import type { TaskRow } from '../../api';
import { outputCountOf } from '../TaskReportDialog';

jest.mock('@strapi/strapi/admin', () => jest.requireActual('#admin/shared/__tests__/strapi-admin'));

const task = {
  documentId: 't',
  linked: {
    articles: {
      total: 1,
      latest: [{ documentId: 'A', title: 'A', published: true, publishedAt: null, updatedAt: null }],
    },
    submissions: {
      total: 2,
      latest: [
        {
          documentId: 'S1',
          title: 'S1',
          state: 'published',
          submittedAt: null,
          createdAt: null,
          articleDocumentId: 'A',
        },
        {
          documentId: 'S2',
          title: 'S2',
          state: 'submitted',
          submittedAt: null,
          createdAt: null,
          articleDocumentId: null,
        },
      ],
    },
  },
} as unknown as TaskRow;

it('counts a submission and the article approved from it once, plus the outputs outside the CMS', () => {
  expect(outputCountOf(task, new Set(['A']), new Set(['S1', 'S2']), 1)).toBe(3);
  expect(outputCountOf(task, new Set(), new Set(['S1', 'S2']), 0)).toBe(2);
  expect(outputCountOf(task, new Set(['A']), new Set(), 0)).toBe(1);
});

import { allOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

/** Admin routes of the register (admin JWT). Which rows a user sees and which moves they make: services/feedback-records. */
export default {
  admin: {
    type: 'admin',
    routes: [
      ...guarded(allOf(ACTIONS.read), {
        'GET /options': 'register.options',
        'GET /feedbacks': 'register.find',
        'GET /waiting': 'register.waiting',
        'GET /feedbacks/export.csv': 'register.exportCsv',
        'GET /feedbacks/:documentId': 'register.findOne',
        'GET /feedbacks/:documentId/history': 'register.history',
        'POST /feedbacks/:documentId/transitions': 'register.transition',
        'GET /attachments/:documentId/download': 'attachment.download',
      }),
      ...guarded(allOf(ACTIONS.handle), {
        'POST /feedbacks': 'register.register',
        'GET /feedbacks/:documentId/publication-preview': 'register.publicationPreview',
      }),
      ...guarded(allOf(ACTIONS.answer), { 'PUT /feedbacks/:documentId/answer': 'register.saveAnswer' }),
    ],
  },
};

import { allOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

/** Admin routes of the register (admin JWT). Which rows a user sees and which moves they make: services/feedback-records. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/options', handler: 'register.options', config: allOf(ACTIONS.read) },
      { method: 'GET', path: '/feedbacks', handler: 'register.find', config: allOf(ACTIONS.read) },
      { method: 'GET', path: '/waiting', handler: 'register.waiting', config: allOf(ACTIONS.read) },
      { method: 'POST', path: '/feedbacks', handler: 'register.register', config: allOf(ACTIONS.handle) },
      {
        method: 'GET',
        path: '/feedbacks/export.csv',
        handler: 'register.exportCsv',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/feedbacks/:documentId',
        handler: 'register.findOne',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/feedbacks/:documentId/history',
        handler: 'register.history',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/feedbacks/:documentId/publication-preview',
        handler: 'register.publicationPreview',
        config: allOf(ACTIONS.handle),
      },
      {
        method: 'PUT',
        path: '/feedbacks/:documentId/answer',
        handler: 'register.saveAnswer',
        config: allOf(ACTIONS.answer),
      },
      {
        method: 'POST',
        path: '/feedbacks/:documentId/transitions',
        handler: 'register.transition',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/attachments/:documentId/download',
        handler: 'attachment.download',
        config: allOf(ACTIONS.read),
      },
    ],
  },
};

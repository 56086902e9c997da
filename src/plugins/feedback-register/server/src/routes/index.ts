import { ACTIONS } from '../permissions';

const allowed = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

/** Admin routes of the register (admin JWT). Which rows a user sees and which moves they make: services/register. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/options', handler: 'register.options', config: allowed(ACTIONS.read) },
      { method: 'GET', path: '/feedbacks', handler: 'register.find', config: allowed(ACTIONS.read) },
      { method: 'GET', path: '/waiting', handler: 'register.waiting', config: allowed(ACTIONS.read) },
      { method: 'POST', path: '/feedbacks', handler: 'register.register', config: allowed(ACTIONS.handle) },
      {
        method: 'GET',
        path: '/feedbacks/export.csv',
        handler: 'register.exportCsv',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/feedbacks/:documentId',
        handler: 'register.findOne',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/feedbacks/:documentId/history',
        handler: 'register.history',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/feedbacks/:documentId/publication-preview',
        handler: 'register.publicationPreview',
        config: allowed(ACTIONS.handle),
      },
      {
        method: 'PUT',
        path: '/feedbacks/:documentId/answer',
        handler: 'register.saveAnswer',
        config: allowed(ACTIONS.answer),
      },
      {
        method: 'POST',
        path: '/feedbacks/:documentId/transitions',
        handler: 'register.transition',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/attachments/:documentId/download',
        handler: 'attachment.download',
        config: allowed(ACTIONS.read),
      },
    ],
  },
};

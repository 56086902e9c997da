import { ACTIONS } from '../permissions';

const allowed = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/submissions', handler: 'submissions.find', config: allowed(ACTIONS.read) },
      {
        method: 'POST',
        path: '/submissions',
        handler: 'submissions.create',
        config: allowed(ACTIONS.submit),
      },
      {
        method: 'GET',
        path: '/submissions/:documentId',
        handler: 'submissions.findOne',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'PUT',
        path: '/submissions/:documentId',
        handler: 'submissions.update',
        config: allowed(ACTIONS.submit),
      },
      {
        method: 'POST',
        path: '/submissions/:documentId/transitions',
        handler: 'submissions.transition',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'POST',
        path: '/submissions/bulk-transitions',
        handler: 'submissions.bulkTransition',
        config: allowed(ACTIONS.review),
      },
      {
        method: 'POST',
        path: '/submissions/:documentId/publish-article',
        handler: 'submissions.publishArticle',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/submissions/:documentId/comments',
        handler: 'submissions.comments',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'POST',
        path: '/submissions/:documentId/comments',
        handler: 'submissions.addComment',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/submissions/:documentId/history',
        handler: 'submissions.history',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'POST',
        path: '/submissions/:documentId/attachments',
        handler: 'attachments.upload',
        config: allowed(ACTIONS.submit),
      },
      {
        method: 'GET',
        path: '/submissions/:documentId/attachments/:attachmentId',
        handler: 'attachments.download',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'DELETE',
        path: '/submissions/:documentId/attachments/:attachmentId',
        handler: 'attachments.remove',
        config: allowed(ACTIONS.submit),
      },
      { method: 'GET', path: '/options', handler: 'submissions.options', config: allowed(ACTIONS.read) },
      { method: 'GET', path: '/waiting', handler: 'submissions.waiting', config: allowed(ACTIONS.read) },
      {
        method: 'GET',
        path: '/articles/:documentId/submission',
        handler: 'submissions.ofArticle',
        config: allowed(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/memberships',
        handler: 'memberships.find',
        config: allowed(ACTIONS.memberships),
      },
      {
        method: 'PUT',
        path: '/memberships/:userId',
        handler: 'memberships.update',
        config: allowed(ACTIONS.memberships),
      },
    ],
  },
};

import { allOf } from '#utils/admin-routes';
import { ACTIONS } from '../permissions';

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/submissions', handler: 'submissions.find', config: allOf(ACTIONS.read) },
      {
        method: 'POST',
        path: '/submissions',
        handler: 'submissions.create',
        config: allOf(ACTIONS.submit),
      },
      {
        method: 'GET',
        path: '/submissions/:documentId',
        handler: 'submissions.findOne',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'PUT',
        path: '/submissions/:documentId',
        handler: 'submissions.update',
        config: allOf(ACTIONS.submit),
      },
      {
        method: 'POST',
        path: '/submissions/:documentId/transitions',
        handler: 'submissions.transition',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'POST',
        path: '/submissions/bulk-transitions',
        handler: 'submissions.bulkTransition',
        config: allOf(ACTIONS.review),
      },
      {
        method: 'POST',
        path: '/submissions/:documentId/publish-article',
        handler: 'submissions.publishArticle',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/submissions/:documentId/comments',
        handler: 'submissions.comments',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'POST',
        path: '/submissions/:documentId/comments',
        handler: 'submissions.addComment',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/submissions/:documentId/history',
        handler: 'submissions.history',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'POST',
        path: '/submissions/:documentId/attachments',
        handler: 'attachments.upload',
        config: allOf(ACTIONS.submit),
      },
      {
        method: 'GET',
        path: '/submissions/:documentId/attachments/:attachmentId',
        handler: 'attachments.download',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'DELETE',
        path: '/submissions/:documentId/attachments/:attachmentId',
        handler: 'attachments.remove',
        config: allOf(ACTIONS.submit),
      },
      { method: 'GET', path: '/options', handler: 'submissions.options', config: allOf(ACTIONS.read) },
      { method: 'GET', path: '/waiting', handler: 'submissions.waiting', config: allOf(ACTIONS.read) },
      {
        method: 'GET',
        path: '/articles/:documentId/submission',
        handler: 'submissions.ofArticle',
        config: allOf(ACTIONS.read),
      },
      {
        method: 'GET',
        path: '/memberships',
        handler: 'memberships.find',
        config: allOf(ACTIONS.memberships),
      },
      {
        method: 'PUT',
        path: '/memberships/:userId',
        handler: 'memberships.update',
        config: allOf(ACTIONS.memberships),
      },
    ],
  },
};

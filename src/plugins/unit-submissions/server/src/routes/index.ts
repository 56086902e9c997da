import { allOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

export default {
  admin: {
    type: 'admin',
    routes: [
      ...guarded(allOf(ACTIONS.read), {
        'GET /submissions': 'submissions.find',
        'GET /submissions/:documentId': 'submissions.findOne',
        'POST /submissions/:documentId/transitions': 'submissions.transition',
        'POST /submissions/:documentId/publish-article': 'submissions.publishArticle',
        'GET /submissions/:documentId/comments': 'submissions.comments',
        'POST /submissions/:documentId/comments': 'submissions.addComment',
        'GET /submissions/:documentId/history': 'submissions.history',
        'GET /submissions/:documentId/attachments/:attachmentId': 'attachments.download',
        'GET /options': 'submissions.options',
        'GET /waiting': 'submissions.waiting',
        'GET /articles/:documentId/submission': 'submissions.ofArticle',
      }),
      ...guarded(allOf(ACTIONS.submit), {
        'POST /submissions': 'submissions.create',
        'PUT /submissions/:documentId': 'submissions.update',
        'POST /submissions/:documentId/attachments': 'attachments.upload',
        'DELETE /submissions/:documentId/attachments/:attachmentId': 'attachments.remove',
      }),
      ...guarded(allOf(ACTIONS.review), {
        'POST /submissions/bulk-transitions': 'submissions.bulkTransition',
      }),
      ...guarded(allOf(ACTIONS.memberships), {
        'GET /memberships': 'memberships.find',
        'PUT /memberships/:userId': 'memberships.update',
      }),
    ],
  },
};

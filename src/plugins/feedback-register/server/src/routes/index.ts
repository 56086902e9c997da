export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/attachments/:documentId/download',
        handler: 'attachment.download',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  },
};

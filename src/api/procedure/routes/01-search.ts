// Declared before the core router so that "search" is not taken for a documentId.
export default {
  routes: [
    {
      method: 'GET',
      path: '/procedures/search',
      handler: 'api::procedure.procedure.search',
      config: { auth: false },
    },
  ],
};

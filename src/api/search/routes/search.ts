/** The site-wide search: public, read-only, its parameters checked by src/domain/site-search.ts. */
export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/search',
      handler: 'api::search.search.search',
      config: { auth: false },
    },
  ],
};

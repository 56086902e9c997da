/**
 * Route config of a content type that the website reads: every read goes through the published-only guard, which
 * also holds the query to the type's allow-list.
 */
const guarded = { middlewares: ['global::published-only'] };

export const publicReadRoutes = { config: { find: guarded, findOne: guarded } };

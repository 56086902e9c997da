import type { Core } from '@strapi/strapi';

// Strict parameters reject unknown query and body keys: the guard against relational-filter oracles
// such as CVE-2026-27886. Custom parameters must be registered explicitly.
const config: Core.Config.Api = {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    strictParams: true,
  },
  documents: {
    strictParams: true,
    strictRelations: true,
  },
};

export default config;

import type { Core } from '@strapi/strapi';
import { registerGuardMiddleware } from './services/register-guard';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(registerGuardMiddleware(strapi));
};

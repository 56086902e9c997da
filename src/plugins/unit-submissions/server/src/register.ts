import type { Core } from '@strapi/strapi';
import { registerPrivateFileOwner } from '../../../../infra/private-files';
import { ATTACHMENT_UID } from './permissions';
import { unitGuardMiddleware } from './services/unit-guard';
import { articlePublicationMiddleware } from './services/article-publication';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(unitGuardMiddleware(strapi));
  strapi.documents.use(articlePublicationMiddleware(strapi));
  registerPrivateFileOwner({ uid: ATTACHMENT_UID, attribute: 'storedName' });
};

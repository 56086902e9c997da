import type { Core } from '@strapi/strapi';
import { secrets } from './support/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: secrets().ADMIN_JWT_SECRET,
  },
  apiToken: {
    salt: secrets().API_TOKEN_SALT,
  },
  transfer: {
    token: {
      salt: secrets().TRANSFER_TOKEN_SALT,
    },
  },
  secrets: {
    encryptionKey: secrets().ENCRYPTION_KEY,
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});

export default config;

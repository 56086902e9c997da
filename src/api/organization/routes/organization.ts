import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '#utils/public-routes';

export default factories.createCoreRouter('api::organization.organization', publicReadRoutes);

import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '#utils/public-routes';

export default factories.createCoreRouter('api::procedure-field.procedure-field', publicReadRoutes);

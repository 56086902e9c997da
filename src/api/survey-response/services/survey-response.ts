import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::survey-response.survey-response');

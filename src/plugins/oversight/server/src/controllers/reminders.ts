import type { Core } from '@strapi/strapi';
import { validateReminder } from '../domain/reminders';
import { getService } from '../utils';
import { createAndFind } from './request';

/**
 * POST /reminders { data: { unit, message, items: [{ type, documentId }] } },
 * GET /reminders?unit=&page=&pageSize=
 */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  createAndFind(strapi, () => getService(strapi, 'reminders'), validateReminder, []);

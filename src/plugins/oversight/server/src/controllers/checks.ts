import type { Core } from '@strapi/strapi';
import { localDate } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { validateCheck } from '../domain/records-input';
import { getService } from '../utils';
import { createAndFind } from './request';

/** POST /checks { data: { unit, date, findings, followUps? } }, GET /checks?unit=&page=&pageSize= */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  createAndFind(
    strapi,
    () => getService(strapi, 'checks'),
    // A check is of a day that has come: today is the organization's local date.
    async (body, language) => {
      const { timeZone } = await organizationSettings(strapi);
      return validateCheck(body, localDate(new Date(), timeZone), language);
    },
    []
  );

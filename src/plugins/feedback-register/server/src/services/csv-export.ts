/** The register as CSV (service `csvExport`): the rows the list shows, without personal data. */
import type { Core } from '@strapi/strapi';
import { localDate } from '#domain/working-days';
import { organizationSettings } from '#infra/organization-settings';
import { redactPersonalData } from '../domain/redaction';
import type { RegisterFilters } from '../domain/register-input';
import { isoDay, type Access } from './feedback-records';
import { registerQuery } from './register-query';

const CSV_COLUMNS = [
  'receivedAt',
  'channel',
  'kind',
  'subject',
  'state',
  'handlingUnit',
  'dueDate',
  'answeredAt',
  'onTime',
  'answerPublished',
];

const PAGE = 500;

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The register as CSV, streamed page by page: no personal data, the subject redacted. */
  async *exportCsv(
    access: Access,
    filters: Omit<RegisterFilters, 'page' | 'pageSize'>
  ): AsyncGenerator<string> {
    const { timeZone } = await organizationSettings(strapi);
    const now = localDate(new Date(), timeZone);
    yield `\ufeff${CSV_COLUMNS.join(',')}\r\n`;
    let lastId = 0;
    for (;;) {
      const batch = await registerQuery(strapi, access, filters, now, timeZone)
        .select(
          'f.id',
          'f.received_at',
          'f.channel',
          'f.kind',
          'f.subject',
          'f.state',
          'u.name as unit_name',
          'f.due_date',
          'f.answered_at',
          'f.on_time',
          'f.answer_published',
          'f.full_name',
          'f.address',
          'f.phone',
          'f.email'
        )
        .where('f.id', '>', lastId)
        .orderBy('f.id', 'asc')
        .limit(PAGE);
      for (const r of batch) {
        const submitter = { fullName: r.full_name, address: r.address, phone: r.phone, email: r.email };
        yield `${[
          new Date(r.received_at).toISOString(),
          r.channel,
          r.kind,
          redactPersonalData(r.subject, submitter),
          r.state,
          r.unit_name,
          r.due_date ? isoDay(r.due_date) : '',
          r.answered_at ? new Date(r.answered_at).toISOString() : '',
          r.on_time === null ? '' : Boolean(r.on_time),
          Boolean(r.answer_published),
        ]
          .map(csvCell)
          .join(',')}\r\n`;
      }
      if (batch.length < PAGE) return;
      lastId = batch[batch.length - 1].id;
    }
  },
});

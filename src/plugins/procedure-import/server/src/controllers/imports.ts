import fs from 'fs';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { fieldError } from '#domain/errors';
import { checkApplyChoices } from '#domain/procedure-import';
import { PROCEDURE_LEVELS } from '#domain/procedure-levels';
import { QueryReader } from '#domain/query-params';
import { validationError } from '#utils/errors';
import { requestLanguage } from '#utils/http';
import {
  created,
  dataOr404,
  noParameters,
  queryOf,
  recordWrite,
  withUploadedFiles,
  valid,
} from '#utils/requests';
import { settingsOf } from '../config';
import { getService } from '../utils';

const nameOf = (user: { firstname?: string | null; lastname?: string | null } | undefined) =>
  [user?.firstname, user?.lastname].filter(Boolean).join(' ') || null;

const STATUSES = ['new', 'changed', 'unchanged'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'imports');

  return {
    /** POST /procedure-import/imports: multipart, one file in the field `file` → 201 the previewed import. */
    async create(ctx: Context) {
      return withUploadedFiles(ctx, { field: 'file', one: true }, async ([file], language) => {
        const { maxBytes, maxRows } = settingsOf(strapi);
        const result = await service().preview(
          await fs.promises.readFile(file.filepath),
          { fileName: file.originalFilename || 'import.xlsx', userName: nameOf(ctx.state.user) },
          { maxBytes, maxRows }
        );
        if (!result.ok) {
          throw validationError([fieldError(['file'], result.message.vi, result.message.en, language)]);
        }
        return created(ctx, result.import);
      });
    },

    /** GET /procedure-import/imports?page=&pageSize= → the history, newest first. */
    async find(ctx: Context) {
      const reader = new QueryReader(queryOf(ctx), ['page', 'pageSize'], requestLanguage(ctx));
      const { page, pageSize } = valid(
        reader.result({ page: reader.int('page', 1, 10_000), pageSize: reader.int('pageSize', 20, 100) })
      );
      const { data, pagination } = await service().list(page, pageSize);
      return { data, meta: { pagination } };
    },

    /** GET /procedure-import/imports/:id → the import, with its progress while it applies. */
    async findOne(ctx: Context) {
      noParameters(ctx);
      return dataOr404(ctx, await service().findOne(String(ctx.params.id)));
    },

    /** GET /procedure-import/imports/:id/rows?status=&field=&level=&agency=&page=&pageSize= → one page of rows. */
    async rows(ctx: Context) {
      const reader = new QueryReader(
        queryOf(ctx),
        ['status', 'field', 'level', 'agency', 'page', 'pageSize'],
        requestLanguage(ctx)
      );
      const status = reader.oneOf('status', STATUSES);
      const field = reader.text('field', 255);
      const level = reader.oneOf('level', PROCEDURE_LEVELS);
      const agency = reader.text('agency', 500);
      const query = valid(
        reader.result({
          status,
          fields: field ? [field] : [],
          levels: level ? [level] : [],
          agency,
          page: reader.int('page', 1, 10_000),
          pageSize: reader.int('pageSize', 50, 200),
        })
      );
      const found = await service().rows(String(ctx.params.id), query);
      if (!found) return ctx.notFound();
      return { data: found.data, meta: { pagination: found.pagination } };
    },

    /** POST /procedure-import/imports/:id/apply { fields, levels, agency, codes, publish, modes } → 202, applying. */
    apply: recordWrite({
      check: checkApplyChoices,
      write: (ctx, id, choices) => service().apply(id, choices, nameOf(ctx.state.user), { wait: false }),
      reply: (ctx, done) => {
        ctx.status = 202;
        return { data: done };
      },
      documentId: (ctx) => String(ctx.params.id),
    }),
  };
};

/** What the records' controllers share: the user's access, and the create and list of each kind of record. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Language, Validated } from '#domain/errors';
import { requestLanguage } from '#utils/http';
import { bodyOf, created, queryOf, valid } from '#utils/requests';
import { parseListQuery, type ListQuery } from '../domain/records-input';
import type { Access } from '../services/access';
import { getService } from '../utils';

export const accessOf = (strapi: Core.Strapi, ctx: Context): Promise<Access> =>
  getService(strapi, 'access').of(ctx.state.user, ctx.state.userAbility);

/** The service of one kind of record (checks, reminders, difficulties, task reports), as used here. */
interface RecordsService<Input> {
  create(access: Access, input: Input, language: Language): Promise<unknown>;
  list(access: Access, query: ListQuery): Promise<unknown>;
}

/**
 * POST, its body checked by `check` (a 201 with the record made), and GET with `?unit=&page=&pageSize=` and
 * the list's `filters` (a 400 on anything else), of one kind of record.
 */
export const createAndFind = <Input>(
  strapi: Core.Strapi,
  service: () => RecordsService<Input>,
  check: (body: unknown, language: Language) => Validated<Input> | Promise<Validated<Input>>,
  filters: readonly ('state' | 'task')[]
) => ({
  async create(ctx: Context) {
    const language = requestLanguage(ctx);
    const input = valid(await check(bodyOf(ctx), language));
    return created(ctx, await service().create(await accessOf(strapi, ctx), input, language));
  },

  async find(ctx: Context) {
    const query = valid(parseListQuery(queryOf(ctx), filters, requestLanguage(ctx)));
    return service().list(await accessOf(strapi, ctx), query);
  },
});

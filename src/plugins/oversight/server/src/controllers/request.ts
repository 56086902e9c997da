/** What the records' controllers read from a request alike: the body, the list parameters, the user's access. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { requestLanguage } from '#utils/http';
import { validationError } from '#utils/errors';
import { parseListQuery } from '../domain/records-input';
import type { Access } from '../services/access';
import { getService } from '../utils';

export const bodyOf = (ctx: Context) => (ctx.request as { body?: unknown }).body;

/** `?unit=&page=&pageSize=` and the list's `extra` filters, checked (400 on anything else). */
export function listQuery(ctx: Context, extra: readonly ('state' | 'task')[]) {
  const parsed = parseListQuery(ctx.query as Record<string, unknown>, extra, requestLanguage(ctx));
  if (!parsed.ok) throw validationError(parsed.errors);
  return parsed.value;
}

/** A 201 with the record made. */
export function created(ctx: Context, data: unknown) {
  ctx.status = 201;
  return { data };
}

export const accessOf = (strapi: Core.Strapi, ctx: Context): Promise<Access> =>
  getService(strapi, 'access').of(ctx.state.user, ctx.state.userAbility);

import type { Core } from '@strapi/strapi';
import { isUniqueViolation } from './db-errors';
import { FORM_TOKEN_USES_TABLE } from './models';

export class TokenAlreadyUsedError extends Error {}

/**
 * Spends a form token inside the caller's transaction; a second use, even on another node at the same moment,
 * hits the unique nonce and throws TokenAlreadyUsedError (rolling the transaction back).
 */
export async function spendFormToken(strapi: Core.Strapi, nonce: string, usedAt: Date, trx: unknown) {
  try {
    await strapi.db
      .connection(FORM_TOKEN_USES_TABLE)
      .transacting(trx as never)
      .insert({ nonce, used_at: usedAt });
  } catch (error) {
    if (isUniqueViolation(error)) throw new TokenAlreadyUsedError('form token already used');
    throw error;
  }
}

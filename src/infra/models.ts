/**
 * Internal tables that are not content: Strapi creates and migrates them with the content types (through its
 * models registry), so SQLite and PostgreSQL get the same columns and indexes.
 */
import type { Core } from '@strapi/strapi';

export const SEARCH_TERMS_TABLE = 'search_terms';
export const IDEMPOTENCY_TABLE = 'idempotency_keys';
export const FORM_TOKEN_USES_TABLE = 'form_token_uses';
export const EMAIL_OUTBOX_TABLE = 'email_outbox';
export const JOB_RUNS_TABLE = 'job_runs';

const models = [
  {
    // Folded words of searchable texts, one row per (document, locale, word, source).
    uid: 'app::search-term',
    singularName: 'search-term',
    tableName: SEARCH_TERMS_TABLE,
    attributes: {
      id: { type: 'increments' },
      model: { type: 'string', column: { notNullable: true } },
      documentId: { type: 'string', column: { notNullable: true } },
      locale: { type: 'string', column: { notNullable: true } },
      term: { type: 'string', column: { notNullable: true } },
      source: { type: 'string', column: { notNullable: true } },
    },
    indexes: [
      { name: 'search_terms_lookup_idx', columns: ['model', 'locale', 'term', 'document_id'] },
      { name: 'search_terms_document_idx', columns: ['model', 'document_id'] },
    ],
  },
  {
    // Idempotency-Key records of public POSTs: replay, conflict and mismatch detection across nodes.
    uid: 'app::idempotency-key',
    singularName: 'idempotency-key',
    tableName: IDEMPOTENCY_TABLE,
    attributes: {
      id: { type: 'increments' },
      keyHash: { type: 'string', column: { notNullable: true } },
      fingerprint: { type: 'string', column: { notNullable: true } },
      state: { type: 'string', column: { notNullable: true } },
      statusCode: { type: 'integer' },
      response: { type: 'text' },
      createdAt: { type: 'datetime', column: { notNullable: true } },
    },
    indexes: [
      { name: 'idempotency_keys_key_uq', columns: ['key_hash'], type: 'unique' },
      { name: 'idempotency_keys_created_idx', columns: ['created_at'] },
    ],
  },
  {
    // Nonces of form tokens already used: a token works once.
    uid: 'app::form-token-use',
    singularName: 'form-token-use',
    tableName: FORM_TOKEN_USES_TABLE,
    attributes: {
      id: { type: 'increments' },
      nonce: { type: 'string', column: { notNullable: true } },
      usedAt: { type: 'datetime', column: { notNullable: true } },
    },
    indexes: [
      { name: 'form_token_uses_nonce_uq', columns: ['nonce'], type: 'unique' },
      { name: 'form_token_uses_used_idx', columns: ['used_at'] },
    ],
  },
  {
    // Mail to send: written in the transaction of the event it reports, sent and retried by the outbox worker.
    uid: 'app::email-outbox',
    singularName: 'email-outbox',
    tableName: EMAIL_OUTBOX_TABLE,
    attributes: {
      id: { type: 'increments' },
      recipient: { type: 'string', column: { notNullable: true } },
      subject: { type: 'string', column: { notNullable: true } },
      body: { type: 'text', column: { notNullable: true } },
      topic: { type: 'string', column: { notNullable: true } },
      state: { type: 'string', column: { notNullable: true } },
      attempts: { type: 'integer', column: { notNullable: true, defaultTo: 0 } },
      nextAttemptAt: { type: 'datetime' },
      lastError: { type: 'text' },
      createdAt: { type: 'datetime', column: { notNullable: true } },
      sentAt: { type: 'datetime' },
    },
    indexes: [{ name: 'email_outbox_due_idx', columns: ['state', 'next_attempt_at'] }],
  },
  {
    // Runs of scheduled jobs: one row per (job, run key), claimed by one node; see src/infra/job-lock.ts.
    uid: 'app::job-run',
    singularName: 'job-run',
    tableName: JOB_RUNS_TABLE,
    attributes: {
      id: { type: 'increments' },
      job: { type: 'string', column: { notNullable: true } },
      runKey: { type: 'string', column: { notNullable: true } },
      status: { type: 'string', column: { notNullable: true } },
      claimToken: { type: 'string', column: { notNullable: true } },
      node: { type: 'string', column: { notNullable: true } },
      pid: { type: 'integer' },
      attempts: { type: 'integer', column: { notNullable: true, defaultTo: 1 } },
      startedAt: { type: 'datetime', column: { notNullable: true } },
      finishedAt: { type: 'datetime' },
      result: { type: 'text' },
    },
    indexes: [{ name: 'job_runs_run_uq', columns: ['job', 'run_key'], type: 'unique' }],
  },
];

export function registerInternalModels(strapi: Core.Strapi) {
  for (const model of models) strapi.get('models').add(model);
}

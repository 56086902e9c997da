/**
 * Internal tables that are not content: Strapi creates and migrates them with the content types (through its
 * models registry), so SQLite and PostgreSQL get the same columns and indexes.
 */
import type { Core } from '@strapi/strapi';

export const SEARCH_TERMS_TABLE = 'search_terms';
export const SEARCH_VERSIONS_TABLE = 'search_versions';
export const SEARCH_CHANGES_TABLE = 'search_changes';
export const IDEMPOTENCY_TABLE = 'idempotency_keys';
export const FORM_TOKEN_USES_TABLE = 'form_token_uses';
export const EMAIL_OUTBOX_TABLE = 'email_outbox';
export const JOB_RUNS_TABLE = 'job_runs';
export const ROLLUP_COUNTS_TABLE = 'rollup_counts';
export const ROLLUP_DIRTY_TABLE = 'rollup_dirty';
export const ROLLUP_STATE_TABLE = 'rollup_state';

/** A column that must hold a value; `column` adds to NOT NULL (a default). */
const required = (type: string, column: { defaultTo?: number } = {}) => ({
  type,
  column: { notNullable: true, ...column },
});

/** One internal table: uid `app::<name>`, an `id` key first, then its own columns and its indexes. */
const internalModel = (
  name: string,
  tableName: string,
  attributes: Record<string, { type: string }>,
  indexes: { name: string; columns: string[]; type?: 'unique' }[]
) => ({
  uid: `app::${name}`,
  singularName: name,
  tableName,
  attributes: { id: { type: 'increments' }, ...attributes },
  indexes,
});

const models = [
  // Folded words of searchable texts, one row per (document, locale, word, source).
  internalModel(
    'search-term',
    SEARCH_TERMS_TABLE,
    {
      model: required('string'),
      documentId: required('string'),
      locale: required('string'),
      term: required('string'),
      source: required('string'),
    },
    [
      { name: 'search_terms_lookup_idx', columns: ['model', 'locale', 'term', 'document_id'] },
      { name: 'search_terms_document_idx', columns: ['model', 'document_id'] },
    ]
  ),
  // One counter per searchable model, raised by every change to what its search finds; its row lock orders the
  // changes as they commit (src/infra/search-changes.ts).
  internalModel(
    'search-version',
    SEARCH_VERSIONS_TABLE,
    { model: required('string'), version: required('integer') },
    [{ name: 'search_versions_model_uq', columns: ['model'], type: 'unique' }]
  ),
  // The documents each version changed ('*': all of them), for the nodes that hold the search in memory.
  internalModel(
    'search-change',
    SEARCH_CHANGES_TABLE,
    { model: required('string'), version: required('integer'), documentId: required('string') },
    [{ name: 'search_changes_version_idx', columns: ['model', 'version'] }]
  ),
  // Idempotency-Key records of public POSTs: replay, conflict and mismatch detection across nodes.
  internalModel(
    'idempotency-key',
    IDEMPOTENCY_TABLE,
    {
      keyHash: required('string'),
      fingerprint: required('string'),
      state: required('string'),
      statusCode: { type: 'integer' },
      response: { type: 'text' },
      createdAt: required('datetime'),
    },
    [
      { name: 'idempotency_keys_key_uq', columns: ['key_hash'], type: 'unique' },
      { name: 'idempotency_keys_created_idx', columns: ['created_at'] },
    ]
  ),
  // Nonces of form tokens already used: a token works once.
  internalModel(
    'form-token-use',
    FORM_TOKEN_USES_TABLE,
    { nonce: required('string'), usedAt: required('datetime') },
    [
      { name: 'form_token_uses_nonce_uq', columns: ['nonce'], type: 'unique' },
      { name: 'form_token_uses_used_idx', columns: ['used_at'] },
    ]
  ),
  // Mail to send: written in the transaction of the event it reports, sent and retried by the outbox worker.
  internalModel(
    'email-outbox',
    EMAIL_OUTBOX_TABLE,
    {
      recipient: required('string'),
      subject: required('string'),
      body: required('text'),
      topic: required('string'),
      state: required('string'),
      attempts: required('integer', { defaultTo: 0 }),
      nextAttemptAt: { type: 'datetime' },
      lastError: { type: 'text' },
      createdAt: required('datetime'),
      sentAt: { type: 'datetime' },
    },
    [{ name: 'email_outbox_due_idx', columns: ['state', 'next_attempt_at'] }]
  ),
  // Runs of scheduled jobs: one row per (job, run key), claimed by one node; see src/infra/job-lock.ts.
  internalModel(
    'job-run',
    JOB_RUNS_TABLE,
    {
      job: required('string'),
      runKey: required('string'),
      status: required('string'),
      claimToken: required('string'),
      node: required('string'),
      pid: { type: 'integer' },
      attempts: required('integer', { defaultTo: 1 }),
      startedAt: required('datetime'),
      finishedAt: { type: 'datetime' },
      result: { type: 'text' },
    },
    [{ name: 'job_runs_run_uq', columns: ['job', 'run_key'], type: 'unique' }]
  ),
  // Rollups (src/infra/rollups.ts): one counter of one bucket of a slice (source, unit, local month); zeros are
  // not stored.
  internalModel(
    'rollup-count',
    ROLLUP_COUNTS_TABLE,
    {
      source: required('string'),
      unitId: required('integer'),
      month: required('string'),
      dims: required('string'),
      counter: required('string'),
      value: required('integer'),
    },
    [
      {
        name: 'rollup_counts_bucket_uq',
        columns: ['source', 'unit_id', 'month', 'dims', 'counter'],
        type: 'unique',
      },
      // Covers the dashboard's sums of a counter over a period's months.
      {
        name: 'rollup_counts_sums_idx',
        columns: ['source', 'counter', 'month', 'dims', 'unit_id', 'value'],
      },
      // A month's slices, for the rebuild and the drift check.
      { name: 'rollup_counts_month_idx', columns: ['source', 'month'] },
    ]
  ),
  // Where rows were and are counted, written by the sources' triggers, until a flush recomputes those slices.
  internalModel(
    'rollup-dirty',
    ROLLUP_DIRTY_TABLE,
    {
      source: required('string'),
      unitId: { type: 'integer' },
      at: { type: 'datetime' },
      documentId: { type: 'string' },
      tx: { type: 'biginteger' },
    },
    [{ name: 'rollup_dirty_tx_idx', columns: ['tx'] }]
  ),
  // What the rollups were built with ('definition': version and time zone).
  internalModel('rollup-state', ROLLUP_STATE_TABLE, { name: required('string'), value: required('string') }, [
    { name: 'rollup_state_name_uq', columns: ['name'], type: 'unique' },
  ]),
];

export function registerInternalModels(strapi: Core.Strapi) {
  for (const model of models) strapi.get('models').add(model);
}

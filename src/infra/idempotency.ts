/**
 * Idempotency-Key for public POSTs (draft-ietf-httpapi-idempotency-key-header): the same key and body replays the
 * first response, the same key with another body is 422, and a duplicate while the first is running is 409.
 * The claim is a unique row, so it holds across nodes. Only the key's hash is stored, and the saved response is
 * encrypted with a key derived from the Idempotency-Key itself: the table alone reveals no tracking code.
 * A claim still pending after PENDING_LEASE_MS belongs to a request whose node died (kill -9, power loss): its work
 * rolled back with it, so a retry takes the claim over. The claim's time is its owner's token: a request that
 * outlived its lease finds the claim taken when it completes, and rolls back rather than store a duplicate.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { ConflictError } from '#domain/errors';
import { isUniqueViolation } from './db-errors';
import { IDEMPOTENCY_TABLE } from './models';

const RETENTION_MS = 24 * 60 * 60 * 1000;
const PENDING_LEASE_MS = 30_000;
const KEY_FORMAT = /^[\x21-\x7e]{8,255}$/;

export type Claim =
  | { kind: 'claimed'; keyHash: string; claimedAt: Date }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'conflict' }
  | { kind: 'mismatch' };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const encryptionKey = (key: string) => createHash('sha256').update(`idempotency-response:${key}`).digest();

function seal(key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(key), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

function open(key: string, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(key), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

export const isValidIdempotencyKey = (key: string) => KEY_FORMAT.test(key);

/** A stable fingerprint of the request: its JSON with sorted keys, and the hashes of its files. */
export function fingerprintOf(data: unknown, fileHashes: string[]): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value as object)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])])
          )
        : value;
  return sha256(JSON.stringify([canonical(data), fileHashes]));
}

export function idempotency(strapi: Core.Strapi, scope: string) {
  const table = () => strapi.db.connection(IDEMPOTENCY_TABLE);
  const hashOf = (key: string) => sha256(`${scope}:${key}`);

  return {
    async claim(key: string, fingerprint: string): Promise<Claim> {
      const keyHash = hashOf(key);
      // Keys expire after a day; the cleanup rides on new claims.
      await table()
        .where('created_at', '<', new Date(Date.now() - RETENTION_MS))
        .delete();
      const claimedAt = new Date();
      try {
        await table().insert({ key_hash: keyHash, fingerprint, state: 'pending', created_at: claimedAt });
        return { kind: 'claimed', keyHash, claimedAt };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const row = await table().where({ key_hash: keyHash }).first();
      if (!row) return this.claim(key, fingerprint);
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.state !== 'done') {
        if (new Date(row.created_at).getTime() > Date.now() - PENDING_LEASE_MS) return { kind: 'conflict' };
        const taken = await table()
          .where({ key_hash: keyHash, state: 'pending', created_at: row.created_at })
          .update({ created_at: claimedAt });
        return taken ? { kind: 'claimed', keyHash, claimedAt } : this.claim(key, fingerprint);
      }
      return { kind: 'replay', status: row.status_code, body: JSON.parse(open(key, row.response)) };
    },

    /**
     * Saves the response to replay; `trx` puts it in the same transaction as the work it answers. A ConflictError
     * when another request took the claim over (this one outlived its lease): the transaction must roll back.
     */
    async complete(key: string, claimedAt: Date, status: number, body: unknown, trx?: unknown) {
      const query = table().where({ key_hash: hashOf(key), state: 'pending', created_at: claimedAt });
      if (trx) query.transacting(trx as never);
      const updated = await query.update({
        state: 'done',
        status_code: status,
        response: seal(key, JSON.stringify(body)),
      });
      if (!updated) throw new ConflictError('idempotencyKey');
    },

    /** Gives the key back after a failure, so that the client may retry (with the same or a corrected body). */
    async release(key: string, claimedAt: Date) {
      await table()
        .where({ key_hash: hashOf(key), state: 'pending', created_at: claimedAt })
        .delete();
    },
  };
}

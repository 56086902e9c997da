/**
 * Signed form tokens for the public forms (feedback, survey). The form fetches a token before the citizen starts
 * typing and posts it back; a token proves the post went through our form, not too fast and not too late. The
 * token itself is stateless: the caller makes it single-use by storing the nonce until the token would expire.
 *
 * Format: base64url(JSON payload) + '.' + base64url(HMAC-SHA256(secret, first part)).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

export interface FormTokenPayload {
  purpose: string;
  /** Milliseconds since the epoch. */
  issuedAt: number;
  /** 128 random bits, base64url (22 characters). */
  nonce: string;
}

export type FormTokenProblem = 'malformed' | 'bad_signature' | 'wrong_purpose' | 'too_fast' | 'expired';

export const FORM_TOKEN_MAX_LENGTH = 512;
/** A token issued this far in our future is still accepted (clocks of several servers drift a little). */
export const FORM_TOKEN_FUTURE_SKEW_MS = 5_000;

// Short identifiers keep every token well under FORM_TOKEN_MAX_LENGTH.
const PURPOSE_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const NONCE_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const SIGNATURE_BYTES = 32;

function assertSecret(secret: unknown): asserts secret is string {
  // An empty key would let anyone forge tokens: fail loudly on misconfiguration instead.
  if (typeof secret !== 'string' || secret.length === 0) throw new Error('Form token secret must be set');
}

function assertPurpose(purpose: unknown): asserts purpose is string {
  if (typeof purpose !== 'string' || !PURPOSE_PATTERN.test(purpose)) {
    throw new Error('Form token purpose must be a short lower-case identifier');
  }
}

const sign = (secret: string, body: string): Buffer => createHmac('sha256', secret).update(body).digest();

export function issueFormToken(secret: string, purpose: string, now: number = Date.now()): string {
  assertSecret(secret);
  assertPurpose(purpose);
  if (!Number.isSafeInteger(now))
    throw new Error('Form token time must be an integer number of milliseconds');
  const payload: FormTokenPayload = { purpose, issuedAt: now, nonce: randomBytes(16).toString('base64url') };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${sign(secret, body).toString('base64url')}`;
}

function parsePayload(body: string): FormTokenPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { purpose, issuedAt, nonce } = value as Record<string, unknown>;
  if (typeof purpose !== 'string' || typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce)) return null;
  if (typeof issuedAt !== 'number' || !Number.isSafeInteger(issuedAt)) return null;
  return { purpose, issuedAt, nonce };
}

export function verifyFormToken(
  token: unknown,
  secret: string,
  purpose: string,
  options: { now?: number; minFillMs: number; maxAgeMs: number }
): { ok: true; payload: FormTokenPayload } | { ok: false; problem: FormTokenProblem } {
  assertSecret(secret);
  assertPurpose(purpose);
  const { now = Date.now(), minFillMs, maxAgeMs } = options;
  if (![now, minFillMs, maxAgeMs].every(Number.isFinite) || minFillMs < 0 || maxAgeMs < 0) {
    throw new Error('Form token options must be finite, non-negative numbers');
  }
  const fail = (problem: FormTokenProblem) => ({ ok: false as const, problem });

  if (typeof token !== 'string' || token.length === 0 || token.length > FORM_TOKEN_MAX_LENGTH) {
    return fail('malformed');
  }
  const parts = token.split('.');
  if (parts.length !== 2) return fail('malformed');
  const [body, signature] = parts;
  if (!BASE64URL.test(body) || !BASE64URL.test(signature)) return fail('malformed');
  const given = Buffer.from(signature, 'base64url');
  // Only the canonical encoding of a 32-byte MAC is accepted, so one token has exactly one spelling.
  if (given.length !== SIGNATURE_BYTES || given.toString('base64url') !== signature) return fail('malformed');

  // Authenticate before looking inside: nothing unsigned is parsed.
  if (!timingSafeEqual(given, sign(secret, body))) return fail('bad_signature');

  const payload = parsePayload(body);
  if (!payload) return fail('malformed');
  if (payload.purpose !== purpose) return fail('wrong_purpose');

  const age = now - payload.issuedAt;
  if (age < -FORM_TOKEN_FUTURE_SKEW_MS) return fail('malformed');
  // Within the tolerated skew, a future-dated token counts as issued just now.
  const elapsed = Math.max(0, age);
  if (elapsed > maxAgeMs) return fail('expired');
  if (elapsed < minFillMs) return fail('too_fast');
  return { ok: true, payload };
}

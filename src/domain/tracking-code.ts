/**
 * Feedback tracking codes: 130 random bits as 26 Crockford base32 characters, shown in groups of four so that a
 * citizen can read them aloud or type them. Only the SHA-256 of the normalised code is stored.
 */
import { createHash, randomBytes } from 'crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 26;

function toBase32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

const group = (code: string) => code.match(/.{1,4}/g)!.join('-');

/** A fresh code from a secure random source (17 bytes = 136 bits; 26 characters keep 130 of them). */
export const generateTrackingCode = (): string => group(toBase32(randomBytes(17), TRACKING_CODE_LENGTH));

/** A stable code derived from a seed string: for demo data only. */
export const deterministicTrackingCode = (seed: string): string =>
  group(toBase32(createHash('sha256').update(seed).digest(), TRACKING_CODE_LENGTH));

/**
 * Upper case, without separators, with the letters people confuse mapped as Crockford does (O→0, I/L→1).
 * Returns null when the input cannot be a code.
 */
export function normalizeTrackingCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== TRACKING_CODE_LENGTH) return null;
  for (const char of code) if (!ALPHABET.includes(char)) return null;
  return code;
}

export const hashTrackingCode = (normalized: string): string =>
  createHash('sha256').update(normalized).digest('hex');

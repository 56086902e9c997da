import { createHmac } from 'crypto';
import { FORM_TOKEN_MAX_LENGTH, issueFormToken, verifyFormToken } from '../form-token';

const SECRET = 'test-secret-0123456789abcdef';
const T0 = 1_750_000_000_000;
const OPTIONS = { minFillMs: 3_000, maxAgeMs: 2 * 60 * 60 * 1000 };
const at = (now: number) => ({ ...OPTIONS, now });

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signed = (body: string, secret = SECRET) =>
  `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
/** Verifies `token` for `purpose` ten seconds after T0: past the fill time, well before expiry. */
const verifyLater = (token: string, purpose = 'feedback') =>
  verifyFormToken(token, SECRET, purpose, at(T0 + 10_000));
const refused = (problem: string) => ({ ok: false, problem });

describe('form tokens', () => {
  it('round-trip: a token verifies with its secret and purpose and returns its payload', () => {
    const token = issueFormToken(SECRET, 'feedback', T0);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const result = verifyLater(token);
    expect(result).toEqual({
      ok: true,
      payload: { purpose: 'feedback', issuedAt: T0, nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) },
    });
  });

  it('carry a fresh 128-bit nonce each time', () => {
    const nonces = new Set(
      Array.from({ length: 500 }, () => decode(issueFormToken(SECRET, 'survey', T0)).nonce)
    );
    expect(nonces.size).toBe(500);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64url')).toHaveLength(16);
  });

  it('stay well under the length limit', () => {
    expect(issueFormToken(SECRET, 'feedback').length).toBeLessThan(FORM_TOKEN_MAX_LENGTH / 2);
  });

  it('use the current time by default', () => {
    const before = Date.now();
    const { issuedAt } = decode(issueFormToken(SECRET, 'feedback'));
    expect(issuedAt).toBeGreaterThanOrEqual(before);
    expect(issuedAt).toBeLessThanOrEqual(Date.now());
  });

  it('reject a tampered payload', () => {
    const token = issueFormToken(SECRET, 'feedback', T0);
    const [, signature] = token.split('.');
    const payload = decode(token);
    const earlier = `${b64({ ...payload, issuedAt: T0 - 60_000 })}.${signature}`;
    expect(verifyLater(earlier)).toEqual(refused('bad_signature'));
    const otherPurpose = `${b64({ ...payload, purpose: 'survey' })}.${signature}`;
    expect(verifyLater(otherPurpose, 'survey')).toEqual(refused('bad_signature'));
  });

  it('reject a tampered signature', () => {
    const token = issueFormToken(SECRET, 'feedback', T0);
    const [body, signature] = token.split('.');
    const bytes = Buffer.from(signature, 'base64url');
    bytes[0] ^= 1;
    const flipped = `${body}.${bytes.toString('base64url')}`;
    expect(verifyLater(flipped)).toEqual(refused('bad_signature'));
  });

  it('reject a signature of the wrong length or in a non-canonical spelling as malformed', () => {
    const token = issueFormToken(SECRET, 'feedback', T0);
    const [body, signature] = token.split('.');
    expect(verifyLater(`${body}.${signature.slice(0, -2)}`)).toEqual(refused('malformed'));
    expect(verifyLater(`${body}.${signature}AA`)).toEqual(refused('malformed'));
    // The last character of 43 base64url characters carries 2 spare bits; setting them must not be accepted.
    const last = signature[signature.length - 1];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = signature.slice(0, -1) + alphabet[alphabet.indexOf(last) | 1];
    if (respelled !== signature) {
      expect(verifyLater(`${body}.${respelled}`)).toEqual(refused('malformed'));
    }
  });

  it('reject a token signed with another secret', () => {
    const token = issueFormToken('another-secret', 'feedback', T0);
    expect(verifyLater(token)).toEqual(refused('bad_signature'));
  });

  it('reject a token issued for another purpose', () => {
    const token = issueFormToken(SECRET, 'survey', T0);
    expect(verifyLater(token)).toEqual(refused('wrong_purpose'));
  });

  it('reject a form posted faster than the minimum fill time', () => {
    const token = issueFormToken(SECRET, 'feedback', T0);
    expect(verifyFormToken(token, SECRET, 'feedback', at(T0))).toEqual(refused('too_fast'));
    expect(verifyFormToken(token, SECRET, 'feedback', at(T0 + 2_999))).toEqual(refused('too_fast'));
    expect(verifyFormToken(token, SECRET, 'feedback', at(T0 + 3_000)).ok).toBe(true);
  });

  it('reject an expired token', () => {
    const token = issueFormToken(SECRET, 'feedback', T0);
    expect(verifyFormToken(token, SECRET, 'feedback', at(T0 + OPTIONS.maxAgeMs)).ok).toBe(true);
    expect(verifyFormToken(token, SECRET, 'feedback', at(T0 + OPTIONS.maxAgeMs + 1))).toEqual(
      refused('expired')
    );
  });

  it('tolerate 5 s of clock skew into the future, and no more', () => {
    const noWait = { minFillMs: 0, maxAgeMs: OPTIONS.maxAgeMs };
    const token = issueFormToken(SECRET, 'feedback', T0);
    expect(verifyFormToken(token, SECRET, 'feedback', { ...noWait, now: T0 - 5_000 }).ok).toBe(true);
    expect(verifyFormToken(token, SECRET, 'feedback', { ...noWait, now: T0 - 5_001 })).toEqual(
      refused('malformed')
    );
    // A slightly future-dated token counts as issued just now: the fill time still applies.
    expect(verifyFormToken(token, SECRET, 'feedback', at(T0 - 2_000))).toEqual(refused('too_fast'));
    const farFuture = issueFormToken(SECRET, 'feedback', T0 + 24 * 3600_000);
    expect(verifyFormToken(farFuture, SECRET, 'feedback', at(T0))).toEqual(refused('malformed'));
  });

  it('use the current time by default when verifying', () => {
    const token = issueFormToken(SECRET, 'feedback', Date.now() - 10_000);
    expect(verifyFormToken(token, SECRET, 'feedback', OPTIONS).ok).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 12345],
    ['NaN', NaN],
    ['a boolean', true],
    ['an object', { token: 'x.y' }],
    ['an array', ['a', 'b']],
    ['an empty string', ''],
    ['a dot', '.'],
    ['no dot', 'abcdef'],
    ['three parts', 'a.b.c'],
    ['an empty signature', 'abc.'],
    ['an empty body', '.abc'],
    ['padding', 'YWJj.YWJj=='],
    ['spaces', 'ab c.def'],
    ['non-ASCII', 'thư.điện'],
    ['a huge string', 'A'.repeat(1_000_000)],
    ['a string just over the limit', `${'A'.repeat(FORM_TOKEN_MAX_LENGTH - 44)}.${'A'.repeat(44)}`],
  ])('reject %s as malformed', (_name, token) => {
    expect(verifyFormToken(token, SECRET, 'feedback', at(T0))).toEqual(refused('malformed'));
  });

  it('reject a correctly signed body that is not a valid payload as malformed', () => {
    const bodies = [
      Buffer.from('not json').toString('base64url'),
      b64(null),
      b64([1, 2, 3]),
      b64('feedback'),
      b64({ purpose: 'feedback', issuedAt: T0 }),
      b64({ purpose: 'feedback', issuedAt: String(T0), nonce: 'A'.repeat(22) }),
      b64({ purpose: 'feedback', issuedAt: T0 + 0.5, nonce: 'A'.repeat(22) }),
      b64({ purpose: 'feedback', issuedAt: T0, nonce: 'short' }),
      b64({ purpose: 1, issuedAt: T0, nonce: 'A'.repeat(22) }),
    ];
    for (const body of bodies) {
      expect(verifyLater(signed(body))).toEqual(refused('malformed'));
    }
    const good = b64({ purpose: 'feedback', issuedAt: T0, nonce: 'A'.repeat(22) });
    expect(verifyLater(signed(good)).ok).toBe(true);
  });

  it('refuse to work without a secret or with a bad purpose', () => {
    expect(() => issueFormToken('', 'feedback')).toThrow();
    expect(() => issueFormToken(SECRET, '')).toThrow();
    expect(() => issueFormToken(SECRET, 'x'.repeat(500))).toThrow();
    expect(() => verifyFormToken('a.b', '', 'feedback', OPTIONS)).toThrow();
    expect(() => verifyFormToken('a.b', SECRET, 'feedback', { minFillMs: NaN, maxAgeMs: 1 })).toThrow();
  });
});

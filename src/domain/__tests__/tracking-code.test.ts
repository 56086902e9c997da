import {
  deterministicTrackingCode,
  generateTrackingCode,
  hashTrackingCode,
  normalizeTrackingCode,
} from '../tracking-code';

describe('tracking codes', () => {
  it('are 26 base32 characters in groups of four', () => {
    const code = generateTrackingCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/);
  });

  it('do not repeat', () => {
    const codes = new Set(Array.from({ length: 1000 }, generateTrackingCode));
    expect(codes.size).toBe(1000);
  });

  it('are read back whatever the case, separators or confusable letters', () => {
    const code = deterministicTrackingCode('x');
    const normalized = normalizeTrackingCode(code)!;
    expect(normalizeTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(normalized);
    const withConfusables = normalized.replace(/0/g, 'O').replace(/1/g, 'l');
    expect(normalizeTrackingCode(withConfusables)).toBe(normalized);
  });

  it('reject what cannot be a code', () => {
    expect(normalizeTrackingCode('ABC')).toBeNull();
    expect(normalizeTrackingCode('U'.repeat(26))).toBeNull();
    expect(normalizeTrackingCode('A'.repeat(65))).toBeNull();
  });

  it('are stored as a SHA-256 hash', () => {
    const hash = hashTrackingCode(normalizeTrackingCode(deterministicTrackingCode('x'))!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalizeTrackingCode(deterministicTrackingCode('x')));
  });
});

import { CONFLICT_MESSAGES, ConflictError } from '#domain/errors';
import { sendConflict, withConflicts } from '../errors';

const context = (acceptLanguage = '') => {
  const headers: Record<string, string> = {};
  return {
    status: 200,
    body: undefined as unknown,
    headers,
    set(header: string, value: string) {
      headers[header] = value;
    },
    get: (header: string) => (header === 'accept-language' ? acceptLanguage : ''),
  };
};

describe('the one 409', () => {
  it('answers in Strapi’s error shape, in the language asked for, never cached', () => {
    const ctx = context();
    sendConflict(ctx, new ConflictError('submission'), 'en');
    expect(ctx.status).toBe(409);
    expect(ctx.headers['Cache-Control']).toBe('no-store');
    expect(ctx.body).toEqual({
      data: null,
      error: {
        status: 409,
        name: 'ConflictError',
        message: 'The submission was changed by someone else: reload it and try again.',
        details: {},
      },
    });
    sendConflict(ctx, new ConflictError('report'), 'vi');
    expect(ctx.body).toMatchObject({ error: { message: CONFLICT_MESSAGES.report.vi } });
  });

  it('turns a ConflictError of a write into the 409 and lets any other error through', async () => {
    const ctx = context('en-GB,en;q=0.9');
    await withConflicts(ctx, async () => {
      throw new ConflictError('difficulty');
    });
    expect(ctx.body).toMatchObject({ error: { status: 409, message: CONFLICT_MESSAGES.difficulty.en } });
    await expect(withConflicts(context(), async () => 'done')).resolves.toBe('done');
    await expect(
      withConflicts(context(), async () => {
        throw new Error('boom');
      })
    ).rejects.toThrow('boom');
  });

  it('has a message in both languages for every subject', () => {
    for (const messages of Object.values(CONFLICT_MESSAGES)) {
      expect(messages.vi).toBeTruthy();
      expect(messages.en).toBeTruthy();
    }
  });
});

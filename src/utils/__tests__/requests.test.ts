import type { Context } from 'koa';
import { ConflictError, fieldError, type Validated } from '#domain/errors';
import { dataOr404, noParameters, recordWrite, valid } from '../requests';

/** A stand-in for Koa's context: what the helpers read and set. */
const context = ({
  body,
  query = {},
  documentId = 'doc-1',
}: {
  body?: unknown;
  query?: object;
  documentId?: string;
}) => {
  const headers: Record<string, string> = {};
  return {
    request: { body, get: (header: string) => (header === 'accept-language' ? 'en' : '') },
    query,
    params: { documentId },
    status: 200,
    body: undefined as unknown,
    headers,
    set: (header: string, value: string) => void (headers[header] = value),
    notFound: jest.fn(() => 'not found'),
  } as unknown as Context & { headers: Record<string, string>; notFound: jest.Mock };
};

const checkTitle = (body: unknown): Validated<string> => {
  const title = (body as { title?: unknown } | undefined)?.title;
  return typeof title === 'string'
    ? { ok: true, value: title }
    : { ok: false, errors: [fieldError(['title'], 'Thiếu tiêu đề.', 'The title is required.', 'en')] };
};

describe('reading a request', () => {
  it('valid gives the clean value, or throws the 400 naming every problem', () => {
    expect(valid(checkTitle({ title: 'A' }))).toBe('A');
    expect(() => valid(checkTitle({}))).toThrow(
      expect.objectContaining({ name: 'ValidationError', message: 'The title is required.' })
    );
  });

  it('noParameters refuses any query parameter', () => {
    expect(() => noParameters(context({}))).not.toThrow();
    expect(() => noParameters(context({ query: { page: '2' } }))).toThrow(
      expect.objectContaining({
        name: 'ValidationError',
        details: { errors: [expect.objectContaining({ path: ['page'] })] },
      })
    );
  });

  it('dataOr404 answers the record, or the 404 when there is none', () => {
    const ctx = context({});
    expect(dataOr404(ctx, { id: 1 })).toEqual({ data: { id: 1 } });
    expect(dataOr404(ctx, null)).toBe('not found');
  });
});

describe('recordWrite', () => {
  const write = jest.fn();
  const action = recordWrite({
    check: checkTitle,
    write,
    reply: (_ctx, done: { title: string }, documentId) => ({ data: { ...done, documentId } }),
  });
  beforeEach(() => write.mockReset());

  it('checks the body, then writes the record of the path and answers with it', async () => {
    write.mockResolvedValue({ title: 'A' });
    const ctx = context({ body: { title: 'A' } });
    expect(await action(ctx)).toEqual({ data: { title: 'A', documentId: 'doc-1' } });
    expect(write).toHaveBeenCalledWith(ctx, 'doc-1', 'A', 'en');
  });

  it('answers a bad body with the 400 before writing anything', async () => {
    await expect(action(context({ body: {} }))).rejects.toMatchObject({ name: 'ValidationError' });
    expect(write).not.toHaveBeenCalled();
  });

  it('answers 404 when there is no such record, and the one 409 for a stale version', async () => {
    write.mockResolvedValueOnce(null);
    expect(await action(context({ body: { title: 'A' } }))).toBe('not found');

    write.mockRejectedValueOnce(new ConflictError('report'));
    const ctx = context({ body: { title: 'A' } });
    await action(ctx);
    expect(ctx.status).toBe(409);
    expect(ctx.body).toMatchObject({ error: { name: 'ConflictError' } });
  });

  it('answers 404 without reading the body when the path cannot name a record', async () => {
    const strict = recordWrite({ check: checkTitle, write, reply: () => null, documentId: () => null });
    expect(await strict(context({ body: {} }))).toBe('not found');
    expect(write).not.toHaveBeenCalled();
  });
});

import type { Core } from '@strapi/strapi';
import { ConflictError } from '#domain/errors';
import { assertVersion, versionedUpdate } from '../versioned-update';

/** A Strapi whose query engine records each updateMany and answers the count it is given. */
const fakeStrapi = (count: number) => {
  const calls: { uid: string; params: unknown }[] = [];
  const strapi = {
    db: {
      query: (uid: string) => ({
        updateMany: async (params: unknown) => {
          calls.push({ uid, params });
          return { count };
        },
      }),
    },
  } as unknown as Core.Strapi;
  return { strapi, calls };
};

describe('versionedUpdate', () => {
  it('updates the rows still at the version read, moving it on by one', async () => {
    const { strapi, calls } = fakeStrapi(1);
    await versionedUpdate(strapi, 'plugin::x.thing', {
      where: { documentId: 'abc', state: 'open' },
      version: 4,
      data: { state: 'closed' },
      subject: 'difficulty',
    });
    expect(calls).toEqual([
      {
        uid: 'plugin::x.thing',
        params: {
          where: { documentId: 'abc', state: 'open', version: 4 },
          data: { state: 'closed', version: 5 },
        },
      },
    ]);
  });

  it('throws the ConflictError of its subject when no row was at that version', async () => {
    const { strapi } = fakeStrapi(0);
    const update = versionedUpdate(strapi, 'plugin::x.thing', {
      where: { documentId: 'abc' },
      version: 4,
      subject: 'feedback',
    });
    await expect(update).rejects.toBeInstanceOf(ConflictError);
    await expect(update).rejects.toMatchObject({ subject: 'feedback', name: 'ConflictError' });
  });

  it('refuses a client that read an older version', () => {
    expect(() => assertVersion(3, 3, 'report')).not.toThrow();
    expect(() => assertVersion(4, 3, 'report')).toThrow(ConflictError);
  });
});

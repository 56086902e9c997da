import { guarded } from '../route-table';

describe('guarded', () => {
  it('makes Strapi routes of the rows, in their order, each with the guard', () => {
    const guard = { policies: ['admin::isAuthenticatedAdmin'] };
    expect(guarded(guard, { 'GET /items': 'items.find', 'POST /items/:id/moves': 'items.move' })).toEqual([
      { method: 'GET', path: '/items', handler: 'items.find', config: guard },
      { method: 'POST', path: '/items/:id/moves', handler: 'items.move', config: guard },
    ]);
  });

  it('gives each route its own config, as Strapi writes each route’s auth scope into it', () => {
    const [first, second] = guarded({ auth: false }, { 'GET /a': 'a.find', 'GET /b': 'b.find' });
    expect(first.config).not.toBe(second.config);
  });
});

import { allOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

/**
 * Public routes under /widgets/v1 (no /api prefix: the paths are what websites paste), and the IT Center's
 * settings (admin JWT, behind `manage`). The named pages come before `:file`, which would also match them.
 */
export default {
  public: {
    type: 'admin',
    prefix: '/widgets',
    routes: guarded(
      { auth: false },
      {
        'GET /v1/demo.html': 'assets.demo',
        'GET /v1/embed/:name': 'assets.embed',
        'GET /v1/:file': 'assets.script',
      }
    ),
  },
  admin: {
    type: 'admin',
    routes: guarded(allOf(ACTIONS.manage), {
      'GET /settings': 'settings.find',
      'PUT /settings': 'settings.update',
    }),
  },
};

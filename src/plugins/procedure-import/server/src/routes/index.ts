import { allOf } from '#utils/admin-routes';
import { guarded } from '#utils/route-table';
import { ACTIONS } from '../permissions';

/** Admin routes (admin JWT): the IT Center's imports and the catalogue workbook, all behind `manage`. */
export default {
  admin: {
    type: 'admin',
    routes: guarded(allOf(ACTIONS.manage), {
      'POST /imports': 'imports.create',
      'GET /imports': 'imports.find',
      'GET /imports/:id': 'imports.findOne',
      'GET /imports/:id/rows': 'imports.rows',
      'POST /imports/:id/apply': 'imports.apply',
      'GET /catalogue': 'catalogue.download',
    }),
  },
};

import { pluginPages } from '#admin/shared/plugin';
import { MANAGE } from '../access';
import { ImportPage } from './ImportPage';
import { ListPage } from './ListPage';

/** The plugin's pages under /admin/plugins/procedure-import. */
export default pluginPages({
  permissions: MANAGE,
  routes: [{ element: <ListPage /> }, { path: 'imports/:id', element: <ImportPage /> }],
});

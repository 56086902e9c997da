import { READ } from '../access';
import { ListPage } from './ListPage';
import { ReportPage } from './ReportPage';
import { pluginPages } from '#admin/shared/plugin';

/** The plugin's pages under /admin/plugins/annual-report. */
export default pluginPages({
  permissions: READ,
  routes: [{ element: <ListPage /> }, { path: 'reports/:documentId', element: <ReportPage /> }],
});

import { READ } from '../access';
import { ListPage } from './ListPage';
import { ReportPage } from './ReportPage';
import { PluginPages } from '#admin/shared/plugin';

/** The plugin's pages under /admin/plugins/annual-report. */
const App = () => (
  <PluginPages
    permissions={READ}
    routes={[{ element: <ListPage /> }, { path: 'reports/:documentId', element: <ReportPage /> }]}
  />
);

export default App;

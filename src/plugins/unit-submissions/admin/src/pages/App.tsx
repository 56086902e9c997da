import { ACTIONS } from '#unit-submissions/permissions';
import { OptionsProvider } from '../components/OptionsContext';
import { DetailPage } from './DetailPage';
import { ListPage } from './ListPage';
import { NewPage } from './NewPage';
import { PluginPages } from '#admin/shared/plugin';

const PERMISSIONS = [{ action: ACTIONS.read, subject: null }];

/** The plugin's pages under /admin/plugins/unit-submissions. */
const App = () => (
  <PluginPages
    permissions={PERMISSIONS}
    provider={OptionsProvider}
    routes={[
      { element: <ListPage /> },
      { path: 'submissions/new', element: <NewPage /> },
      { path: 'submissions/:documentId', element: <DetailPage /> },
    ]}
  />
);

export default App;

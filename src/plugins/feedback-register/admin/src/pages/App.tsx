import { ACTIONS } from '#feedback-register/permissions';
import { OptionsProvider } from '../components/OptionsContext';
import { DetailPage } from './DetailPage';
import { ListPage } from './ListPage';
import { NewPage } from './NewPage';
import { PluginPages } from '#admin/shared/plugin';

const PERMISSIONS = [{ action: ACTIONS.read, subject: null }];

/** The plugin's pages under /admin/plugins/feedback-register. */
const App = () => (
  <PluginPages
    permissions={PERMISSIONS}
    provider={OptionsProvider}
    routes={[
      { element: <ListPage /> },
      { path: 'feedbacks/new', element: <NewPage /> },
      { path: 'feedbacks/:documentId', element: <DetailPage /> },
    ]}
  />
);

export default App;

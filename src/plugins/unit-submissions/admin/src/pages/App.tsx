import { ACTIONS } from '#unit-submissions/permissions';
import { OptionsProvider } from '../components/OptionsContext';
import { DetailPage } from './DetailPage';
import { ListPage } from './ListPage';
import { NewPage } from './NewPage';
import { pluginPages, registerRoutes } from '#admin/shared/plugin';

/** The plugin's pages under /admin/plugins/unit-submissions. */
export default pluginPages({
  permissions: [{ action: ACTIONS.read, subject: null }],
  provider: OptionsProvider,
  routes: registerRoutes('submissions', { List: ListPage, New: NewPage, Detail: DetailPage }),
});

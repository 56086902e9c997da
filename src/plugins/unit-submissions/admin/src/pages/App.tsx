import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { ACTIONS } from '#unit-submissions/permissions';
import { OptionsProvider } from '../components/OptionsContext';
import { DetailPage } from './DetailPage';
import { ListPage } from './ListPage';
import { NewPage } from './NewPage';

const PERMISSIONS = [{ action: ACTIONS.read, subject: null }];

/** The plugin's pages under /admin/plugins/unit-submissions. */
const App = () => (
  <Page.Protect permissions={PERMISSIONS}>
    <OptionsProvider>
      <Routes>
        <Route index element={<ListPage />} />
        <Route path="submissions/new" element={<NewPage />} />
        <Route path="submissions/:documentId" element={<DetailPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </OptionsProvider>
  </Page.Protect>
);

export default App;

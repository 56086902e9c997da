import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { READ } from '../access';
import { ListPage } from './ListPage';
import { ReportPage } from './ReportPage';

/** The plugin's pages under /admin/plugins/annual-report. */
const App = () => (
  <Page.Protect permissions={READ}>
    <Routes>
      <Route index element={<ListPage />} />
      <Route path="reports/:documentId" element={<ReportPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;

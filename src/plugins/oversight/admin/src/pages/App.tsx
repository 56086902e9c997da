import { Page } from '@strapi/strapi/admin';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ANY_ACTION } from '../access';
import { OptionsProvider, useOptions } from '../components/OptionsContext';
import { DashboardPage } from './DashboardPage';
import { DifficultiesPage } from './DifficultiesPage';
import { EscalationsPage } from './EscalationsPage';
import { InspectionsPage } from './InspectionsPage';
import { MyPage } from './MyPage';
import { UnitPage } from './UnitPage';

/** The plugin's first page: the dashboard for those who oversee, else the units' own page, else the Director's. */
const Home = () => {
  const { access } = useOptions();
  if (access.canDashboard) return <DashboardPage />;
  if (access.canUnit) return <Navigate to="my" replace />;
  if (access.canEscalations) return <Navigate to="escalations" replace />;
  if (access.canManage) return <Navigate to="difficulties" replace />;
  return <Page.NoPermissions />;
};

/** The plugin's pages under /admin/plugins/oversight. */
const App = () => (
  <Page.Protect permissions={ANY_ACTION}>
    <OptionsProvider>
      <Routes>
        <Route index element={<Home />} />
        <Route path="units/:unitId" element={<UnitPage />} />
        <Route path="my" element={<MyPage />} />
        <Route path="difficulties" element={<DifficultiesPage />} />
        <Route path="escalations" element={<EscalationsPage />} />
        <Route path="inspections" element={<InspectionsPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </OptionsProvider>
  </Page.Protect>
);

export default App;

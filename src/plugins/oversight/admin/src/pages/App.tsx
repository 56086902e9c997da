import { Page } from '@strapi/strapi/admin';
import { Navigate } from 'react-router-dom';
import { ANY_ACTION } from '../access';
import { OptionsProvider, useOptions } from '../components/OptionsContext';
import { DashboardPage } from './DashboardPage';
import { DifficultiesPage } from './DifficultiesPage';
import { EscalationsPage } from './EscalationsPage';
import { ChecksPage } from './ChecksPage';
import { MyPage } from './MyPage';
import { UnitPage } from './UnitPage';
import { pluginPages } from '#admin/shared/plugin';

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
export default pluginPages({
  permissions: ANY_ACTION,
  provider: OptionsProvider,
  routes: [
    { element: <Home /> },
    { path: 'units/:unitId', element: <UnitPage /> },
    { path: 'my', element: <MyPage /> },
    { path: 'difficulties', element: <DifficultiesPage /> },
    { path: 'escalations', element: <EscalationsPage /> },
    { path: 'checks', element: <ChecksPage /> },
  ],
});

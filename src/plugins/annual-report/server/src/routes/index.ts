import exportsRoutes from './exports';
import reports from './reports';

/** Admin routes (admin JWT); each area's file lists its routes with the RBAC actions they need. */
export default {
  admin: {
    type: 'admin',
    routes: [...reports, ...exportsRoutes],
  },
};

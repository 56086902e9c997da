import checks from './checks';
import dashboard from './dashboard';
import difficulties from './difficulties';
import reminders from './reminders';
import taskReports from './task-reports';

/** Admin routes (admin JWT); each area's file lists its routes with the RBAC actions they need. */
export default {
  admin: {
    type: 'admin',
    routes: [...dashboard, ...reminders, ...checks, ...difficulties, ...taskReports],
  },
};

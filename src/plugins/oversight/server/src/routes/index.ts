import dashboard from './dashboard';
import records from './records';
import reminders from './reminders';

/** Admin routes (admin JWT); each area's file lists its routes with the RBAC actions they need. */
export default {
  admin: {
    type: 'admin',
    routes: [...dashboard, ...reminders, ...records],
  },
};

import access from './access';
import checks from './checks';
import dashboard from './dashboard';
import difficulties from './difficulties';
import digest from './digest';
import drillDowns from './drill-downs';
import reminders from './reminders';
import rollups from './rollups';
import taskReports from './task-reports';
import tasks from './tasks';
import unitPage from './unit-page';

export default {
  access,
  checks,
  dashboard,
  difficulties,
  drillDowns,
  digest,
  reminders,
  rollups,
  taskReports,
  tasks,
  unitPage,
};

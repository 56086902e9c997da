import checks from './checks';
import dashboard from './dashboard';
import difficulties from './difficulties';
import reminders from './reminders';
import taskReports from './task-reports';

export default { checks, dashboard, difficulties, reminders, taskReports };

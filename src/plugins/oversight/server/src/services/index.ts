import access from './access';
import dashboard from './dashboard';
import digest from './digest';
import drillDowns from './drill-downs';
import records from './records';
import reminders from './reminders';
import tasks from './tasks';

export default { access, dashboard, drillDowns, digest, reminders, records, tasks };

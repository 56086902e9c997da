import access from './access';
import dashboard from './dashboard';
import records from './records';
import reminders from './reminders';
import tasks from './tasks';

export default { access, dashboard, reminders, records, tasks };

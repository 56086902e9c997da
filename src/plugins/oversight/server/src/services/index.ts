import access from './access';
import dashboard from './dashboard';
import digest from './digest';
import records from './records';
import reminders from './reminders';
import tasks from './tasks';

export default { access, dashboard, digest, reminders, records, tasks };

import dashboard from './dashboard';
import records from './records';
import reminders from './reminders';

export default { dashboard, reminders, records };

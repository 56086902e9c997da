import check from './check';
import difficulty from './difficulty';
import reminder from './reminder';
import reminderItem from './reminder-item';
import taskReport from './task-report';

export default {
  reminder,
  'reminder-item': reminderItem,
  check,
  difficulty,
  'task-report': taskReport,
};

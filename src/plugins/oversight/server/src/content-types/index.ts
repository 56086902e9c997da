import difficulty from './difficulty';
import inspection from './inspection';
import reminder from './reminder';
import reminderItem from './reminder-item';
import taskReport from './task-report';

export default {
  reminder,
  'reminder-item': reminderItem,
  inspection,
  difficulty,
  'task-report': taskReport,
};

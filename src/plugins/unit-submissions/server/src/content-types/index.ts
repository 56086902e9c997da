import attachment from './attachment';
import comment from './comment';
import historyEntry from './history-entry';
import submission from './submission';

export default { submission, attachment, comment, 'history-entry': historyEntry };

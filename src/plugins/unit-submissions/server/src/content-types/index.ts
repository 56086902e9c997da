import attachment from './attachment';
import comment from './comment';
import event from './event';
import submission from './submission';

export default { submission, attachment, comment, event };

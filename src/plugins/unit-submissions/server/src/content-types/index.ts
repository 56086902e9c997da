import attachment from './attachment';
import comment from './comment';
import event from './event';
import membership from './membership';
import submission from './submission';

export default { submission, attachment, comment, event, membership };

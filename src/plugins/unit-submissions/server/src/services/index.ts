import attachments from './attachments';
import history from './history';
import submissions from './submissions';

export default { attachments, history, submissions };

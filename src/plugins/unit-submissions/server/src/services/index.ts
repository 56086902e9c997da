import attachments from './attachments';
import history from './history';
import memberships from './memberships';
import submissions from './submissions';

export default { attachments, history, memberships, submissions };

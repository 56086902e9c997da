import attachments from './attachments';
import memberships from './memberships';
import submissions from './submissions';

export default { attachments, memberships, submissions };

import memberships from './memberships';
import submissions from './submissions';

export default { memberships, submissions };

import history from './history';
import memberships from './memberships';
import submissions from './submissions';

export default { history, memberships, submissions };

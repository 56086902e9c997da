import articles from './articles';
import attachments from './attachments';
import history from './history';
import submissions from './submissions';
import transitions from './transitions';

export default { articles, attachments, history, submissions, transitions };

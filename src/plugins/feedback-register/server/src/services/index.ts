import attachment from './attachment';
import history from './history';
import register from './register';

export default { attachment, history, register };

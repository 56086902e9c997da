import attachment from './attachment';
import history from './history';
import register from './register';
import retention from './retention';

export default { attachment, history, register, retention };

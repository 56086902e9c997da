import attachment from './attachment';
import register from './register';

export default { attachment, register };

import attachment from './attachment';
import csvExport from './csv-export';
import history from './history';
import register from './register';
import registration from './registration';
import retention from './retention';
import transitions from './transitions';

export default { attachment, csvExport, history, register, registration, retention, transitions };

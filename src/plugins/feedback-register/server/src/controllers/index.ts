import attachment from './attachment';

export default { attachment };

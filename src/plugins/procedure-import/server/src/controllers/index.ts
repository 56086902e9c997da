import catalogue from './catalogue';
import imports from './imports';

export default { imports, catalogue };

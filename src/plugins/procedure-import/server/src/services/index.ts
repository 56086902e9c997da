import catalogue from './catalogue';
import imports from './imports';
import references from './references';

export default { catalogue, imports, references };

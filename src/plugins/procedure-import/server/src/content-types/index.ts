import procedureImport from './procedure-import';
import importRow from './import-row';

export default { 'procedure-import': procedureImport, 'import-row': importRow };
